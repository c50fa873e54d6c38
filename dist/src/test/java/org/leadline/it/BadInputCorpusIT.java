package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus: every write operation (POST, PUT, PATCH, DELETE) and every query parameter
 * that the server's own {@code /openapi} document lists, sent malformed, deeply nested, oversized,
 * as invalid UTF-8, with text after the document, with control characters and wrong types in each
 * property of the request schema, with out-of-range numbers, with unparsable or duplicate
 * Content-Type headers and with bad path ids; as a tenant administrator (a platform administrator
 * where the operation is theirs) and anonymously where the operation needs no token.
 *
 * <p>Whatever it sends, the server never answers 5xx, every 4xx is an {@code application/problem+json}
 * document with a body, and the server keeps serving: after each operation's batch it answers its
 * health and a read of the signed-in user. Cases the HTTP listener refuses before any application
 * code runs (docs/rest-api.md, "What the listener answers itself") are sent over a raw socket and
 * must be a 400 that leaves the server serving.
 */
class BadInputCorpusIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    static LeadlineServer server;
    static String tenantToken;
    static String adminToken;
    static String leadId;
    static String formId;
    static String formKey;

    private final List<String> failures = new ArrayList<>();
    private int cases;

    @BeforeAll
    static void tenantWithALeadAndAForm() {
        server = LeadlineServer.shared();
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        tenantToken = tenant.api().token();
        adminToken = Fixtures.platformAdmin(server).token();
        Api.Response lead = tenant.api().post("/api/v1/leads", Fixtures.tradeFairLead(LeadlineServer.unique("Corpus")));
        assertEquals(201, lead.status(), lead::toString);
        leadId = lead.json().getString("id");
        // no fill time and a high rate limit: the corpus's posts reach the body reader, not the spam checks
        Api.Response form = tenant.api().post("/api/v1/webforms", Json.createObjectBuilder()
                .add("name", "Corpus").add("minFillSeconds", 0).add("perIpPerMinute", 100_000)
                .add("fields", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "last_name").add("leadField", "lastName").add("required", true)))
                .build());
        assertEquals(201, form.status(), form::toString);
        formId = form.json().getString("id");
        formKey = form.json().getString("formKey");
    }

    @Test
    void noInputMakesTheServerFailOrAnswerWithoutAProblem() throws Exception {
        JsonObject document = document();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        int operations = 0;
        int queryParameters = 0;
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
                String method = entry.getKey();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                JsonObject operation = entry.getValue().asJsonObject();
                Operation op = new Operation(method.toUpperCase(), path.getKey(), operation, schemas);
                List<JsonObject> query = op.queryParameters();
                if (!WRITES.contains(method) && query.isEmpty() && !path.getKey().contains("{")) {
                    continue;
                }
                operations++;
                queryParameters += query.size();
                if (WRITES.contains(method)) {
                    bodies(op);
                    contentTypes(op);
                }
                pathIds(op);
                for (JsonObject parameter : query) {
                    queryValues(op, parameter.getString("name"));
                }
                stillServing(op.label());
            }
        }
        listenerLevel();
        System.out.printf("Bad-input corpus: %d cases over %d operations (%d query parameters)%n",
                cases, operations, queryParameters);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases failed:\n"
                + String.join("\n", failures.subList(0, Math.min(300, failures.size()))));
    }

    // ---- the corpus -----------------------------------------------------------------------------

    private void bodies(Operation op) throws Exception {
        if (op.bodyType() == null) {
            return;
        }
        String token = op.token();
        send(op, token, "malformed", "{\"a\": ".getBytes(StandardCharsets.UTF_8));
        send(op, token, "not an object", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        send(op, token, "empty", new byte[0]);
        send(op, token, "nested 10,000 deep", ("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        send(op, token, "oversized", ("{\"a\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        send(op, token, "invalid UTF-8", concat("{\"name\":\"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe}, "\"}".getBytes(StandardCharsets.US_ASCII)));
        send(op, token, "trailing data", "{} {\"x\":1}".getBytes(StandardCharsets.UTF_8));
        send(op, token, "duplicate keys", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8));
        JsonObject schema = op.bodySchema();
        if (schema == null) {
            return;
        }
        for (Map.Entry<String, JsonValue> property : properties(schema, op.schemas).entrySet()) {
            JsonObject propertySchema = resolve(property.getValue().asJsonObject(), op.schemas);
            for (Map.Entry<String, JsonValue> bad : badValues(propertySchema).entrySet()) {
                send(op, token, property.getKey() + " " + bad.getKey(), json(Map.of(property.getKey(), bad.getValue())));
            }
            // one level down: the members of an object member, each wrong on its own
            for (Map.Entry<String, JsonValue> nested : properties(propertySchema, op.schemas).entrySet()) {
                JsonObject nestedSchema = resolve(nested.getValue().asJsonObject(), op.schemas);
                for (Map.Entry<String, JsonValue> bad : badValues(nestedSchema).entrySet()) {
                    send(op, token, property.getKey() + "." + nested.getKey() + " " + bad.getKey(),
                            json(Map.of(property.getKey(), Json.createObjectBuilder().add(nested.getKey(), bad.getValue()).build())));
                }
            }
        }
    }

    /** Wrong values for a property of {@code schema}'s type: other types, control characters, numbers out of range. */
    private static Map<String, JsonValue> badValues(JsonObject schema) {
        Map<String, JsonValue> bad = new LinkedHashMap<>();
        String type = schema.getString("type", schema.containsKey("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                bad.put("as a number", Json.createValue(12345));
                bad.put("as an object", JsonValue.EMPTY_JSON_OBJECT);
                bad.put("with CR LF", Json.createValue("line\r\nBcc: x@example.com"));
                bad.put("with NUL and BEL", Json.createValue("a\u0000b\u0007"));
                bad.put("with a lone surrogate", Json.createValue("a\ud800b"));
                bad.put("of 70,000 characters", Json.createValue("x".repeat(70_000)));
                if (schema.containsKey("enum")) {
                    bad.put("not of the enum", Json.createValue("NOT_A_VALUE"));
                }
            }
            case "integer", "number" -> {
                bad.put("as text", Json.createValue("ten"));
                bad.put("as true", JsonValue.TRUE);
                bad.put("1e400", Json.createValue(new java.math.BigDecimal("1e400")));
                bad.put("-1e400", Json.createValue(new java.math.BigDecimal("-1e400")));
                bad.put("2^63", Json.createValue(new java.math.BigInteger("9223372036854775808")));
                bad.put("-1", Json.createValue(-1));
                bad.put("0.5", Json.createValue(new java.math.BigDecimal("0.5")));
            }
            case "boolean" -> {
                bad.put("as text", Json.createValue("yes"));
                bad.put("as 1", Json.createValue(1));
            }
            case "array" -> {
                bad.put("as text", Json.createValue("x"));
                bad.put("with a null item", Json.createArrayBuilder().addNull().build());
                bad.put("with an object item", Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build());
            }
            case "object" -> {
                bad.put("as an array", Json.createArrayBuilder().add(1).build());
                bad.put("as text", Json.createValue("x"));
            }
            default -> {
                bad.put("as an array of arrays", Json.createArrayBuilder().add(Json.createArrayBuilder()).build());
            }
        }
        return bad;
    }

    private void contentTypes(Operation op) throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String token = op.token();
        for (String type : List.of("garbage", "text/", "application/json; charset=", "application/json; charset=x-none",
                "/json", "application/json; =")) {
            check(op.label() + " Content-Type '" + type + "'", exchange(op.method, op.resolved(Map.of()), token,
                    List.of(type), body));
        }
        check(op.label() + " two Content-Type headers", exchange(op.method, op.resolved(Map.of()), token,
                List.of("application/json", "text/plain"), body));
    }

    private void pathIds(Operation op) throws Exception {
        Matcher m = PATH_PARAMETER.matcher(op.path);
        while (m.find()) {
            String name = m.group(1);
            for (String bad : List.of("does-not-exist", "%2e%2e%2f%2e%2e%2fetc", "x".repeat(300), "%F0%9F%92%A9",
                    "1%27%20OR%20%271%27=%271", "00000000-0000-0000-0000-000000000000", "%20")) {
                byte[] body = op.bodyType() != null && !op.method.equals("DELETE") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
                check(op.label() + " " + name + "=" + bad, exchange(op.method, op.resolved(Map.of(name, bad)),
                        op.token(), body == null ? List.of() : List.of(op.bodyType()), body));
            }
        }
    }

    private void queryValues(Operation op, String name) throws Exception {
        for (String bad : List.of("", "%00", "%ff%fe", "%0d%0aX-Injected:%201", "-1", "1e400", "99999999999999999999",
                "NOT_A_VALUE", "x".repeat(5000), "%E2%80%AE", "a%26b%3Dc")) {
            String target = op.resolved(Map.of()) + "?" + name + "=" + bad;
            // writes get a malformed body: whatever the parameter does, nothing is stored
            boolean write = WRITES.contains(op.method.toLowerCase()) && !op.method.equals("DELETE");
            check(op.label() + " ?" + name + "=" + cut(bad, 20), exchange(op.method, target, op.token(),
                    write ? List.of("application/json") : List.of(), write ? "{".getBytes(StandardCharsets.UTF_8) : null));
        }
        check(op.label() + " ?" + name + " twice", exchange(op.method, op.resolved(Map.of()) + "?" + name + "=1&" + name
                + "=2", op.token(), List.of(), null));
    }

    /** Requests the listener itself refuses: raw socket, a 400 and a server that keeps serving. */
    private void listenerLevel() throws Exception {
        URI base = URI.create(server.base());
        List<String> requests = List.of(
                "GET /api/v1/leads/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/leads/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n"
                        + "Connection: close\r\n\r\n{}",
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                        + "Content-Length: 5\r\nConnection: close\r\n\r\n{}",
                "GET /api/v1/leads HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET /api/v1/leads?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        for (String request : requests) {
            cases++;
            String answer = raw(base, request);
            String statusLine = answer.lines().findFirst().orElse("");
            if (!statusLine.matches("HTTP/1\\.1 4\\d\\d .*")) {
                failures.add("listener: " + cut(request, 60) + " → " + cut(statusLine, 80));
            }
        }
        stillServing("the listener's own refusals");
    }

    // ---- checks ---------------------------------------------------------------------------------

    private void send(Operation op, String token, String what, byte[] body) throws Exception {
        check(op.label() + " " + what, exchange(op.method, op.resolved(Map.of()), token, List.of(op.bodyType()), body));
        if (op.isPublic() && token != null) {
            check(op.label() + " anonymous " + what, exchange(op.method, op.resolved(Map.of()), null,
                    List.of(op.bodyType()), body));
        }
    }

    private void check(String label, HttpResponse<String> r) {
        cases++;
        int status = r.statusCode();
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(label + " → " + status + " " + cut(r.body(), 200));
        } else if (status >= 400) {
            if (!contentType.startsWith("application/problem+json") || r.body().isBlank()) {
                failures.add(label + " → " + status + " not a problem (" + contentType + "): " + cut(r.body(), 120));
                return;
            }
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                JsonObject problem = reader.readObject();
                if (!problem.getString("type", "").startsWith("/problems/") || problem.getInt("status", 0) != status) {
                    failures.add(label + " → " + status + " a problem of another status or type: " + cut(r.body(), 160));
                }
            } catch (RuntimeException e) {
                failures.add(label + " → " + status + " a problem that is not JSON: " + cut(r.body(), 120));
            }
        }
    }

    private void stillServing(String after) throws Exception {
        HttpResponse<String> health = exchange("GET", "/health/ready", null, List.of(), null);
        HttpResponse<String> me = exchange("GET", "/api/v1/auth/me", tenantToken, List.of(), null);
        if (health.statusCode() != 200 || me.statusCode() != 200) {
            failures.add("after " + after + " the server answers health " + health.statusCode() + ", /auth/me "
                    + me.statusCode());
        }
        assertEquals(200, health.statusCode(), () -> "the server stopped serving after " + after);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private static HttpResponse<String> exchange(String method, String target, String token, List<String> contentTypes,
                                                 byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + target)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        contentTypes.forEach(t -> b.header("Content-Type", t));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(200);
            return new String(head, StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within 10 s";
        } catch (java.net.SocketException e) {
            // the listener may close before reading all of an oversized request
            return "HTTP/1.1 400 connection closed (" + e.getMessage() + ")";
        }
    }

    private static JsonObject document() throws Exception {
        HttpResponse<String> r = exchange("GET", "/openapi?format=json", null, List.of(), null);
        assertEquals(200, r.statusCode());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private static byte[] json(Map<String, JsonValue> members) {
        return Json.createObjectBuilder(members).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String cut(String text, int max) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > max ? oneLine.substring(0, max) + "…" : oneLine;
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        JsonObject s = schema;
        for (int i = 0; i < 5 && s.containsKey("$ref"); i++) {
            s = schemas.getJsonObject(s.getString("$ref").substring("#/components/schemas/".length()));
        }
        if (s.containsKey("allOf") && s.getJsonArray("allOf").size() == 1) {
            return resolve(s.getJsonArray("allOf").getJsonObject(0), schemas);
        }
        return s;
    }

    private static JsonObject properties(JsonObject schema, JsonObject schemas) {
        JsonObject s = resolve(schema, schemas);
        return s.containsKey("properties") ? s.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** One operation of the document, with the ids the corpus puts into its path. */
    private static final class Operation {
        final String method;
        final String path;
        final JsonObject operation;
        final JsonObject schemas;
        private String token;

        Operation(String method, String path, JsonObject operation, JsonObject schemas) {
            this.method = method;
            this.path = path;
            this.operation = operation;
            this.schemas = schemas;
        }

        String label() {
            return method + " " + path;
        }

        boolean isPublic() {
            JsonArray security = operation.getJsonArray("security");
            return security != null && security.isEmpty();
        }

        List<JsonObject> queryParameters() {
            List<JsonObject> query = new ArrayList<>();
            JsonArray parameters = operation.getJsonArray("parameters");
            if (parameters != null) {
                for (JsonValue p : parameters) {
                    JsonObject parameter = p.asJsonObject();
                    if ("query".equals(parameter.getString("in", ""))) {
                        query.add(parameter);
                    }
                }
            }
            return query;
        }

        /** The first media type of the request body, or null when it takes none. */
        String bodyType() {
            JsonObject body = operation.getJsonObject("requestBody");
            if (body == null || !body.containsKey("content") || body.getJsonObject("content").isEmpty()) {
                return null;
            }
            return body.getJsonObject("content").keySet().iterator().next();
        }

        JsonObject bodySchema() {
            String type = bodyType();
            if (type == null) {
                return null;
            }
            JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content").getJsonObject(type);
            return content.containsKey("schema") ? resolve(content.getJsonObject("schema"), schemas) : null;
        }

        /**
         * The caller the corpus sends as: none for signing out (it would end the corpus's own session),
         * the tenant administrator, or the platform administrator where the tenant's is forbidden.
         */
        String token() throws Exception {
            if (token == null) {
                if (path.endsWith("/auth/logout")) {
                    token = "";
                } else {
                    // ids that name nothing: the role check answers, nothing is changed
                    Map<String, String> nothing = new LinkedHashMap<>();
                    PATH_PARAMETER.matcher(path).results().forEach(r -> nothing.put(r.group(1), "does-not-exist"));
                    HttpResponse<String> probe = exchange(method, resolved(nothing), tenantToken,
                            bodyType() == null ? List.of() : List.of(bodyType()), bodyType() == null ? null : new byte[] {'{'});
                    token = probe.statusCode() == 403 ? adminToken : tenantToken;
                }
            }
            return token.isEmpty() ? null : token;
        }

        /** The path with the corpus's ids, or {@code overrides} for named parameters. */
        String resolved(Map<String, String> overrides) {
            Matcher m = PATH_PARAMETER.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = overrides.containsKey(name) ? overrides.get(name) : switch (name) {
                    case "formKey" -> formKey;
                    case "pluginId" -> "scoring-bant";
                    case "extensionId" -> "bant";
                    case "version" -> "1";
                    default -> path.startsWith("/api/v1/webforms") ? formId : leadId;
                };
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
