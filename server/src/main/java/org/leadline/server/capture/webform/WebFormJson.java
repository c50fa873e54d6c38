package org.leadline.server.capture.webform;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.server.lead.Source;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;

/** The JSON form of web forms: strict reading with every problem named, and the stored fields. */
final class WebFormJson {

    /** Form field names: what an HTML {@code name} attribute sensibly holds. */
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,63}");

    static final int DEFAULT_MIN_FILL_SECONDS = 3;
    static final int DEFAULT_PER_IP_PER_MINUTE = 10;
    static final int DEFAULT_PER_FORM_PER_MINUTE = 300;
    static final int DEFAULT_DUPLICATE_WINDOW_SECONDS = 600;

    private WebFormJson() {
    }

    static WebFormDefinition read(JsonObject body, List<FieldError> errors) {
        JsonInput in = new JsonInput(body, "", errors);
        in.allow("id", "formKey", "statistics", "createdAt", "createdBy", "updatedAt", "updatedBy", "version",
                "publicUrl", "tokenField");
        String name = text(in, "name", 200, true);
        List<WebFormDefinition.Field> fields = fields(in, errors);
        Source source = in.enumValue("source", Source.class);
        String sourceDetail = text(in, "sourceDetail", 200, false);
        List<String> origins = origins(in);
        String redirectUrl = redirect(in);
        Boolean enabled = in.bool("enabled");
        String honeypot = in.string("honeypotField");
        if (honeypot != null) {
            if (!FIELD_NAME.matcher(honeypot).matches()) {
                in.error("honeypotField", "must be a field name: a letter, then letters, digits, _ . - [ ] (max 64)");
            } else if (fields.stream().anyMatch(f -> f.name().equals(honeypot))) {
                in.error("honeypotField", "must not be one of the form's fields");
            }
        }
        int minFill = range(in, "minFillSeconds", 0, 3600, DEFAULT_MIN_FILL_SECONDS);
        int perIp = range(in, "perIpPerMinute", 1, 100_000, DEFAULT_PER_IP_PER_MINUTE);
        int perForm = range(in, "perFormPerMinute", 1, 1_000_000, DEFAULT_PER_FORM_PER_MINUTE);
        int window = range(in, "duplicateWindowSeconds", 0, 86_400, DEFAULT_DUPLICATE_WINDOW_SECONDS);
        String ownerId = in.string("ownerId");
        in.rejectUnknown();
        return new WebFormDefinition(name, fields, source == null ? Source.WEB : source, sourceDetail, origins,
                redirectUrl, enabled == null || enabled, honeypot, minFill, perIp, perForm, window, ownerId);
    }

    private static String text(JsonInput in, String key, int max, boolean required) {
        String value = in.string(key);
        if (value == null && required && in.errors().stream().noneMatch(e -> e.field().equals(in.path(key)))) {
            in.error(key, "is required");
        } else if (value != null && value.length() > max) {
            in.error(key, "must be at most " + max + " characters");
        }
        return value;
    }

    private static int range(JsonInput in, String key, int min, int max, int fallback) {
        Integer value = in.integer(key);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            in.error(key, "must be between " + min + " and " + max);
            return fallback;
        }
        return value;
    }

    private static List<WebFormDefinition.Field> fields(JsonInput in, List<FieldError> errors) {
        JsonValue value = in.value("fields");
        if (value == null) {
            if (errors.stream().noneMatch(e -> e.field().equals("fields"))) {
                in.error("fields", "is required: a list of {name, leadField, required, maxLength}");
            }
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            in.error("fields", "must be a list of {name, leadField, required, maxLength}");
            return List.of();
        }
        if (array.isEmpty() || array.size() > WebFormDefinition.MAX_FIELDS) {
            in.error("fields", "must have 1 to " + WebFormDefinition.MAX_FIELDS + " entries");
            return List.of();
        }
        List<WebFormDefinition.Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "fields[" + i + "]";
            if (!(array.get(i) instanceof JsonObject o)) {
                errors.add(new FieldError(path, "must be an object with name, leadField, required and maxLength"));
                continue;
            }
            JsonInput f = new JsonInput(o, path, errors);
            String name = f.string("name");
            if (name == null) {
                if (errors.stream().noneMatch(e -> e.field().equals(f.path("name")))) {
                    f.error("name", "is required");
                }
            } else if (!FIELD_NAME.matcher(name).matches()) {
                f.error("name", "must be a letter, then letters, digits, _ . - [ ] (max 64)");
            } else if (!names.add(name)) {
                f.error("name", "is used by another field of the form");
            }
            String leadField = f.string("leadField");
            if (leadField != null) {
                if (!WebFormDefinition.LEAD_FIELDS.contains(leadField)) {
                    f.error("leadField", "must be one of " + String.join(", ", WebFormDefinition.LEAD_FIELDS));
                } else if (!targets.add(leadField)) {
                    f.error("leadField", "is filled by another field of the form");
                }
            }
            Boolean required = f.bool("required");
            Integer maxLength = f.integer("maxLength");
            if (maxLength != null && (maxLength < 1 || maxLength > WebFormDefinition.MAX_FIELD_LENGTH)) {
                f.error("maxLength", "must be between 1 and " + WebFormDefinition.MAX_FIELD_LENGTH);
            }
            f.rejectUnknown();
            boolean req = required != null && required;
            if ("lastName".equals(leadField) && !req) {
                f.error("required", "must be true for the field that fills lastName: a lead needs a last name");
            }
            fields.add(new WebFormDefinition.Field(name, leadField, req,
                    maxLength == null ? WebFormDefinition.DEFAULT_FIELD_LENGTH : maxLength));
        }
        if (errors.stream().noneMatch(e -> e.field().startsWith("fields")) && !targets.contains("lastName")) {
            in.error("fields", "must have a field whose leadField is lastName: a lead needs a last name");
        }
        return fields;
    }

    private static List<String> origins(JsonInput in) {
        JsonValue value = in.value("allowedOrigins");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            in.error("allowedOrigins", "must be a list of origins like https://www.example.com");
            return List.of();
        }
        if (array.size() > WebFormDefinition.MAX_ORIGINS) {
            in.error("allowedOrigins", "may have at most " + WebFormDefinition.MAX_ORIGINS + " entries");
            return List.of();
        }
        Set<String> origins = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String key = "allowedOrigins[" + i + "]";
            String origin = array.get(i) instanceof JsonString s ? origin(s.getString().strip()) : null;
            if (origin == null) {
                in.error(key, "must be an origin: http or https, a host and an optional port, no path (e.g. https://www.example.com)");
            } else {
                origins.add(origin);
            }
        }
        return List.copyOf(origins);
    }

    /** The normalised origin ({@code scheme://host[:port]}, lower case), or null when the text is none. */
    static String origin(String text) {
        if (text == null || text.length() > 300) {
            return null;
        }
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null
                    || u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                return null;
            }
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() == -1 ? "" : ":" + u.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The origin of a full URL such as a Referer, or null. */
    static String originOf(String url) {
        if (url == null || url.length() > 2000) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            return origin(u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String redirect(JsonInput in) {
        String url = in.string("redirectUrl");
        if (url == null) {
            return null;
        }
        if (url.length() > 500) {
            in.error("redirectUrl", "must be at most 500 characters");
            return null;
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                in.error("redirectUrl", "must be an absolute http or https URL");
                return null;
            }
        } catch (URISyntaxException e) {
            in.error("redirectUrl", "must be an absolute http or https URL");
            return null;
        }
        return url;
    }

    static JsonArray writeFields(List<WebFormDefinition.Field> fields) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (WebFormDefinition.Field f : fields) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("name", f.name());
            if (f.leadField() == null) {
                b.addNull("leadField");
            } else {
                b.add("leadField", f.leadField());
            }
            a.add(b.add("required", f.required()).add("maxLength", f.maxLength()));
        }
        return a.build();
    }

    static List<WebFormDefinition.Field> readStoredFields(String stored) {
        List<WebFormDefinition.Field> fields = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(stored))) {
            for (JsonValue v : reader.readArray()) {
                JsonObject o = v.asJsonObject();
                fields.add(new WebFormDefinition.Field(o.getString("name"),
                        o.isNull("leadField") ? null : o.getString("leadField"), o.getBoolean("required"),
                        o.getInt("maxLength")));
            }
        }
        return List.copyOf(fields);
    }
}
