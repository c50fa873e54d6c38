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
    }

    private static final Map<Class<?>, Member[]> MEMBERS = new ConcurrentHashMap<>();

    private RecordJson() {
    }

    /** Writes {@code value} (a record, list, map, enum, JSON value or scalar) as one JSON value. */
    public static void write(JsonGenerator g, Object value) {
        if (value instanceof Record r) {
            g.writeStartObject();
            writeMembers(g, r);
            g.writeEnd();
        } else {
            writeValue(g, null, value);
        }
    }

    /** Writes the members of {@code record} into an object the caller has started. */
    public static void writeMembers(JsonGenerator g, Record record) {
        for (Member m : members(record.getClass())) {
            Object v;
            try {
                v = m.accessor().invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (v != null) {
                writeValue(g, m.name(), v);
            } else if (m.nullable()) {
                g.writeNull(m.name());
            }
        }
    }

    private static void writeValue(JsonGenerator g, String name, Object v) {
        if (v instanceof Record r) {
            if (name == null) {
                g.writeStartObject();
            } else {
                g.writeStartObject(name);
            }
            writeMembers(g, r);
            g.writeEnd();
        } else if (v instanceof JsonValue j) {
            if (name == null) {
                g.write(j);
            } else {
                g.write(name, j);
            }
        } else if (v instanceof String s) {
            if (name == null) {
                g.write(s);
            } else {
                g.write(name, s);
            }
        } else if (v instanceof Boolean b) {
            if (name == null) {
                g.write(b);
            } else {
                g.write(name, b);
            }
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            long l = ((Number) v).longValue();
            if (name == null) {
                g.write(l);
            } else {
                g.write(name, l);
            }
        } else if (v instanceof BigDecimal d) {
            if (name == null) {
                g.write(d);
            } else {
                g.write(name, d);
            }
        } else if (v instanceof BigInteger i) {
            if (name == null) {
                g.write(i);
            } else {
                g.write(name, i);
            }
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (name == null) {
                g.write(d);
            } else {
                g.write(name, d);
            }
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
            if (name == null) {
                g.writeStartObject();
            } else {
                g.writeStartObject(name);
            }
            map.forEach((k, item) -> {
                if (item != null) {
                    writeValue(g, String.valueOf(k), item);
                }
            });
            g.writeEnd();
        } else if (v instanceof Enum<?> e) {
            writeValue(g, name, e.name());
        } else if (v instanceof TemporalAccessor || v instanceof java.util.UUID) {
            writeValue(g, name, v.toString());
        } else {
            throw new IllegalStateException("Cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    /** The record as a JSON-P object (for code that still composes JSON-P values). */
    public static jakarta.json.JsonObject toJson(Record record) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = Json.provider().createGenerator(out)) {
            write(g, record);
        }
        try (var reader = Json.provider().createReader(new java.io.StringReader(out.toString()))) {
            return reader.readObject();
        }
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
