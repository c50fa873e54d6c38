package org.leadline.server.platform.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Writes the API's record types as JSON: one member per record component, in declaration order,
 * named as the component (or its {@code @Schema(name)}); absent (null) values are left out; enums
 * by name; timestamps and dates in ISO 8601; JSON values as they are. The same components make the
 * OpenAPI schema, so what is written is what the document describes. A member declared
 * {@code @Schema(nullable = true)} is written as {@code null} when absent.
 */
public final class RecordJson {

    /** A member written as {@code null} when absent: declared {@code @Schema(nullable = true)}. */
    private record Member(String name, MethodHandle accessor, boolean nullable) {

        Object get(Record record) {
            try {
                return accessor.invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Map<Class<?>, Member[]> MEMBERS = new ConcurrentHashMap<>();

    private RecordJson() {
    }

    /** Writes {@code value} (a record, list, map, enum, JSON value or scalar) as one JSON value. */
    public static void write(JsonGenerator g, Object value) {
        writeValue(g, null, value);
    }

    /** Writes the members of {@code record} into an object the caller has started. */
    public static void writeMembers(JsonGenerator g, Record record) {
        for (Member m : members(record.getClass())) {
            Object v = m.get(record);
            if (v != null) {
                writeValue(g, m.name(), v);
            } else if (m.nullable()) {
                g.writeNull(m.name());
            }
        }
    }

    /** Streams records, collections and maps; a scalar goes out as its JSON value. */
    private static void writeValue(JsonGenerator g, String name, Object v) {
        if (v instanceof OneOrMany.One<?> one) {
            writeValue(g, name, one.get(0)); // sent alone, written alone
        } else if (v instanceof Record r) {
            startObject(g, name);
            writeMembers(g, r);
            g.writeEnd();
        } else if (v instanceof Collection<?> c) {
            if (name == null) {
                g.writeStartArray();
            } else {
                g.writeStartArray(name);
            }
            for (Object item : c) {
                writeValue(g, null, item);
            }
            g.writeEnd();
        } else if (v instanceof Map<?, ?> map) {
            startObject(g, name);
            map.forEach((k, item) -> {
                if (item != null) {
                    writeValue(g, String.valueOf(k), item);
                }
            });
            g.writeEnd();
        } else if (name == null) {
            g.write(scalar(v));
        } else {
            g.write(name, scalar(v));
        }
    }

    private static void startObject(JsonGenerator g, String name) {
        if (name == null) {
            g.writeStartObject();
        } else {
            g.writeStartObject(name);
        }
    }

    /** The record as a JSON-P object (for code that composes JSON-P values), built directly. */
    public static jakarta.json.JsonObject toJson(Record record) {
        return (jakarta.json.JsonObject) toValue(record);
    }

    private static JsonValue toValue(Object v) {
        if (v instanceof OneOrMany.One<?> one) {
            return toValue(one.get(0)); // sent alone, written alone
        }
        if (v instanceof Record r) {
            jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder();
            for (Member m : members(r.getClass())) {
                Object x = m.get(r);
                if (x != null) {
                    b.add(m.name(), toValue(x));
                } else if (m.nullable()) {
                    b.addNull(m.name());
                }
            }
            return b.build();
        }
        if (v instanceof Collection<?> c) {
            jakarta.json.JsonArrayBuilder b = Json.createArrayBuilder();
            c.forEach(item -> b.add(toValue(item)));
            return b.build();
        }
        if (v instanceof Map<?, ?> map) {
            jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder();
            map.forEach((k, item) -> {
                if (item != null) {
                    b.add(String.valueOf(k), toValue(item));
                }
            });
            return b.build();
        }
        return scalar(v);
    }

    /** A scalar as JSON: strings, booleans, numbers, enums by name, timestamps and UUIDs as text. */
    private static JsonValue scalar(Object v) {
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof String s) {
            return Json.createValue(s);
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Json.createValue(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        if (v instanceof BigInteger i) {
            return Json.createValue(i);
        }
        if (v instanceof Double || v instanceof Float) {
            return Json.createValue(((Number) v).doubleValue());
        }
        if (v instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        if (v instanceof TemporalAccessor || v instanceof java.util.UUID) {
            return Json.createValue(v.toString());
        }
        throw new IllegalStateException("Cannot write " + v.getClass().getName() + " as JSON");
    }

    private static Member[] members(Class<?> type) {
        return MEMBERS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Member[] members = new Member[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                String name = rc.getName();
                try {
                    Schema s = t.getDeclaredField(rc.getName()).getAnnotation(Schema.class);
                    if (s != null && !s.name().isEmpty()) {
                        name = s.name();
                    }
                    boolean nullable = s != null && s.nullable();
                    java.lang.reflect.Method accessor = rc.getAccessor();
                    accessor.setAccessible(true);
                    members[i] = new Member(name, MethodHandles.lookup().unreflect(accessor), nullable);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + t.getName() + "." + rc.getName(), e);
                }
            }
            return members;
        });
    }
}
