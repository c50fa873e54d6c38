package org.leadline.server.platform.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.server.platform.json.Json;

/**
 * The document's {@code components.schemas}, derived from the Java types the API reads and writes.
 *
 * <p>A record becomes an object schema with one property per component, in declaration order;
 * an enum becomes a string schema with its constants. Constraints come from the same Bean
 * Validation annotations that validate a request ({@code @Size} → {@code maxLength}, {@code @Pattern}
 * → {@code pattern}, {@code @NotNull} → {@code required}, …); descriptions, examples, formats and
 * {@code readOnly} from MicroProfile OpenAPI's {@link Schema}. A record's schema refuses properties
 * it does not declare ({@code additionalProperties: false}), exactly as the server does.
 */
final class SchemaRegistry {

    private final Map<String, JsonObject> schemas = new TreeMap<>();
    private final Map<String, Class<?>> owners = new TreeMap<>();
    private final Map<String, JsonValue> requestExamples = new TreeMap<>();

    /** The schema of {@code type} to use in place: a {@code $ref} for records and enums. */
    JsonObject schemaOf(Type type) {
        return schemaOf(type, null);
    }

    private JsonObject schemaOf(Type type, AnnotatedElement element) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (type instanceof WildcardType w) {
            return schemaOf(w.getUpperBounds()[0], element);
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                b.add("type", "array").add("items", schemaOf(p.getActualTypeArguments()[0]));
                if (java.util.Set.class.isAssignableFrom(raw)) {
                    b.add("uniqueItems", true);
                }
                return b.build();
            }
            if (Map.class.isAssignableFrom(raw)) {
                return b.add("type", "object").add("additionalProperties", schemaOf(p.getActualTypeArguments()[1])).build();
            }
            return schemaOf(raw, element);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == char.class || c == Character.class) {
            return b.add("type", "string").build();
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return b.add("type", "integer").add("format", "int32").build();
        }
        if (c == long.class || c == Long.class) {
            return b.add("type", "integer").add("format", "int64").build();
        }
        if (c == BigDecimal.class) {
            return b.add("type", "number").build();
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return b.add("type", "number").add("format", "double").build();
        }
        if (c == boolean.class || c == Boolean.class) {
            return b.add("type", "boolean").build();
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return b.add("type", "string").add("format", "date-time").build();
        }
        if (c == LocalDate.class) {
            return b.add("type", "string").add("format", "date").build();
        }
        if (c == UUID.class) {
            return b.add("type", "string").add("format", "uuid").build();
        }
        if (c == JsonObject.class) {
            return b.add("type", "object").add("additionalProperties", true).build();
        }
        if (c == JsonArray.class) {
            return b.add("type", "array").add("items", JsonValue.EMPTY_JSON_OBJECT).build();
        }
        if (JsonValue.class.isAssignableFrom(c) || c == Object.class) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (c.isArray()) {
            return b.add("type", "array").add("items", schemaOf(c.getComponentType())).build();
        }
        if (c.isEnum() || c.isRecord()) {
            return b.add("$ref", "#/components/schemas/" + register(c)).build();
        }
        throw new IllegalStateException("The API cannot describe " + c.getName()
                + ": request and response bodies are records, enums or JSON values");
    }

    /**
     * Defines a named union: a value that is one of {@code members} ({@code anyOf} their schemas), for
     * record components declared {@code Record} with {@code @Schema(ref = name)}.
     */
    void union(String name, String description, List<Class<? extends Record>> members) {
        var alternatives = Json.createArrayBuilder();
        members.forEach(m -> alternatives.add(schemaOf(m)));
        schemas.put(name, Json.createObjectBuilder().add("description", description).add("anyOf", alternatives).build());
    }

    private JsonObject union(String name) {
        if (!schemas.containsKey(name) || !schemas.get(name).containsKey("anyOf")) {
            throw new IllegalStateException("No union named " + name + " is defined for the document");
        }
        return Json.createObjectBuilder().add("$ref", "#/components/schemas/" + name).build();
    }

    /** A JSON value that is one of the given types (a text, a number or a boolean, say). */
    private JsonObject oneOf(Class<?>[] types) {
        var alternatives = Json.createArrayBuilder();
        for (Class<?> type : types) {
            alternatives.add(schemaOf(type));
        }
        return Json.createObjectBuilder().add("oneOf", alternatives).build();
    }

    /** Registers a record or enum and returns its component name. */
    String register(Class<?> c) {
        String name = name(c);
        Class<?> owner = owners.putIfAbsent(name, c);
        if (owner != null) {
            if (owner != c) {
                throw new IllegalStateException("Two types share the schema name " + name + ": " + owner.getName()
                        + " and " + c.getName() + "; give one a @Schema(name = ...)");
            }
            return name;
        }
        schemas.put(name, JsonValue.EMPTY_JSON_OBJECT); // placeholder, so that recursion ends
        schemas.put(name, c.isEnum() ? enumSchema(c) : recordSchema(c));
        return name;
    }

    static String name(Class<?> c) {
        Schema s = c.getAnnotation(Schema.class);
        return s != null && !s.name().isEmpty() ? s.name() : c.getSimpleName();
    }

    private static JsonObject enumSchema(Class<?> c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "string");
        var values = Json.createArrayBuilder();
        Arrays.stream(c.getEnumConstants()).forEach(e -> values.add(((Enum<?>) e).name()));
        b.add("enum", values);
        describe(b, c.getAnnotation(Schema.class));
        return b.build();
    }

    private JsonObject recordSchema(Class<?> c) {
        JsonObjectBuilder props = Json.createObjectBuilder();
        var required = Json.createArrayBuilder();
        boolean anyRequired = false;
        for (RecordComponent rc : c.getRecordComponents()) {
            Schema s = annotation(rc, Schema.class);
            if (s != null && s.hidden()) {
                continue;
            }
            String property = s != null && !s.name().isEmpty() ? s.name() : rc.getName();
            props.add(property, property(rc, s));
            if ((s != null && s.required()) || annotation(rc, NotNull.class) != null
                    || annotation(rc, NotBlank.class) != null || annotation(rc, NotEmpty.class) != null
                    || rc.getType().isPrimitive()) {
                required.add(property);
                anyRequired = true;
            }
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "object").add("properties", props);
        if (anyRequired) {
            b.add("required", required);
        }
        Schema s = c.getAnnotation(Schema.class);
        b.add("additionalProperties", s != null && s.additionalProperties() == Schema.True.class);
        if (s != null && s.minProperties() > 0) {
            b.add("minProperties", s.minProperties());
        }
        if (s != null && s.maxProperties() > 0) { // 0: not set
            b.add("maxProperties", s.maxProperties());
        }
        JsonObject built = b.build();
        JsonObjectBuilder out = Json.createObjectBuilder(built);
        if (s != null && !s.example().isEmpty() && !complete(example(s.example()), built)) {
            // an example of what a client sends, without the members the server adds: it goes with
            // the request bodies of this type, not with the schema (whose answers always have them)
            requestExamples.put(name(c), example(s.example()));
            if (!s.description().isEmpty()) {
                out.add("description", s.description());
            }
            return out.build();
        }
        describe(out, s);
        return out.build();
    }

    private JsonObject property(RecordComponent rc, Schema s) {
        JsonObject base = s != null && s.implementation() != Void.class ? schemaOf(s.implementation())
                : s != null && !s.ref().isEmpty() ? union(s.ref())
                : s != null && s.oneOf().length > 0 ? oneOf(s.oneOf())
                : schemaOf(rc.getGenericType(), rc);
        boolean array = "array".equals(base.getString("type", ""));
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (base.containsKey("$ref")) {
            // OpenAPI 3.0 ignores siblings of $ref; wrap it so a description and readOnly survive
            if (s == null || (s.description().isEmpty() && !s.readOnly() && !s.nullable())) {
                return base;
            }
            JsonObject target = schemas.get(base.getString("$ref").substring("#/components/schemas/".length()));
            if (s.nullable() && target != null && (target.containsKey("type") || target.containsKey("anyOf"))) {
                // OpenAPI 3.0 cannot make a reference nullable (a null fails the referenced schema):
                // the member gets the referenced schema itself, made nullable
                target.forEach((k, v) -> {
                    if (!"description".equals(k) && !"example".equals(k)) {
                        b.add(k, v);
                    }
                });
                if (!target.containsKey("type")) {
                    b.add("type", "object"); // a union of records; OpenAPI 3.0's nullable needs a type beside it
                }
            } else {
                b.add("allOf", Json.createArrayBuilder().add(base));
            }
        } else {
            base.forEach(b::add);
        }
        Size size = annotation(rc, Size.class);
        if (size != null) {
            if (array) {
                if (size.min() > 0) {
                    b.add("minItems", size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    b.add("maxItems", size.max());
                }
            } else {
                if (size.min() > 0) {
                    b.add("minLength", size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    b.add("maxLength", size.max());
                }
            }
        }
        if (annotation(rc, NotBlank.class) != null && size == null) {
            b.add("minLength", 1);
        }
        Pattern pattern = annotation(rc, Pattern.class);
        if (pattern != null && !pattern.regexp().startsWith("(?")) { // JSON Schema has no inline flags
            b.add("pattern", "^(?:" + pattern.regexp() + ")$");
        }
        if (annotation(rc, Email.class) != null) {
            b.add("format", "email");
        }
        Min min = annotation(rc, Min.class);
        if (min != null) {
            b.add("minimum", min.value());
        }
        Max max = annotation(rc, Max.class);
        if (max != null) {
            b.add("maximum", max.value());
        }
        DecimalMin dmin = annotation(rc, DecimalMin.class);
        if (dmin != null) {
            b.add("minimum", new BigDecimal(dmin.value()));
            if (!dmin.inclusive()) {
                b.add("exclusiveMinimum", true);
            }
        }
        DecimalMax dmax = annotation(rc, DecimalMax.class);
        if (dmax != null) {
            b.add("maximum", new BigDecimal(dmax.value()));
            if (!dmax.inclusive()) {
                b.add("exclusiveMaximum", true);
            }
        }
        Digits digits = annotation(rc, Digits.class);
        if (digits != null) {
            // at most so many digits before the point and so many after it
            b.add("multipleOf", BigDecimal.ONE.scaleByPowerOfTen(-digits.fraction()));
            if (dmax == null && max == null) {
                b.add("maximum", BigDecimal.ONE.scaleByPowerOfTen(digits.integer()));
                b.add("exclusiveMaximum", true);
            }
        }
        if (annotation(rc, PositiveOrZero.class) != null) {
            b.add("minimum", 0);
        }
        if (annotation(rc, Positive.class) != null) {
            b.add("minimum", 1);
        }
        if (s != null) {
            if (!s.format().isEmpty()) {
                b.add("format", s.format());
            }
            if (s.readOnly()) {
                b.add("readOnly", true);
            }
            if (s.nullable()) {
                b.add("nullable", true);
            }
            if (!s.minimum().isEmpty()) {
                b.add("minimum", new BigDecimal(s.minimum()));
            }
            if (!s.maximum().isEmpty()) {
                b.add("maximum", new BigDecimal(s.maximum()));
            }
            if (s.writeOnly()) {
                b.add("writeOnly", true);
            }
            if (s.maxLength() != Integer.MAX_VALUE) {
                b.add("maxLength", s.maxLength());
            }
            if (!s.pattern().isEmpty()) {
                b.add("pattern", s.pattern());
            }
            if (s.enumeration().length > 0) {
                var values = Json.createArrayBuilder();
                String type = base.getString("type", "string");
                for (String value : s.enumeration()) {
                    switch (type) {
                        case "boolean" -> values.add(Boolean.parseBoolean(value));
                        case "integer", "number" -> values.add(new BigDecimal(value));
                        default -> values.add(value);
                    }
                }
                b.add("enum", values);
            }
            describe(b, s, base.getString("type", ""));
        }
        JsonObject built = b.build();
        if (array && annotation(rc, org.leadline.server.platform.json.OneOrMany.class) != null) {
            // one item may be sent alone: the item or the list of them
            JsonObjectBuilder list = Json.createObjectBuilder();
            JsonObjectBuilder outer = Json.createObjectBuilder();
            built.forEach((k, v) -> {
                if ("description".equals(k) || "example".equals(k) || "nullable".equals(k) || "readOnly".equals(k)) {
                    outer.add(k, v);
                } else {
                    list.add(k, v);
                }
            });
            return outer.add("oneOf", Json.createArrayBuilder().add(built.get("items")).add(list)).build();
        }
        return built;
    }

    private static void describe(JsonObjectBuilder b, Schema s) {
        describe(b, s, "");
    }

    private static void describe(JsonObjectBuilder b, Schema s, String type) {
        if (s == null) {
            return;
        }
        if (!s.description().isEmpty()) {
            b.add("description", s.description());
        }
        if (!s.example().isEmpty()) {
            JsonValue example = example(s.example());
            if (("integer".equals(type) || "number".equals(type)) && example instanceof jakarta.json.JsonString text) {
                example = Json.createValue(new BigDecimal(text.getString()));
            } else if ("boolean".equals(type) && example instanceof jakarta.json.JsonString text) {
                example = Boolean.parseBoolean(text.getString()) ? JsonValue.TRUE : JsonValue.FALSE;
            }
            b.add("example", example);
        }
        if (s.deprecated()) {
            b.add("deprecated", true);
        }
    }

    /** An example is written as JSON when it parses as JSON, else as a string. */
    static JsonValue example(String text) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try (var reader = Json.createReader(new java.io.StringReader(t))) {
                return reader.readValue();
            } catch (RuntimeException e) {
                throw new IllegalStateException("The example is not valid JSON: " + text, e);
            }
        }
        return Json.createValue(text);
    }

    private static <A extends Annotation> A annotation(RecordComponent rc, Class<A> type) {
        A a = rc.getAnnotation(type);
        if (a != null) {
            return a;
        }
        try {
            // Annotations that target fields or parameters only sit on the record's field.
            return rc.getDeclaringRecord().getDeclaredField(rc.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /**
     * The schema of a JSON merge patch (RFC 7396) of the record schema {@code name}: the same
     * members, none required, each nullable (null removes it), nested objects as patches too.
     */
    String patchOf(String name) {
        String patchName = name + "Patch";
        if (schemas.containsKey(patchName)) {
            return patchName;
        }
        JsonObject base = schemas.get(name);
        if (base == null || !base.containsKey("properties")) {
            return name;
        }
        schemas.put(patchName, JsonValue.EMPTY_JSON_OBJECT);
        JsonObjectBuilder props = Json.createObjectBuilder();
        base.getJsonObject("properties").forEach((prop, schema) -> props.add(prop, nullablePatch(schema.asJsonObject())));
        schemas.put(patchName, Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", props)
                .add("additionalProperties", base.getBoolean("additionalProperties", false))
                .add("description", "A JSON merge patch (RFC 7396) of " + name + ": members sent replace the stored "
                        + "ones, null removes one, members left out stay as they are")
                .build());
        return patchName;
    }

    private JsonObject nullablePatch(JsonObject schema) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        String ref = schema.containsKey("$ref") ? schema.getString("$ref")
                : schema.containsKey("allOf") ? schema.getJsonArray("allOf").getJsonObject(0).getString("$ref", null)
                : null;
        if (ref == null) {
            schema.forEach(b::add);
            return b.add("nullable", true).build();
        }
        String target = ref.substring("#/components/schemas/".length());
        JsonObject targetSchema = schemas.get(target);
        String type = targetSchema == null ? "object" : targetSchema.getString("type", "object");
        String patched = "object".equals(type) ? patchOf(target) : target;
        JsonObject inlined = schemas.get(patched);
        schema.forEach((k, v) -> {
            if (!"$ref".equals(k) && !"allOf".equals(k) && !"type".equals(k) && !"nullable".equals(k)
                    && !(inlined != null && inlined.containsKey(k))) {
                b.add(k, v);
            }
        });
        if (inlined != null && inlined.containsKey("type")) {
            // as for nullable members: the (patch) schema itself, made nullable
            inlined.forEach((k, v) -> {
                if (!"nullable".equals(k)) {
                    b.add(k, v);
                }
            });
            return b.add("nullable", true).build();
        }
        return b.add("allOf", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("$ref", "#/components/schemas/" + patched)))
                .add("type", type).add("nullable", true).build();
    }

    private static boolean complete(JsonValue example, JsonObject schema) {
        if (!(example instanceof JsonObject o) || !schema.containsKey("required")) {
            return true;
        }
        return schema.getJsonArray("required").getValuesAs(jakarta.json.JsonString.class).stream()
                .allMatch(r -> o.containsKey(r.getString()));
    }

    /** The example of a request body of the schema {@code name}, when its type has one. */
    JsonValue requestExample(String name) {
        return requestExamples.get(name);
    }

    JsonObject components() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        schemas.forEach(b::add);
        return b.build();
    }
}
