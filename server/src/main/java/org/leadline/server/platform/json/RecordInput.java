package org.leadline.server.platform.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reads a JSON object into one of the API's records, strictly, collecting every error: each
 * record component is one member (named as the component), read with {@link JsonInput}'s typed
 * accessors, nested records recursively; a member the record does not declare is "not a known
 * field". Read-only members ({@code @Schema(readOnly = true)}) are not bound; the caller decides
 * what sending one means. The record that makes the OpenAPI schema is thus the one that reads
 * the request.
 */
public final class RecordInput {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    /**
     * A record component as {@link #read} binds it, worked out once per record class: the
     * reflection behind it (components, their fields' and accessors' annotations) parses class
     * file attributes on every call, which was most of the cost of reading a lead document.
     */
    private record Member(String name, Class<?> type, Type genericType, boolean readOnly, boolean writeOnly,
                          boolean oneOrMany, boolean singleLine) {
    }

    private static final ClassValue<Member[]> MEMBERS = new ClassValue<>() {
        @Override
        protected Member[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Member[] members = new Member[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                Schema s = schema(type, rc);
                members[i] = new Member(s != null && !s.name().isEmpty() ? s.name() : rc.getName(), rc.getType(),
                        rc.getGenericType(), s != null && s.readOnly(), s != null && s.writeOnly(), oneOrMany(type, rc),
                        singleLine(rc));
            }
            return members;
        }
    };

    private RecordInput() {
    }

    /**
     * Binds {@code in} to {@code type}. Members of a wrong type are reported and bound as null.
     *
     * @param readOnly receives each read-only member that was sent (its path in the body, its value), for the
     *                 caller to check
     */
    public static <R extends Record> R read(JsonInput in, Class<R> type, BiConsumer<String, JsonValue> readOnly) {
        Member[] members = MEMBERS.get(type);
        Object[] values = new Object[members.length];
        for (int i = 0; i < members.length; i++) {
            Member m = members[i];
            String name = m.name();
            if (m.readOnly()) {
                in.allow(name);
                JsonValue sent = in.value(name);
                if (sent != null) {
                    readOnly.accept(in.path(name), sent);
                }
                values[i] = primitiveDefault(m.type());
                continue;
            }
            if (m.oneOrMany() && in.value(name) != null && !(in.value(name) instanceof JsonArray)
                    && !(in.value(name) instanceof JsonObject) && in.value(name) != JsonValue.NULL) {
                in.error(name, "must be an object or an array of them");
                values[i] = null;
                continue;
            }
            if (m.oneOrMany() && in.value(name) instanceof JsonObject
                    && m.genericType() instanceof ParameterizedType list) {
                // one item sent alone: read as the item, under the member's own path
                Object item = value(in, name, list.getActualTypeArguments()[0], readOnly);
                values[i] = item == null ? null : new OneOrMany.One<>(item);
                continue;
            }
            if (m.writeOnly() && m.type() == String.class) {
                // A secret (a password) counts as sent, white space and all: "    " is refused, not "none".
                values[i] = in.secret(name);
                continue;
            }
            Object value = value(in, name, m.genericType(), readOnly);
            if (value instanceof String text && m.singleLine() && !JsonInput.isSingleLine(text)) {
                in.error(name, SINGLE_LINE);
                value = null;
            }
            values[i] = value != null ? value : primitiveDefault(m.type());
        }
        in.rejectUnknown();
        return construct(type, values);
    }

    /** The reason given for a control character in a one-line member. */
    public static final String SINGLE_LINE = "must be one line of text without control characters (line breaks, tabs)";

    /** The longest text member that is one line: names, titles, topics, details. */
    static final int SINGLE_LINE_MAX = 200;

    /**
     * Whether a text member is one line: one of at most {@link #SINGLE_LINE_MAX} characters. Longer
     * members (descriptions, notes, needs) may hold line breaks.
     */
    private static boolean singleLine(RecordComponent rc) {
        Size size = rc.getAccessor().getAnnotation(Size.class);
        return size != null && size.max() <= SINGLE_LINE_MAX;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(JsonInput in, String name, Type type, BiConsumer<String, JsonValue> readOnly) {
        Class<?> c = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (c == String.class) {
            return in.string(name);
        }
        if (c == Integer.class || c == int.class) {
            return in.integer(name);
        }
        if (c == Long.class || c == long.class) {
            return in.longValue(name);
        }
        if (c == BigDecimal.class) {
            return in.decimal(name);
        }
        if (c == Boolean.class || c == boolean.class) {
            return in.bool(name);
        }
        if (c == LocalDate.class) {
            return in.date(name);
        }
        if (c == Instant.class) {
            return in.instant(name);
        }
        if (c.isEnum()) {
            return in.enumValue(name, (Class<Enum>) c);
        }
        if (c.isRecord()) {
            JsonInput nested = in.object(name);
            return nested == null ? null : read(nested, (Class<Record>) c, readOnly);
        }
        if (c == JsonObject.class) {
            JsonValue v = in.value(name);
            if (v != null && v.getValueType() != JsonValue.ValueType.OBJECT) {
                in.error(name, "must be an object");
                return null;
            }
            return v;
        }
        if (c == JsonValue.class) {
            return in.value(name);
        }
        if (c == List.class && type instanceof ParameterizedType p) {
            JsonValue v = in.value(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonArray array)) {
                in.error(name, "must be an array");
                return null;
            }
            Type itemType = p.getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String item = name + "[" + i + "]";
                JsonValue element = array.get(i);
                // an item that cannot be read stays in its place as null, so that the constraint violations
                // of the items after it are reported under their own index
                if (itemType == String.class) {
                    if (element instanceof jakarta.json.JsonString s && JsonInput.isStorableText(s.getString())) {
                        list.add(s.getString().strip());
                    } else {
                        in.error(item, "must be a string");
                        list.add(null);
                    }
                    continue;
                }
                if (element.getValueType() == JsonValue.ValueType.NULL) {
                    in.error(item, "must not be null");
                    list.add(null);
                    continue;
                }
                // the item is read as the only member of an object, named as its place in the array
                JsonInput holder = in.sibling(Json.createObjectBuilder().add(item, element).build());
                int errorsBefore = in.errors().size();
                Object value = value(holder, item, itemType, readOnly);
                if (value != null || in.errors().size() > errorsBefore) {
                    list.add(value);
                }
            }
            return java.util.Collections.unmodifiableList(list); // List.copyOf refuses the nulls of unreadable items
        }
        if (c == Map.class && type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class) {
            JsonValue v = in.value(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonObject object)) {
                in.error(name, "must be an object");
                return null;
            }
            // each entry is read as a member of the object: its path is name.key
            JsonInput entries = new JsonInput(object, in.path(name), in.errors());
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (String key : object.keySet()) {
                Object value = object.get(key).getValueType() == JsonValue.ValueType.NULL ? null
                        : value(entries, key, p.getActualTypeArguments()[1], readOnly);
                if (value != null) {
                    map.put(key, value);
                } else if (object.get(key).getValueType() == JsonValue.ValueType.NULL) {
                    entries.error(key, "must not be null");
                }
            }
            return java.util.Collections.unmodifiableMap(map);
        }
        throw new IllegalStateException("A request record cannot have a member of type " + type);
    }

    private static Object primitiveDefault(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        return 0;
    }

    private static boolean oneOrMany(Class<?> type, RecordComponent rc) {
        if (rc.getType() != List.class) {
            return false;
        }
        try {
            return type.getDeclaredField(rc.getName()).isAnnotationPresent(OneOrMany.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Schema schema(Class<?> type, RecordComponent rc) {
        try {
            return type.getDeclaredField(rc.getName()).getAnnotation(Schema.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R construct(Class<R> type, Object[] values) {
        Constructor<?> constructor = CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] types = java.util.Arrays.stream(t.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                Constructor<?> ctor = t.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return ctor;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return (R) constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
