package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.leadline.server.platform.json.Json;

/** Builds a JSON object that leaves absent values out, as every representation of the API does. */
public final class JsonFields {

    private final JsonObjectBuilder b = Json.createObjectBuilder();

    public static JsonFields of() {
        return new JsonFields();
    }

    public JsonFields with(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof String s) {
            b.add(key, s);
        } else if (value instanceof Enum<?> e) {
            b.add(key, e.name());
        } else if (value instanceof Integer i) {
            b.add(key, i);
        } else if (value instanceof Long l) {
            b.add(key, l);
        } else if (value instanceof Boolean bool) {
            b.add(key, bool);
        } else if (value instanceof Instant t) {
            b.add(key, t.toString());
        } else if (value instanceof JsonValue v) {
            b.add(key, v);
        } else {
            b.add(key, value.toString());
        }
        return this;
    }

    public JsonObject build() {
        return b.build();
    }
}
