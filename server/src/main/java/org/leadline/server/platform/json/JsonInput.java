package org.leadline.server.platform.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.api.problem.FieldError;

/**
 * Typed, strict reading of one JSON object of a request body.
 *
 * <p>Every accessor records a type error under the field's full path instead of throwing, so one
 * response lists every problem of the body. Keys never asked for are reported by
 * {@link #rejectUnknown()}: a misspelt field is an error, not silently dropped data.
 */
public final class JsonInput {

    private final JsonObject object;
    private final String prefix;
    private final List<FieldError> errors;
    private final Set<String> known = new LinkedHashSet<>();

    public JsonInput(JsonObject object, String prefix, List<FieldError> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    public void error(String key, String reason) {
        errors.add(new FieldError(path(key), reason));
    }

    public boolean has(String key) {
        known.add(key);
        return object.containsKey(key) && object.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    /** Marks keys as known without reading them (read-only fields checked elsewhere). */
    public void allow(String... keys) {
        known.addAll(Arrays.asList(keys));
    }

    public String string(String key) {
        String text = exactText(key);
        if (text == null) {
            return null;
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    /** False for text with a control character (C0, DEL, C1) or a line or paragraph separator. */
    public static boolean isSingleLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * A secret such as a password exactly as sent: not stripped, and white space alone is a value
     * (for the password policy to refuse), not an absent member.
     */
    public String secret(String key) {
        return exactText(key);
    }

    /** The member's text as sent, or null (with an error when it is no storable text). */
    private String exactText(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = object.get(key);
        if (v instanceof JsonString s) {
            if (!isStorableText(s.getString())) {
                // JSON escapes can spell both; databases either refuse them (PostgreSQL) or garble them.
                error(key, "must be valid Unicode text without NUL characters");
                return null;
            }
            return s.getString();
        }
        error(key, "must be a string");
        return null;
    }

    /** False for text with a NUL character or a surrogate that is not part of a pair. */
    public static boolean isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public Integer integer(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = object.get(key);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException e) {
                error(key, "is out of range");
                return null;
            }
        }
        error(key, "must be a whole number");
        return null;
    }

    public Long longValue(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = object.get(key);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException e) {
                error(key, "is out of range");
                return null;
            }
        }
        error(key, "must be a whole number");
        return null;
    }

    public BigDecimal decimal(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = object.get(key);
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                error(key, "must be a number");
                return null;
            }
        }
        error(key, "must be a number");
        return null;
    }

    public Boolean bool(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = object.get(key);
        if (v == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (v == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        error(key, "must be true or false");
        return null;
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        error(key, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    public LocalDate date(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(key, "must be a date like 2026-12-31");
            return null;
        }
    }

    public Instant instant(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            error(key, "must be a UTC timestamp like 2026-12-31T23:59:59Z");
            return null;
        }
    }

    /** The nested object at {@code key}, or null when absent or null. */
    public JsonInput object(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = object.get(key);
        if (v instanceof JsonObject o) {
            return new JsonInput(o, path(key), errors);
        }
        error(key, "must be an object");
        return null;
    }

    /** The raw value at {@code key}, for shapes the typed accessors do not cover (e.g. lists); null when absent. */
    public JsonValue value(String key) {
        return has(key) ? object.get(key) : null;
    }

    /** Another object read at the same place of the body (same path prefix, same error list). */
    public JsonInput sibling(JsonObject other) {
        return new JsonInput(other, prefix, errors);
    }

    /** Reports every key of this object that no accessor asked for. */
    public void rejectUnknown() {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                error(key, "is not a known field");
            }
        }
    }
}
