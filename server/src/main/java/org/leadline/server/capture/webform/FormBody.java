package org.leadline.server.capture.webform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.JsonBodyReader;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * A posted form as field name → text, read from {@code application/x-www-form-urlencoded} or from
 * a flat JSON object. Used by the core for its checks (honeypot, token, required fields, lengths,
 * duplicate fingerprint); turning the fields into a lead is the lead source's work.
 */
final class FormBody {

    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    /** The largest body a form post may have. */
    static final int MAX_BYTES = 64 * 1024;
    /** The most fields a post may have, known and unknown together. */
    static final int MAX_FIELDS = 100;
    static final int MAX_NAME_LENGTH = 100;

    private FormBody() {
    }

    /** Reads at most {@link #MAX_BYTES}; a longer body is refused with 413 without reading the rest. */
    static byte[] readLimited(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(ProblemType.BODY_TOO_LARGE,
                        "A form post may have at most " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The request body could not be read");
        }
    }

    static Map<String, String> parse(String mediaType, Charset charset, byte[] body) {
        Map<String, String> fields = mediaType.equals(JSON) ? json(body) : urlencoded(body, charset);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!JsonInput.isStorableText(e.getValue()) || !JsonInput.isStorableText(e.getKey())) {
                throw ProblemException.field(e.getKey(), "must be valid text without NUL characters");
            }
        }
        return fields;
    }

    private static Map<String, String> urlencoded(byte[] body, Charset charset) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, charset);
        if (text.isBlank()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            } catch (IllegalArgumentException e) {
                throw ProblemException.field(eq < 0 ? pair : pair.substring(0, Math.min(eq, MAX_NAME_LENGTH)),
                        "is not valid URL encoding (a % not followed by two hex digits)");
            }
            put(fields, name, value);
        }
        return fields;
    }

    private static Map<String, String> json(byte[] body) {
        JsonValue v = JsonBodyReader.parse(body);
        if (!(v instanceof JsonObject object)) {
            throw new ProblemException(ProblemType.VALIDATION, "The body must be a JSON object of field name → value",
                    List.of(new FieldError("", "must be a JSON object")));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String text = switch (e.getValue().getValueType()) {
                case STRING -> ((JsonString) e.getValue()).getString();
                case NUMBER -> ((JsonNumber) e.getValue()).toString();
                case TRUE -> "true";
                case FALSE -> "false";
                case NULL -> null;
                case ARRAY -> joined(e.getKey(), (JsonArray) e.getValue());
                default -> throw ProblemException.field(e.getKey(), "must be text, a number, true/false or a list of them");
            };
            if (text != null) {
                put(fields, e.getKey(), text);
            }
        }
        return fields;
    }

    private static String joined(String key, JsonArray array) {
        StringBuilder sb = new StringBuilder();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString) && !(v instanceof JsonNumber)) {
                throw ProblemException.field(key, "must be text, a number, true/false or a list of them");
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v instanceof JsonString s ? s.getString() : v.toString());
        }
        return sb.toString();
    }

    /** A field sent several times (checkboxes) keeps every value, comma-separated. */
    private static void put(Map<String, String> fields, String name, String value) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw ProblemException.field(name.isEmpty() ? "(empty)" : name.substring(0, 40) + "…",
                    "field names must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        fields.merge(name, value, (a, b) -> a + ", " + b);
        if (fields.size() > MAX_FIELDS) {
            throw ProblemException.field(name, "is one field too many: a form post may have at most " + MAX_FIELDS + " fields");
        }
    }

    /** The body in a canonical urlencoded-like form, for the plugin and the fingerprint. */
    static String canonical(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(fields).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (RuntimeException e) {
                        throw ProblemException.parameter("Content-Type", "names an unknown charset");
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
