package org.leadline.server.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Which fields differ between two JSON representations of the same thing. Nested objects are
 * flattened to dotted paths ({@code person.email}) so an audit entry names the field exactly as a
 * client writes it; arrays count as one value, as clients replace them as a whole.
 */
public final class FieldDiff {

    /** One changed field; {@code from} or {@code to} is null when the field was absent. */
    public record Change(String field, String from, String to) {
    }

    private FieldDiff() {
    }

    public static Map<String, JsonValue> flatten(JsonObject object) {
        Map<String, JsonValue> flat = new TreeMap<>();
        flatten("", object, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, JsonValue> into) {
        object.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof JsonObject nested) {
                flatten(path, nested, into);
            } else if (value != JsonValue.NULL) {
                into.put(path, value);
            }
        });
    }

    /** The changed fields, in field order. */
    public static List<Change> between(JsonObject before, JsonObject after) {
        Map<String, JsonValue> a = flatten(before);
        Map<String, JsonValue> b = flatten(after);
        TreeSet<String> fields = new TreeSet<>(a.keySet());
        fields.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue from = a.get(field);
            JsonValue to = b.get(field);
            if (!same(from, to)) {
                changes.add(new Change(field, text(from), text(to)));
            }
        }
        return changes;
    }

    private static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            // 50000 and 50000.00 are the same amount
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A value as the audit history shows it: strings without quotes, everything else as JSON. */
    public static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value.toString();
    }
}
