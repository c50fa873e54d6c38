package org.leadline.server.plugins;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.plugins.egress.EgressSettings;

/**
 * A tenant's values for an extension's declared settings: validated on the way in, typed on the way
 * to the plugin, and shown without secrets on the way out. Stored as a JSON object of typed values.
 */
final class ExtensionSettings {

    static final int MAX_TEXT = 4000;
    static final BigDecimal MAX_DECIMAL = BigDecimal.TEN.pow(18);
    static final int MAX_DECIMAL_PLACES = 12;
    /** A host name, an IPv4 address or an IPv6 address (bracketed or not). */
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?|\\[?[0-9A-Fa-f:.]+\\]?");
    private static final Pattern EXTENSION_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private ExtensionSettings() {
    }

    /**
     * The settings to store after a tenant administrator sent {@code input}, which replaces all
     * values except secrets it leaves out (so a form need not re-enter a credential); a
     * {@code null} clears a value. Unknown names and wrong types are reported as
     * {@code settings.<name>}.
     */
    static JsonObject merge(List<Setting> declared, JsonObject input, JsonObject stored, List<FieldError> errors) {
        Map<String, Setting> byName = byName(declared);
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : input.entrySet()) {
            Setting s = byName.get(e.getKey());
            if (s == null) {
                errors.add(new FieldError("settings." + e.getKey(), "is not a setting of this extension; it has "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))));
                continue;
            }
            JsonValue v = e.getValue();
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            String problem = check(s, v);
            if (problem != null) {
                errors.add(new FieldError("settings." + s.name(), problem));
            } else {
                out.add(s.name(), v);
            }
        }
        for (Setting s : declared) {
            if (s.secret() && !input.containsKey(s.name()) && stored.containsKey(s.name())) {
                out.add(s.name(), stored.get(s.name()));
            }
        }
        JsonObject result = out.build();
        for (Setting s : declared) {
            if (s.required() && s.defaultValue() == null && !result.containsKey(s.name())
                    && errors.stream().noneMatch(f -> f.field().equals("settings." + s.name()))) {
                errors.add(new FieldError("settings." + s.name(), "is required"));
            }
        }
        return result;
    }

    /** Required settings without value or default: an extension missing them cannot be enabled. */
    static List<String> missingRequired(List<Setting> declared, JsonObject stored) {
        List<String> missing = new ArrayList<>();
        for (Setting s : declared) {
            if (s.required() && s.defaultValue() == null && !stored.containsKey(s.name())) {
                missing.add(s.name());
            }
        }
        return missing;
    }

    /** What the extension gets: stored values, then defaults, typed as declared. */
    static ExtensionConfig config(List<Setting> declared, JsonObject stored) {
        if (declared.isEmpty()) {
            return ExtensionConfig.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : declared) {
            JsonValue v = stored.get(s.name());
            if (v != null) {
                values.put(s.name(), typed(s.type(), v));
            } else if (s.defaultValue() != null) {
                values.put(s.name(), typedDefault(s));
            }
        }
        return ExtensionConfig.of(values);
    }

    /** Values an administrator may see again: everything except secrets. */
    static JsonObject visible(List<Setting> declared, JsonObject stored) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Setting s : declared) {
            if (!s.secret() && stored.containsKey(s.name())) {
                b.add(s.name(), stored.get(s.name()));
            }
        }
        return b.build();
    }

    static List<String> secretsSet(List<Setting> declared, JsonObject stored) {
        return declared.stream().filter(s -> s.secret() && stored.containsKey(s.name())).map(Setting::name).toList();
    }

    /** Why an extension's own declaration is unusable, or {@code null}. */
    static String declarationProblem(String id, List<Setting> declared) {
        if (id == null || !EXTENSION_ID.matcher(id).matches()) {
            return "its id " + (id == null ? "is null" : "'" + id + "'")
                    + " is not lower-case letters, digits and dashes starting with a letter (max 63)";
        }
        if (declared == null) {
            return "settings() returned null";
        }
        Set<String> names = new HashSet<>();
        for (Setting s : declared) {
            if (s == null) {
                return "settings() contains null";
            }
            if (!names.add(s.name())) {
                return "it declares the setting " + s.name() + " twice";
            }
            if (s.type() == SettingType.CHOICE && s.options().isEmpty()) {
                return "the CHOICE setting " + s.name() + " has no options";
            }
            if (s.type() != SettingType.CHOICE && !s.options().isEmpty()) {
                return "the " + s.type() + " setting " + s.name() + " declares options; only a CHOICE has options";
            }
            if ((s.min() != null || s.max() != null) && s.type() != SettingType.INTEGER && s.type() != SettingType.DECIMAL) {
                return "the " + s.type() + " setting " + s.name() + " declares a range; only an INTEGER or DECIMAL has one";
            }
            if (s.pattern() != null && s.type() != SettingType.STRING) {
                return "the " + s.type() + " setting " + s.name() + " declares a pattern; only a STRING has one";
            }
            if (s.multiLine() && s.type() != SettingType.STRING) {
                return "the " + s.type() + " setting " + s.name() + " is declared multi-line; only a STRING can be";
            }
            if (s.defaultValue() != null) {
                String problem = check(s, textAsJson(s.type(), s.defaultValue()));
                if (problem != null) {
                    return "the default of " + s.name() + " " + problem;
                }
            }
        }
        return null;
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
            return reader.readObject();
        }
    }

    private static Map<String, Setting> byName(List<Setting> declared) {
        Map<String, Setting> m = new LinkedHashMap<>();
        declared.forEach(s -> m.put(s.name(), s));
        return m;
    }

    private static String check(Setting s, JsonValue v) {
        switch (s.type()) {
            case STRING:
                if (!(v instanceof JsonString str)) {
                    return "must be a string";
                }
                if (str.getString().length() > MAX_TEXT) {
                    return "must be at most " + MAX_TEXT + " characters";
                }
                if (!JsonInput.isStorableText(str.getString())) {
                    return "must be valid Unicode text without NUL characters";
                }
                if (!s.multiLine() && (str.getString().indexOf('\n') >= 0 || str.getString().indexOf('\r') >= 0)) {
                    return "must be a single line";
                }
                return s.pattern() != null && !str.getString().matches(s.pattern())
                        ? "must match " + s.pattern() : null;
            case CHOICE:
                if (!(v instanceof JsonString c) || !s.options().contains(c.getString())) {
                    return "must be one of " + String.join(", ", s.options());
                }
                return null;
            case URL:
                if (!(v instanceof JsonString u)) {
                    return "must be a string with an http or https address";
                }
                try {
                    URI uri = URI.create(u.getString());
                    if (!uri.isAbsolute() || uri.getHost() == null
                            || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                        return "must be an absolute http or https address";
                    }
                    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                    // The connect-time check is the guard; this one tells the administrator at once.
                    return EgressSettings.policy().refusesLiteral(uri.getHost(), port).orElse(null);
                } catch (IllegalArgumentException e) {
                    return "must be an absolute http or https address";
                }
            case HOST:
                if (!(v instanceof JsonString h)) {
                    return "must be a string with a host name or IP address";
                }
                String host = h.getString().strip();
                if (host.isEmpty()) {
                    return null;
                }
                if (host.length() > 253 || !HOST.matcher(host).matches()) {
                    return "must be a host name or IP address";
                }
                return EgressSettings.policy().refusesLiteral(host, -1).orElse(null);
            case INTEGER:
                if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
                    return "must be an integer";
                }
                try {
                    n.bigIntegerValueExact().longValueExact();
                } catch (ArithmeticException e) {
                    return "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
                }
                return outOfRange(s, n.bigDecimalValue());
            case DECIMAL:
                if (!(v instanceof JsonNumber d)) {
                    return "must be a number";
                }
                // Beyond these a number is no setting anyone means, and 1e400 would reach a plugin as
                // a BigDecimal whose arithmetic takes as long as its exponent is large.
                if (d.bigDecimalValue().abs().compareTo(MAX_DECIMAL) >= 0 || d.bigDecimalValue().scale() > MAX_DECIMAL_PLACES) {
                    return "must be a number below 10^18 with at most " + MAX_DECIMAL_PLACES + " decimal places";
                }
                return outOfRange(s, d.bigDecimalValue());
            case BOOLEAN:
                return v == JsonValue.TRUE || v == JsonValue.FALSE ? null : "must be true or false";
            default:
                return "has an unknown type";
        }
    }

    /** Why {@code value} is outside the setting's declared range, or null. */
    private static String outOfRange(Setting s, BigDecimal value) {
        boolean low = s.min() != null && value.compareTo(s.min()) < 0;
        boolean high = s.max() != null && value.compareTo(s.max()) > 0;
        if (!low && !high) {
            return null;
        }
        if (s.min() != null && s.max() != null) {
            return "must be between " + s.min().toPlainString() + " and " + s.max().toPlainString();
        }
        return low ? "must be at least " + s.min().toPlainString() : "must be at most " + s.max().toPlainString();
    }

    private static JsonValue textAsJson(SettingType type, String text) {
        try {
            return switch (type) {
                case INTEGER -> Json.createValue(new java.math.BigInteger(text.strip()));
                case DECIMAL -> Json.createValue(new BigDecimal(text.strip()));
                case BOOLEAN -> "true".equals(text.strip()) ? JsonValue.TRUE
                        : "false".equals(text.strip()) ? JsonValue.FALSE : Json.createValue(text);
                default -> Json.createValue(text);
            };
        } catch (NumberFormatException e) {
            return Json.createValue(text);
        }
    }

    private static Object typedDefault(Setting s) {
        return typed(s.type(), textAsJson(s.type(), s.defaultValue()));
    }

    private static Object typed(SettingType type, JsonValue v) {
        return switch (type) {
            case STRING, CHOICE, HOST -> ((JsonString) v).getString();
            case URL -> URI.create(((JsonString) v).getString());
            case INTEGER -> ((JsonNumber) v).longValueExact();
            case DECIMAL -> ((JsonNumber) v).bigDecimalValue();
            case BOOLEAN -> v == JsonValue.TRUE;
        };
    }
}
