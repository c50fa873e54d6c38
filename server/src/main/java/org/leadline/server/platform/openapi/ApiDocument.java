package org.leadline.server.platform.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.problem.Problem;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.MergePatch;
import org.leadline.server.platform.json.Replacement;
import org.leadline.server.platform.problem.Problems;

/**
 * Builds the OpenAPI 3.0 document of the REST API from the resource classes themselves: their
 * JAX-RS annotations give paths, methods, parameters and media types; MicroProfile OpenAPI's
 * annotations give operation ids, summaries, tags and the responses; the record types of request
 * and response bodies give the schemas ({@link SchemaRegistry}).
 *
 * <p>What every operation shares is added here once, from what the method declares: the problem
 * answers (400 for a body or parameters, 401 and 403 for a secured operation, 404 for a path with
 * ids, 412 and 428 for an {@code If-Match}, 413 and 415 for a body, 406 and 500 for all), the
 * {@code ETag} of a 200 or 201, the {@code Location} of a 201, and security: public operations
 * ({@code @PermitAll}) say {@code security: []}.
 *
 * <p>Generic lead sub-resources declare names once per class with {@link ResourceNames}; the
 * placeholders {@code {Item}}, {@code {Items}}, {@code {item}} and {@code {items}} in their
 * operation ids, summaries and descriptions, and the schema references {@code {Item}} and
 * {@code {Item}Page} (with {@link ResourceNames#page()}), take them.
 */
public final class ApiDocument {

    public static final String VERSION = "1";
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class, OPTIONS.class);

    private final SchemaRegistry schemas = new SchemaRegistry();
    private final Map<String, String> operationIds = new HashMap<>();
    private final Map<String, String> tagDescriptions = new TreeMap<>();
    private final Set<String> usedResponses = new java.util.HashSet<>();
    private final Set<String> usedHeaders = new java.util.HashSet<>();
    private final String basePath;

    private ApiDocument(String basePath) {
        this.basePath = basePath;
    }

    /**
     * The document for {@code resources} served under {@code basePath} (e.g. {@code /api/v1}).
     *
     * @throws IllegalStateException when a resource method lacks an operation id, two share one,
     *                               or a body type cannot be described
     */
    public static JsonObject build(String basePath, List<Class<?>> resources, JsonObject info) {
        return build(basePath, resources, List.of(), info);
    }

    /** A value of several record types that a member can hold, named in the document. */
    public record Union(String name, String description, List<Class<? extends Record>> members) {
    }

    /** As {@link #build(String, List, JsonObject)}, with the unions members refer to by name. */
    public static JsonObject build(String basePath, List<Class<?>> resources, List<Union> unions, JsonObject info) {
        ApiDocument document = new ApiDocument(basePath);
        unions.forEach(u -> document.schemas.union(u.name(), u.description(), u.members()));
        return document.document(resources, info);
    }

    private JsonObject document(List<Class<?>> resources, JsonObject info) {
        Map<String, Map<String, JsonObject>> paths = new TreeMap<>();
        List<Class<?>> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> resource : sorted) {
            if (resource.getAnnotation(Path.class) == null || Modifier.isAbstract(resource.getModifiers())) {
                continue;
            }
            Tag tag = resource.getAnnotation(Tag.class);
            if (tag == null) {
                throw new IllegalStateException(resource.getName() + " has no @Tag");
            }
            tagDescriptions.merge(tag.name(), tag.description(), (a, b) -> a.isEmpty() ? b : a);
            for (Method method : resourceMethods(resource)) {
                String httpMethod = httpMethod(method).toLowerCase(java.util.Locale.ROOT);
                String path = path(resource, method);
                JsonObject operation = operation(resource, method, path, tag);
                if (paths.computeIfAbsent(path, p -> new TreeMap<>()).put(httpMethod, operation) != null) {
                    throw new IllegalStateException("Two resource methods answer " + httpMethod + " " + path);
                }
            }
        }
        schemas.register(Problem.class);

        JsonObjectBuilder pathsJson = Json.createObjectBuilder();
        paths.forEach((path, ops) -> {
            JsonObjectBuilder item = Json.createObjectBuilder();
            ops.forEach(item::add);
            pathsJson.add(path, item);
        });
        JsonArrayBuilder tags = Json.createArrayBuilder();
        tagDescriptions.forEach((name, description) -> {
            JsonObjectBuilder t = Json.createObjectBuilder().add("name", name);
            if (!description.isEmpty()) {
                t.add("description", description);
            }
            tags.add(t);
        });
        JsonObject builtPaths = pathsJson.build();
        JsonObject allSchemas = schemas.components();
        java.util.Set<String> reachable = new java.util.TreeSet<>(List.of("Problem"));
        java.util.Deque<JsonValue> todo = new java.util.ArrayDeque<>(List.of(builtPaths, allSchemas.get("Problem")));
        while (!todo.isEmpty()) {
            JsonValue v = todo.pop();
            if (v instanceof JsonObject o) {
                String ref = o.getString("$ref", "");
                if (ref.startsWith("#/components/schemas/")) {
                    String name = ref.substring("#/components/schemas/".length());
                    if (reachable.add(name) && allSchemas.containsKey(name)) {
                        todo.push(allSchemas.get(name));
                    }
                }
                o.values().forEach(todo::push);
            } else if (v instanceof jakarta.json.JsonArray a) {
                a.forEach(todo::push);
            }
        }
        JsonObjectBuilder usedSchemas = Json.createObjectBuilder();
        allSchemas.forEach((name, schema) -> {
            if (reachable.contains(name)) {
                usedSchemas.add(name, schema);
            }
        });
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", info)
                .add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", "/")))
                .add("security", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("bearer", JsonValue.EMPTY_JSON_ARRAY)))
                .add("tags", tags)
                .add("paths", builtPaths)
                .add("components", Json.createObjectBuilder()
                        .add("schemas", usedSchemas)
                        .add("responses", standardResponses(usedResponses))
                        .add("headers", standardHeaders(usedHeaders))
                        .add("securitySchemes", Json.createObjectBuilder().add("bearer", Json.createObjectBuilder()
                                .add("type", "http").add("scheme", "bearer")
                                .add("description", "A session token from POST /api/v1/auth/login or an API token"))))
                .build();
    }

    /** Public, non-static methods with an HTTP method annotation, on the class or inherited. */
    static List<Method> resourceMethods(Class<?> resource) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()
                        || m.isBridge()) {
                    continue;
                }
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                if (!bySignature.containsKey(signature) && jaxrsDeclaring(m) != null && httpMethodOrNull(m) != null) {
                    bySignature.put(signature, m);
                }
            }
        }
        List<Method> methods = new ArrayList<>(bySignature.values());
        methods.sort(Comparator.comparing(Method::getName));
        return methods;
    }

    /** The method declaration that carries the JAX-RS annotations (the override or an inherited one). */
    private static Method jaxrsDeclaring(Method m) {
        for (Class<?> c = m.getDeclaringClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method candidate = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (httpMethodOrNull(candidate) != null) {
                    return candidate;
                }
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return null;
    }

    private static String httpMethodOrNull(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    private static String httpMethod(Method m) {
        return httpMethodOrNull(jaxrsDeclaring(m));
    }

    private String path(Class<?> resource, Method method) {
        Method declaring = jaxrsDeclaring(method);
        String p = basePath + "/" + resource.getAnnotation(Path.class).value();
        Path sub = declaring.getAnnotation(Path.class);
        if (sub != null) {
            p += "/" + sub.value();
        }
        // {id: regex} → {id}
        return p.replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/$", "");
    }

    private JsonObject operation(Class<?> resource, Method method, String path, Tag tag) {
        Method declaring = jaxrsDeclaring(method);
        Operation op = mostSpecific(resource, method, Operation.class);
        String where = resource.getSimpleName() + "." + method.getName();
        if (op == null || op.operationId().isEmpty() || op.summary().isEmpty()) {
            throw new IllegalStateException(where + " needs @Operation with an operationId and a summary");
        }
        ResourceNames names = resource.getAnnotation(ResourceNames.class);
        String operationId = names(op.operationId(), names);
        String previous = operationIds.put(operationId, where);
        if (previous != null) {
            throw new IllegalStateException("operationId " + operationId + " is used by " + previous + " and " + where);
        }
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("tags", Json.createArrayBuilder().add(tag.name()))
                .add("operationId", operationId)
                .add("summary", names(op.summary(), names));

        boolean isPublic = declaring.isAnnotationPresent(PermitAll.class)
                || (resource.isAnnotationPresent(PermitAll.class) && !declaring.isAnnotationPresent(RolesAllowed.class));
        RolesAllowed roles = declaring.getAnnotation(RolesAllowed.class) != null
                ? declaring.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
        StringBuilder description = new StringBuilder(names(op.description(), names));
        if (!isPublic && roles != null) {
            if (description.length() > 0) {
                description.append("\n\n");
            }
            description.append("Roles: ").append(String.join(", ", roles.value())).append('.');
        }
        if (description.length() > 0) {
            o.add("description", description.toString());
        }
        if (op.deprecated()) {
            o.add("deprecated", true);
        }
        if (isPublic) {
            o.add("security", JsonValue.EMPTY_JSON_ARRAY);
        }

        JsonArrayBuilder parameters = Json.createArrayBuilder();
        boolean hasIfMatch = false;
        boolean ifMatchRequired = false;
        boolean hasParameters = false;
        Type bodyType = null;
        Parameter[] declared = declaring.getParameters();
        Parameter[] specific = method.getParameters();
        for (int i = 0; i < declared.length; i++) {
            Parameter p = declared[i];
            org.eclipse.microprofile.openapi.annotations.parameters.Parameter doc =
                    annotation(specific[i], p, org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
            if (doc != null && doc.hidden()) {
                continue;
            }
            String in;
            String name;
            if (p.isAnnotationPresent(PathParam.class)) {
                in = "path";
                name = p.getAnnotation(PathParam.class).value();
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                in = "query";
                name = p.getAnnotation(QueryParam.class).value();
                hasParameters = true;
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                in = "header";
                name = p.getAnnotation(HeaderParam.class).value();
                if (HttpHeaders.IF_MATCH.equalsIgnoreCase(name)) {
                    hasIfMatch = true;
                    ifMatchRequired = doc == null || doc.required();
                }
                hasParameters = true;
            } else if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(BeanParam.class)
                    || p.isAnnotationPresent(CookieParam.class) || p.isAnnotationPresent(MatrixParam.class)
                    || p.isAnnotationPresent(FormParam.class)) {
                continue;
            } else {
                Type entity = p.getParameterizedType();
                // a PUT's replacement or a PATCH's merge patch is described by its record
                if (entity instanceof java.lang.reflect.ParameterizedType wrapper
                        && (wrapper.getRawType() == Replacement.class || wrapper.getRawType() == MergePatch.class)) {
                    entity = wrapper.getActualTypeArguments()[0];
                }
                bodyType = resolve(entity, resource);
                continue;
            }
            parameters.add(parameter(in, name, p, doc, names));
        }
        JsonArrayBuilder allParameters = parameters;
        JsonObject builtParameters = Json.createObjectBuilder().add("p", allParameters).build();
        if (!builtParameters.getJsonArray("p").isEmpty()) {
            o.add("parameters", builtParameters.getJsonArray("p"));
        }

        RequestBody body = mostSpecific(resource, method, RequestBody.class);
        boolean hasBody = bodyType != null || body != null;
        if (hasBody) {
            o.add("requestBody", requestBody(declaring, resource, bodyType, body, names,
                    !declaring.isAnnotationPresent(OptionalBody.class) && !method.isAnnotationPresent(OptionalBody.class)));
        }

        Produces produces = declaring.getAnnotation(Produces.class) != null ? declaring.getAnnotation(Produces.class)
                : resource.getAnnotation(Produces.class);
        String producedType = produces == null ? MediaType.APPLICATION_JSON : produces.value()[0];
        JsonObjectBuilder responses = Json.createObjectBuilder();
        Set<String> codes = new LinkedHashSet<>();
        // Anything under a lead finds the lead first; a merged-away lead is answered by LeadMergedMapper
        boolean underLead = path.contains("/leads/{");
        boolean read = "GET".equals(httpMethod(method)) || "HEAD".equals(httpMethod(method));
        for (APIResponse r : allMostSpecific(resource, method)) {
            codes.add(r.responseCode());
            JsonObject response = response(r, httpMethod(method), producedType, names);
            if (underLead && !read && "409".equals(r.responseCode())) {
                JsonObjectBuilder withLink = Json.createObjectBuilder(response);
                JsonObjectBuilder headers = Json.createObjectBuilder(response.containsKey("headers")
                        ? response.getJsonObject("headers") : JsonValue.EMPTY_JSON_OBJECT);
                withLink.add("headers", headers.add("Link", ref("Link")));
                response = withLink.build();
            }
            responses.add(r.responseCode(), response);
        }
        addStandard(responses, codes, "301", underLead && read, "LeadMoved");
        addStandard(responses, codes, "409", underLead && !read, "LeadMerged");
        if (codes.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
            throw new IllegalStateException(where + " documents no success response");
        }
        boolean hasPathIds = path.contains("{");
        addStandard(responses, codes, "400", hasBody || hasParameters, "BadRequest");
        addStandard(responses, codes, "401", !isPublic, "Unauthenticated");
        addStandard(responses, codes, "403", !isPublic, "Forbidden");
        addStandard(responses, codes, "404", hasPathIds, "NotFound");
        addStandard(responses, codes, "406", true, "NotAcceptable");
        addStandard(responses, codes, "412", hasIfMatch, "PreconditionFailed");
        addStandard(responses, codes, "413", hasBody, "BodyTooLarge");
        addStandard(responses, codes, "415", hasBody, "UnsupportedMediaType");
        addStandard(responses, codes, "428", ifMatchRequired, "PreconditionRequired");
        addStandard(responses, codes, "500", true, "InternalError");
        addStandard(responses, codes, "503", true, "Busy");
        o.add("responses", responses);
        return o.build();
    }

    private void addStandard(JsonObjectBuilder responses, Set<String> codes, String code, boolean applies,
                             String name) {
        if (applies && codes.add(code)) {
            usedResponses.add(name);
            switch (name) {
                case "LeadMoved" -> usedHeaders.add("Location");
                case "LeadMerged" -> usedHeaders.add("Link");
                default -> { }
            }
            responses.add(code, Json.createObjectBuilder().add("$ref", "#/components/responses/" + name));
        }
    }

    private JsonObject parameter(String in, String name, Parameter p,
                                 org.eclipse.microprofile.openapi.annotations.parameters.Parameter doc,
                                 ResourceNames names) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("in", in);
        if (doc != null && !doc.description().isEmpty()) {
            b.add("description", names(doc.description(), names));
        } else if (HttpHeaders.IF_MATCH.equalsIgnoreCase(name)) {
            b.add("description", "The ETag of the version this change is based on");
        } else if (HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name)) {
            b.add("description", "An ETag the client holds; 304 when it is current");
        }
        // If-Match is required unless its @Parameter says otherwise
        boolean required = "path".equals(in) || (doc != null && doc.required())
                || (HttpHeaders.IF_MATCH.equalsIgnoreCase(name) && doc == null);
        b.add("required", required);
        JsonObject schema;
        if (doc != null && doc.schema().implementation() != Void.class) {
            schema = schemas.schemaOf(doc.schema().implementation());
        } else if (doc != null && doc.schema().type() != SchemaType.DEFAULT) {
            schema = inlineSchema(doc.schema());
        } else {
            Type t = p.getParameterizedType();
            schema = schemas.schemaOf(t);
        }
        if (doc != null && doc.schema().enumeration().length > 0) {
            JsonObjectBuilder s = Json.createObjectBuilder(schema);
            JsonArrayBuilder values = Json.createArrayBuilder();
            Arrays.stream(doc.schema().enumeration()).forEach(values::add);
            s.add("enum", values);
            schema = s.build();
        }
        if (doc != null && !doc.schema().format().isEmpty()) {
            schema = Json.createObjectBuilder(schema).add("format", doc.schema().format()).build();
        }
        b.add("schema", schema);
        if ("query".equals(in) && "array".equals(schema.getString("type", ""))) {
            b.add("explode", true);
        }
        if (doc != null && !doc.example().isEmpty()) {
            b.add("example", doc.example());
        }
        return b.build();
    }

    private JsonObject inlineSchema(Schema s) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        switch (s.type()) {
            case INTEGER -> b.add("type", "integer");
            case NUMBER -> b.add("type", "number");
            case BOOLEAN -> b.add("type", "boolean");
            case ARRAY -> b.add("type", "array").add("items", Json.createObjectBuilder().add("type", "string"));
            case OBJECT -> b.add("type", "object");
            default -> b.add("type", "string");
        }
        if (s.minimum().length() > 0) {
            b.add("minimum", new java.math.BigDecimal(s.minimum()));
        }
        if (s.maximum().length() > 0) {
            b.add("maximum", new java.math.BigDecimal(s.maximum()));
        }
        if (s.maxLength() != Integer.MAX_VALUE) {
            b.add("maxLength", s.maxLength());
        }
        if (!s.pattern().isEmpty()) {
            b.add("pattern", s.pattern());
        }
        if (!s.defaultValue().isEmpty()) {
            b.add("default", s.defaultValue());
        }
        if (!s.format().isEmpty()) {
            b.add("format", s.format());
        }
        if (!s.description().isEmpty()) {
            b.add("description", s.description());
        }
        return b.build();
    }

    /**
     * {@code type} with a type variable of a generic resource class (e.g. the record of a lead item's
     * body) replaced by what {@code resource} binds it to, as JAX-RS resolves it when reading the body.
     */
    static Type resolve(Type type, Class<?> resource) {
        if (!(type instanceof java.lang.reflect.TypeVariable<?> variable)) {
            return type;
        }
        Map<java.lang.reflect.TypeVariable<?>, Type> bound = new java.util.HashMap<>();
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof java.lang.reflect.ParameterizedType p) {
                java.lang.reflect.TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    Type argument = p.getActualTypeArguments()[i];
                    bound.put(variables[i], argument instanceof java.lang.reflect.TypeVariable<?> v && bound.containsKey(v)
                            ? bound.get(v) : argument);
                }
            }
        }
        return bound.getOrDefault(variable, type);
    }

    private JsonObject requestBody(Method declaring, Class<?> resource, Type bodyType, RequestBody doc,
                                   ResourceNames names, boolean required) {
        Consumes consumes = declaring.getAnnotation(Consumes.class) != null ? declaring.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        List<String> mediaTypes = consumes == null ? List.of(MediaType.APPLICATION_JSON) : List.of(consumes.value());
        JsonObjectBuilder content = Json.createObjectBuilder();
        boolean mergePatch = mediaTypes.contains(MERGE_PATCH);
        // a body read into a record is described by that record: the annotation adds only words and examples
        Class<?> record = bodyType instanceof Class<?> c && c.isRecord() ? c : null;
        if (doc != null && doc.content().length > 0) {
            for (Content c : doc.content()) {
                if (record != null && c.schema().implementation() != Void.class) {
                    throw new IllegalStateException(resource.getSimpleName() + "." + declaring.getName()
                            + " reads its body as " + record.getSimpleName() + ": its @RequestBody names no other "
                            + "implementation");
                }
                if (record != null && names != null && names(c.schema().ref(), names).equals(names.item())
                        && names.schema() != record) {
                    throw new IllegalStateException(resource.getSimpleName() + "." + declaring.getName()
                            + " reads its body as " + record.getSimpleName() + " but its @ResourceNames schema is "
                            + names.schema().getSimpleName());
                }
                List<String> types = c.mediaType().isEmpty() ? mediaTypes : List.of(c.mediaType());
                for (String type : types) {
                    JsonObject media = mediaType(c, names, record);
                    content.add(type, mergePatch ? asPatch(media) : withRequestExample(media));
                }
            }
        } else {
            JsonObject schema = schemas.schemaOf(bodyType);
            for (String type : mediaTypes) {
                JsonObject media = Json.createObjectBuilder().add("schema", schema).build();
                content.add(type, mergePatch ? asPatch(media) : withRequestExample(media));
            }
        }
        // a body is required unless the method is marked @OptionalBody (MicroProfile's default is false)
        JsonObjectBuilder b = Json.createObjectBuilder().add("required", required);
        if (doc != null && !doc.description().isEmpty()) {
            b.add("description", names(doc.description(), names));
        }
        return b.add("content", content).build();
    }

    private JsonObject response(APIResponse r, String httpMethod, String producedType, ResourceNames names) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("description", r.description().isEmpty()
                ? defaultDescription(r.responseCode()) : names(r.description(), names));
        Map<String, JsonObject> headers = new LinkedHashMap<>();
        boolean hasBody = r.content().length > 0;
        String code = r.responseCode();
        if (hasBody && ("200".equals(code) || "201".equals(code)) && !"HEAD".equals(httpMethod)) {
            // a resource with a version answers with it as its ETag
            boolean versioned = Arrays.stream(r.content()).anyMatch(c -> c.schema().type() != SchemaType.ARRAY
                    && c.schema().implementation().isRecord() && Arrays.stream(c.schema().implementation()
                    .getRecordComponents()).anyMatch(rc -> rc.getName().equals("version")));
            if (versioned && !noEtag(r)) {
                headers.put("ETag", ref("ETag"));
            }
        }
        if ("201".equals(code)) {
            headers.put("Location", ref("Location"));
        }
        if ("304".equals(code)) {
            headers.put("ETag", ref("ETag")); // RFC 9110: a 304 repeats the ETag
        }
        for (Header h : r.headers()) {
            JsonObjectBuilder hb = Json.createObjectBuilder();
            if ("ETag".equals(h.name()) && "none".equals(h.description())) {
                continue;
            }
            if (!h.ref().isEmpty()) {
                headers.put(h.name(), ref(h.ref()));
                continue;
            }
            hb.add("description", names(h.description(), names));
            hb.add("schema", h.schema().type() == SchemaType.INTEGER
                    ? Json.createObjectBuilder().add("type", "integer").build()
                    : Json.createObjectBuilder().add("type", "string").build());
            headers.put(h.name(), hb.build());
        }
        if (!headers.isEmpty()) {
            JsonObjectBuilder hs = Json.createObjectBuilder();
            headers.forEach(hs::add);
            b.add("headers", hs);
        }
        if (hasBody) {
            JsonObjectBuilder content = Json.createObjectBuilder();
            for (Content c : r.content()) {
                content.add(c.mediaType().isEmpty() ? producedType : c.mediaType(), mediaType(c, names));
            }
            b.add("content", content);
        }
        return b.build();
    }

    /** A response of a versioned type that carries no ETag says so with a header ETag described as "none". */
    private static boolean noEtag(APIResponse r) {
        return Arrays.stream(r.headers()).anyMatch(h -> "ETag".equals(h.name()) && "none".equals(h.description()));
    }

    private JsonObject mediaType(Content c, ResourceNames names) {
        return mediaType(c, names, null);
    }

    /** The media type object of {@code c}; {@code body} (a record) is the schema when {@code c} names none. */
    private JsonObject mediaType(Content c, ResourceNames names, Class<?> body) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        Schema s = c.schema();
        JsonObject schema;
        if (!s.ref().isEmpty()) {
            String ref = names(s.ref(), names);
            if (names != null && ref.equals(names.item())) {
                schemas.register(names.schema());
                ref = SchemaRegistry.name(names.schema());
            } else if (names != null && names.page() != Void.class && ref.equals(names.item() + "Page")) {
                schemas.register(names.page());
                ref = SchemaRegistry.name(names.page());
            }
            schema = Json.createObjectBuilder().add("$ref", "#/components/schemas/" + ref).build();
        } else if (s.implementation() != Void.class) {
            schema = schemas.schemaOf(s.implementation());
        } else if (body != null && s.type() == SchemaType.DEFAULT) {
            schema = schemas.schemaOf(body);
        } else {
            schema = inlineSchema(s);
        }
        if (s.type() == SchemaType.ARRAY && s.implementation() != Void.class) {
            schema = Json.createObjectBuilder().add("type", "array").add("items", schema).build();
        }
        b.add("schema", schema);
        if (c.examples().length > 0) {
            JsonObjectBuilder examples = Json.createObjectBuilder();
            for (ExampleObject e : c.examples()) {
                JsonObjectBuilder eb = Json.createObjectBuilder().add("value", SchemaRegistry.example(e.value()));
                if (!e.summary().isEmpty()) {
                    eb.add("summary", e.summary());
                }
                examples.add(e.name(), eb);
            }
            b.add("examples", examples);
        }
        return b.build();
    }

    /** An operation that takes a merge patch takes the patch form of its type, whatever the media type. */
    private JsonObject asPatch(JsonObject mediaType) {
        JsonObject schema = mediaType.getJsonObject("schema");
        if (schema == null || !schema.containsKey("$ref")) {
            return mediaType;
        }
        String patch = schemas.patchOf(schema.getString("$ref").substring("#/components/schemas/".length()));
        return Json.createObjectBuilder(mediaType).add("schema", Json.createObjectBuilder()
                .add("$ref", "#/components/schemas/" + patch)).build();
    }

    /** Adds the request example of the body's type, when it has one and the media type none. */
    private JsonObject withRequestExample(JsonObject mediaType) {
        JsonObject schema = mediaType.getJsonObject("schema");
        if (schema == null || !schema.containsKey("$ref") || mediaType.containsKey("examples")) {
            return mediaType;
        }
        JsonValue example = schemas.requestExample(schema.getString("$ref").substring("#/components/schemas/".length()));
        return example == null ? mediaType : Json.createObjectBuilder(mediaType).add("example", example).build();
    }

    private static String defaultDescription(String code) {
        return switch (code) {
            case "200" -> "OK";
            case "201" -> "Created";
            case "202" -> "Accepted";
            case "204" -> "No content";
            case "304" -> "Not modified: the client's copy (If-None-Match) is current";
            default -> "Status " + code;
        };
    }

    private JsonObject ref(String header) {
        usedHeaders.add(header);
        return headerRef(header);
    }

    private static JsonObject headerRef(String header) {
        return Json.createObjectBuilder().add("$ref", "#/components/headers/" + header).build();
    }

    private static JsonObject standardHeaders(Set<String> used) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        everyStandardHeader().forEach((name, header) -> {
            if (used.contains(name)) {
                b.add(name, header);
            }
        });
        return b.build();
    }

    private static JsonObject everyStandardHeader() {
        return Json.createObjectBuilder()
                .add("ETag", header("The version of the resource; send it back in If-Match to change it", "string"))
                .add("Location", header("The address of the created resource", "string"))
                .add("Link", header("RFC 8288 links; rel=\"next\" points to the next page", "string"))
                .add("Retry-After", header("Seconds to wait before trying again", "integer"))
                .add("Idempotent-Replayed", header("true when the answer replays an earlier request with the same "
                        + "Idempotency-Key", "string"))
                .build();
    }

    private static JsonObject header(String description, String type) {
        return Json.createObjectBuilder().add("description", description)
                .add("schema", Json.createObjectBuilder().add("type", type)).build();
    }

    private static JsonObject standardResponses(Set<String> used) {
        JsonObjectBuilder all = Json.createObjectBuilder();
        JsonObject every = everyStandardResponse();
        every.forEach((name, response) -> {
            if (used.contains(name)) {
                all.add(name, response);
            }
        });
        return all.build();
    }

    private static JsonObject everyStandardResponse() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("BadRequest", problem("The request is not valid: the problem's errors name each field or parameter "
                + "and the reason", null));
        b.add("Unauthenticated", problem("No valid bearer token was sent", null));
        b.add("Forbidden", problem("The caller's role does not allow this operation", null));
        b.add("NotFound", problem("No such resource in the caller's tenant", null));
        b.add("NotAcceptable", problem("The Accept header asks for a media type this operation does not produce", null));
        b.add("PreconditionFailed", problem("If-Match does not match the current version: someone else changed it", null));
        b.add("BodyTooLarge", problem("The request body exceeds the configured limit", null));
        b.add("UnsupportedMediaType", problem("The Content-Type is not accepted by this operation", null));
        b.add("PreconditionRequired", problem("If-Match is required for this change", null));
        b.add("LeadMoved", problem("The lead was merged into another: Location is the same address under the "
                + "surviving lead; the problem's mergedInto names it", "Location"));
        b.add("LeadMerged", problem("The lead was merged into another (the problem's mergedInto and the Link "
                + "rel=\"alternate\" name the survivor), or the request conflicts with the resource's state", "Link"));
        b.add("InternalError", problem("An unexpected error; the problem's instance identifies it in the log", null));
        b.add("Busy", problem("Data this request needs was held by another change for longer than the server's lock "
                + "timeout, or the request was chosen to end a deadlock; nothing was changed: send it again after "
                + "Retry-After seconds", "Retry-After"));
        return b.build();
    }

    private static JsonObject problem(String description, String header) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("description", description);
        if (header != null) {
            b.add("headers", Json.createObjectBuilder().add(header, headerRef(header)));
        }
        return b.add("content", Json.createObjectBuilder().add(Problems.MEDIA_TYPE, Json.createObjectBuilder()
                .add("schema", Json.createObjectBuilder().add("$ref", "#/components/schemas/Problem")))).build();
    }

    static String names(String text, ResourceNames names) {
        if (names == null || text.indexOf('{') < 0) {
            return text;
        }
        return text.replace("{Item}", names.item()).replace("{Items}", names.items())
                .replace("{item}", names.itemText()).replace("{items}", names.itemsText());
    }

    private static <A extends Annotation> A mostSpecific(Class<?> resource, Method method, Class<A> type) {
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                A a = c.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
                if (a != null) {
                    return a;
                }
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return null;
    }

    private static List<APIResponse> allMostSpecific(Class<?> resource, Method method) {
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                APIResponse[] rs = c.getDeclaredMethod(method.getName(), method.getParameterTypes())
                        .getAnnotationsByType(APIResponse.class);
                if (rs.length > 0) {
                    return List.of(rs);
                }
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return List.of();
    }

    private static <A extends Annotation> A annotation(Parameter specific, Parameter declared, Class<A> type) {
        A a = specific.getAnnotation(type);
        return a != null ? a : declared.getAnnotation(type);
    }

}
