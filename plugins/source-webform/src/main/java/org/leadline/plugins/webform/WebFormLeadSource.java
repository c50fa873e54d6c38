package org.leadline.plugins.webform;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.LeadSource;
import org.leadline.plugin.api.source.ReadResult;
import org.pf4j.Extension;

/**
 * Reads one web-form post into one lead draft. The server passes the form's mapping in the
 * material's attributes:
 * <ul>
 *   <li>{@code field.<form field>} = the lead field it fills ({@code firstName}, {@code email}, ...),
 *       or empty for a declared field that fills none;</li>
 *   <li>{@code ignore} = comma-separated form fields that are not content (the fill-time token, the honeypot);</li>
 *   <li>{@code charset} of a form-urlencoded body, {@code sourceDetail} for the lead's origin detail.</li>
 * </ul>
 * Fields that fill no lead field go to the draft's {@code extra}, at most {@code extraFields} of them,
 * each cut to {@code extraLength} characters. A problem is reported as {@code "<form field>: reason"}.
 */
@Extension
public class WebFormLeadSource implements LeadSource {

    /** Resolved once: each static method of jakarta.json.Json looks the provider up again. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();
    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    @Override
    public String id() {
        return "webform";
    }

    @Override
    public String description() {
        return "Turns web-form posts (form-urlencoded or JSON) into leads using each form's field mapping";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.of("extraFields", SettingType.INTEGER).defaultValue("20").range(0, 100)
                        .help("How many form fields that fill no lead field are kept in the lead's description"),
                Setting.of("extraLength", SettingType.INTEGER).defaultValue("500").range(1, 10_000)
                        .help("How many characters of each such field are kept"));
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of(URLENCODED, JSON);
    }

    @Override
    public ReadResult read(InboundMaterial material, PluginContext context) {
        Map<String, String> attributes = material.attributes();
        List<String> problems = new ArrayList<>();
        Map<String, String> posted;
        try {
            posted = material.mediaType().equals(JSON) ? json(material.content(), problems)
                    : urlencoded(material.content(), charset(attributes.get("charset")));
        } catch (RuntimeException e) {
            return new ReadResult(List.of(), List.of("The post cannot be read as " + material.mediaType()));
        }
        Map<String, String> leadFieldOf = new HashMap<>();
        attributes.forEach((k, v) -> {
            if (k.startsWith("field.")) {
                leadFieldOf.put(k.substring(6), v);
            }
        });
        Set<String> ignored = Set.of(attributes.getOrDefault("ignore", "").split(","));
        long maxExtra = context.config().integer("extraFields").orElse(20L);
        long maxLength = context.config().integer("extraLength").orElse(500L);

        Map<String, String> lead = new HashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : posted.entrySet()) {
            String value = e.getValue().strip();
            if (ignored.contains(e.getKey()) || value.isEmpty()) {
                continue;
            }
            String target = leadFieldOf.get(e.getKey());
            if (target != null && !target.isEmpty()) {
                lead.put(target, value);
            } else if (extra.size() < maxExtra) {
                extra.put(e.getKey(), value.length() > maxLength ? value.substring(0, (int) maxLength) + "…" : value);
            }
        }
        String lastName = lead.get("lastName");
        if (lastName == null) {
            String field = leadFieldOf.entrySet().stream().filter(x -> "lastName".equals(x.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse("lastName");
            problems.add(field + ": is required");
        }
        if (!problems.isEmpty()) {
            return new ReadResult(List.of(), problems);
        }
        String country = lead.get("country");
        LeadDraft draft = new LeadDraft(lead.get("salutation"), lead.get("firstName"), lastName, lead.get("jobTitle"),
                lead.get("email"), lead.get("phone"), lead.get("companyName"), lead.get("website"),
                country == null ? null : country.toUpperCase(java.util.Locale.ROOT), null, lead.get("need"),
                lead.get("topic"), attributes.get("sourceDetail"), extra);
        return new ReadResult(List.of(draft), List.of());
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Map<String, String> urlencoded(byte[] body, Charset charset) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, charset).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            fields.merge(name, value, (a, b) -> a + ", " + b);
        }
        return fields;
    }

    private static Map<String, String> json(byte[] body, List<String> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonObject object;
        try (var reader = JSON_PROVIDER.createReader(new ByteArrayInputStream(body))) {
            object = reader.readObject();
        }
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            JsonValue v = e.getValue();
            switch (v.getValueType()) {
                case STRING -> fields.put(e.getKey(), ((JsonString) v).getString());
                case NUMBER, TRUE, FALSE -> fields.put(e.getKey(), v.toString());
                case NULL -> { }
                case ARRAY -> {
                    List<String> parts = new ArrayList<>();
                    for (JsonValue item : (JsonArray) v) {
                        parts.add(item instanceof JsonString s ? s.getString() : item.toString());
                    }
                    fields.put(e.getKey(), String.join(", ", parts));
                }
                default -> problems.add(e.getKey() + ": must be text, a number, true/false or a list of them");
            }
        }
        return fields;
    }
}
