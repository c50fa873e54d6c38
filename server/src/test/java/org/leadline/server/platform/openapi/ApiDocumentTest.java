package org.leadline.server.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.LeadlineApplication;

/** The OpenAPI document describes every resource method of the API, each once and completely. */
class ApiDocumentTest {

    private static final JsonObject DOCUMENT = OpenApiServlet.document();

    @Test
    void everyResourceMethodHasAUniqueOperationWithSuccessAndClientErrorResponses() {
        int methods = 0;
        for (Class<?> resource : LeadlineApplication.RESOURCES) {
            methods += ApiDocument.resourceMethods(resource).size();
        }
        Set<String> ids = new HashSet<>();
        List<String> incomplete = new ArrayList<>();
        int operations = 0;
        for (var path : DOCUMENT.getJsonObject("paths").entrySet()) {
            for (var op : path.getValue().asJsonObject().entrySet()) {
                operations++;
                JsonObject o = op.getValue().asJsonObject();
                assertTrue(ids.add(o.getString("operationId")), "duplicate operationId " + o.getString("operationId"));
                Set<String> codes = o.getJsonObject("responses").keySet();
                if (codes.stream().noneMatch(c -> c.startsWith("2")) || codes.stream().noneMatch(c -> c.startsWith("4"))) {
                    incomplete.add(op.getKey() + " " + path.getKey());
                }
                assertFalse(o.getString("summary", "").isBlank(), op.getKey() + " " + path.getKey() + " has no summary");
                assertEquals(1, o.getJsonArray("tags").size());
            }
        }
        assertEquals(methods, operations, "every resource method is one operation");
        assertEquals(List.of(), incomplete, "operations without a 2xx and a 4xx response");
    }

    /** A timeline entry's item is one of the items' own schemas, not a free object. */
    @Test
    void aTimelineItemIsOneOfTheItemsOwnSchemas() {
        JsonObject schemas = DOCUMENT.getJsonObject("components").getJsonObject("schemas");
        JsonObject item = schemas.getJsonObject("LeadTimelineEntry").getJsonObject("properties").getJsonObject("item");
        List<String> alternatives = item.getJsonArray("anyOf")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("$ref")).toList();
        assertEquals(List.of("LeadInteraction", "LeadNote", "LeadSocialPost", "LeadAuditEntry", "StageChange", "RatingChange",
                "LeadMergeEntry", "RecommendationDecision").stream().map(n -> "#/components/schemas/" + n).toList(),
                alternatives);
        alternatives.forEach(ref -> assertTrue(schemas.containsKey(ref.substring(ref.lastIndexOf('/') + 1)), ref));
        assertTrue(item.getBoolean("nullable"), "an item that cannot be shown is null");
    }

    /** The record a method reads its body into is the body's schema: the reader and the document agree. */
    @Test
    void aBodyReadIntoARecordIsDescribedByThatRecord() {
        java.util.Map<String, JsonObject> byId = new java.util.HashMap<>();
        DOCUMENT.getJsonObject("paths").values().forEach(ops -> ops.asJsonObject().values()
                .forEach(op -> byId.put(op.asJsonObject().getString("operationId"), op.asJsonObject())));
        int records = 0;
        for (Class<?> resource : LeadlineApplication.RESOURCES) {
            for (java.lang.reflect.Method m : ApiDocument.resourceMethods(resource)) {
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    // a lead item's body is a type variable of its generic resource, bound by each subclass;
                    // a PUT's replacement and a PATCH's merge patch are read into their type argument
                    java.lang.reflect.Type declared = p.getParameterizedType();
                    if (declared instanceof java.lang.reflect.ParameterizedType wrapper
                            && (wrapper.getRawType() == org.leadline.server.platform.json.Replacement.class
                            || wrapper.getRawType() == org.leadline.server.platform.json.MergePatch.class)) {
                        declared = wrapper.getActualTypeArguments()[0];
                    }
                    java.lang.reflect.Type type = ApiDocument.resolve(declared, resource);
                    if (!(type instanceof Class<?> c && c.isRecord()) || java.util.Arrays.stream(p.getAnnotations())
                            .anyMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs"))) {
                        continue;
                    }
                    records++;
                    String id = ApiDocument.names(m.getAnnotation(
                            org.eclipse.microprofile.openapi.annotations.Operation.class).operationId(),
                            resource.getAnnotation(ResourceNames.class));
                    JsonObject body = byId.get(id).getJsonObject("requestBody");
                    String name = SchemaRegistry.name((Class<?>) type);
                    for (JsonValue media : body.getJsonObject("content").values()) {
                        String ref = media.asJsonObject().getJsonObject("schema").getString("$ref");
                        assertTrue(ref.equals("#/components/schemas/" + name)
                                || ref.equals("#/components/schemas/" + name + "Patch"), id + " reads " + name
                                + " but its document says " + ref);
                    }
                }
            }
        }
        assertTrue(records >= 40, "record bodies: " + records);
    }

    /** The document as a build output, for linting and client generation in CI without a server. */
    @Test
    void writesTheDocumentForTools() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "openapi");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("openapi.yaml"), OpenApiServlet.yaml(DOCUMENT));
        java.nio.file.Files.writeString(dir.resolve("openapi.json"), DOCUMENT.toString());
        assertTrue(java.nio.file.Files.size(dir.resolve("openapi.json")) > 1000);
    }

    /** A resource or provider left out of the application's list would be neither served nor described. */
    @Test
    void everyResourceAndProviderIsListedInTheApplication() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<String> missing = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                boolean resource = c.isAnnotationPresent(jakarta.ws.rs.Path.class)
                        && !java.lang.reflect.Modifier.isAbstract(c.getModifiers());
                boolean provider = c.isAnnotationPresent(jakarta.ws.rs.ext.Provider.class);
                if ((resource && !LeadlineApplication.RESOURCES.contains(c))
                        || (provider && !LeadlineApplication.PROVIDERS.contains(c))) {
                    missing.add(name);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noBogusPaths() {
        for (String path : DOCUMENT.getJsonObject("paths").keySet()) {
            assertTrue(path.startsWith(LeadlineApplication.PATH + "/"), path);
            assertFalse(path.contains("null"), path);
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> schemas = DOCUMENT.getJsonObject("components").getJsonObject("schemas").keySet();
        Set<String> responses = DOCUMENT.getJsonObject("components").getJsonObject("responses").keySet();
        Set<String> headers = DOCUMENT.getJsonObject("components").getJsonObject("headers").keySet();
        List<String> dangling = new ArrayList<>();
        walk(DOCUMENT, ref -> {
            String[] parts = ref.split("/");
            Set<String> names = switch (parts[2]) {
                case "schemas" -> schemas;
                case "responses" -> responses;
                case "headers" -> headers;
                default -> Set.of();
            };
            if (!names.contains(parts[3])) {
                dangling.add(ref);
            }
        });
        assertEquals(List.of(), dangling);
    }

    @Test
    void publicOperationsNeedNoToken() {
        JsonObject login = DOCUMENT.getJsonObject("paths").getJsonObject("/api/v1/auth/login").getJsonObject("post");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, login.getJsonArray("security"));
        assertFalse(login.getJsonObject("responses").containsKey("403"), "no role check on a public operation");
        JsonObject read = DOCUMENT.getJsonObject("paths").getJsonObject("/api/v1/leads/{id}").getJsonObject("get");
        assertFalse(read.containsKey("security"), "secured by the document's default");
        assertTrue(read.getJsonObject("responses").containsKey("401"));
    }

    @Test
    void theYamlRenderingIsTheSameDocument() {
        String yaml = OpenApiServlet.yaml(DOCUMENT);
        Object parsed = new org.yaml.snakeyaml.Yaml().load(yaml);
        assertTrue(parsed instanceof java.util.Map<?, ?> m && m.get("paths") instanceof java.util.Map<?, ?> p
                && p.size() == DOCUMENT.getJsonObject("paths").size());
    }

    private static void walk(JsonValue v, java.util.function.Consumer<String> refs) {
        if (v instanceof JsonObject o) {
            o.forEach((k, x) -> {
                if ("$ref".equals(k)) {
                    refs.accept(((jakarta.json.JsonString) x).getString());
                } else {
                    walk(x, refs);
                }
            });
        } else if (v instanceof jakarta.json.JsonArray a) {
            a.forEach(x -> walk(x, refs));
        }
    }
}
