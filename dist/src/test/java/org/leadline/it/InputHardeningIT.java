package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The input an attacker tried and the server took badly: each case answers a 4xx problem that
 * names what is wrong, stores nothing, and leaves the server's log short.
 */
class InputHardeningIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static LeadlineServer server;
    static Fixtures.TenantAdmin tenant;
    static Api api;
    static String formId;
    static String formKey;

    @BeforeAll
    static void tenantWithAForm() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        api = tenant.api();
        Api.Response form = api.post("/api/v1/webforms", form("Contact", "website_url", "last_name"));
        assertEquals(201, form.status(), form::toString);
        formId = form.json().getString("id");
        formKey = form.json().getString("formKey");
    }

    static JsonObject form(String name, String honeypot, String fieldName) {
        var b = Json.createObjectBuilder().add("name", name).add("minFillSeconds", 0)
                .add("fields", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", fieldName).add("leadField", "lastName").add("required", true)));
        if (honeypot != null) {
            b.add("honeypotField", honeypot);
        }
        return b.build();
    }

    static HttpResponse<String> raw(String method, String path, String token, List<String> contentTypes, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        contentTypes.forEach(t -> b.header("Content-Type", t));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a problem of {@code status} and {@code type} and returns its body. */
    static JsonObject problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), () -> r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> r.headers().map() + " " + r.body());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject body = reader.readObject();
            assertEquals(type, body.getString("type"), r::body);
            assertEquals(status, body.getInt("status"));
            return body;
        }
    }

    static int leadCount() {
        Api.Response r = api.get("/api/v1/leads?limit=200");
        assertEquals(200, r.status(), r::toString);
        return r.items().size();
    }

    // ---- 5xx from input -------------------------------------------------------------------------

    @Test
    void jsonNested10000DeepToAPublicFormIsRefusedNamingTheLimitWithoutFillingTheLog() throws Exception {
        int logBefore = server.log().split("\n").length;
        byte[] deep = ("{\"last_name\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            JsonObject p = problem(raw("POST", "/api/v1/public/forms/" + formKey, null, List.of("application/json"), deep),
                    400, "/problems/malformed-json");
            assertTrue(p.getString("detail").contains("64 levels"), p::toString);
            assertEquals(64, p.getInt("limit"));
        }
        problem(raw("POST", "/api/v1/leads", api.token(), List.of("application/json"), deep), 400, "/problems/malformed-json");
        int written = server.log().split("\n").length - logBefore;
        assertTrue(written <= 4, "four refused requests wrote " + written + " log lines");
    }

    @Test
    void aChecklistTickWithAnEmptyOrBlankItemIsAValidationProblem() {
        String lead = api.post("/api/v1/leads", Fixtures.tradeFairLead(LeadlineServer.unique("Checklist"))).json()
                .getString("id");
        for (String item : new String[] {"", " ", "\t"}) {
            Api.Response r = api.lenient().send("POST", "/api/v1/leads/" + lead + "/process/checklist",
                    Json.createObjectBuilder().add("stage", "qualify").add("item", item).add("done", true).build().toString(),
                    "application/json", Map.of());
            assertEquals(400, r.status(), r::toString);
            assertNotNull(r.fieldError("item"), r::toString);
        }
    }

    @Test
    void webFormsWithAHoneypotAndAFieldNameThatIsNoNameAreValidationProblems() {
        Api.Response created = api.post("/api/v1/webforms", form("Odd names", "hp", "last_name"));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        for (String name : new String[] {"1", "", " ", "a\u0000b", "a\ud800"}) {
            Api.Response post = api.lenient().send("POST", "/api/v1/webforms", form("Odd " + name.length(), "hp", name).toString(),
                    "application/json", Map.of());
            assertEquals(400, post.status(), post::toString);
            assertNotNull(post.fieldError("fields[0].name"), post::toString);
            Api.Response put = api.lenient().send("PUT", "/api/v1/webforms/" + id, form("Odd names", "hp", name).toString(),
                    "application/json", Map.of("If-Match", created.etag()));
            assertEquals(400, put.status(), put::toString);
        }
        Api.Response number = api.lenient().send("POST", "/api/v1/webforms",
                "{\"name\":\"Number\",\"honeypotField\":\"hp\",\"fields\":[{\"name\":1,\"leadField\":\"lastName\",\"required\":true}]}",
                "application/json", Map.of());
        assertEquals(400, number.status(), number::toString);
        assertEquals("must be a string", number.fieldError("fields[0].name"));
    }

    // ---- input wrongly accepted -----------------------------------------------------------------

    @Test
    void invalidUtf8IsRefusedInsteadOfStoredAsReplacementCharacters() throws Exception {
        int before = leadCount();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes("{\"person\":{\"lastName\":\"M".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28}); // no UTF-8 text has these
        body.writeBytes("\"},\"origin\":{\"source\":\"WEB\"}}".getBytes(StandardCharsets.US_ASCII));
        JsonObject p = problem(raw("POST", "/api/v1/leads", api.token(), List.of("application/json"), body.toByteArray()),
                400, "/problems/malformed-json");
        assertTrue(p.getString("detail").contains("not valid UTF-8"), p::toString);
        assertEquals(before, leadCount());
    }

    @Test
    void textAfterTheJsonDocumentIsRefused() throws Exception {
        int before = leadCount();
        String lead = Fixtures.tradeFairLead(LeadlineServer.unique("Trailing")).toString();
        JsonObject p = problem(raw("POST", "/api/v1/leads", api.token(), List.of("application/json"),
                (lead + " {\"x\":1}").getBytes(StandardCharsets.UTF_8)), 400, "/problems/malformed-json");
        assertTrue(p.getString("detail").contains("text follows the JSON document"), p::toString);
        assertEquals(before, leadCount());
        assertEquals(201, raw("POST", "/api/v1/leads", api.token(), List.of("application/json"),
                (lead + " \r\n\t ").getBytes(StandardCharsets.UTF_8)).statusCode(), "white space after it is fine");
    }

    @Test
    void lineBreaksAndControlCharactersInOneLineFieldsAreRefusedNamingTheField() {
        int before = leadCount();
        JsonObject lead = Fixtures.tradeFairLead(LeadlineServer.unique("Lines"));
        JsonObject bad = Json.createObjectBuilder(lead).add("topic", "Offer\r\nBcc: someone@example.com")
                .add("person", Json.createObjectBuilder(lead.getJsonObject("person")).add("jobTitle", "Head\tof Sales"))
                .build();
        Api.Response r = api.lenient().send("POST", "/api/v1/leads", bad.toString(), "application/json", Map.of());
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.fieldError("topic").contains("one line"), r::toString);
        assertTrue(r.fieldError("person.jobTitle").contains("one line"), r::toString);
        assertEquals(before, leadCount());
        // a description is text of several lines
        Api.Response ok = api.post("/api/v1/leads", Json.createObjectBuilder(lead)
                .add("description", "First line\r\nSecond line").build());
        assertEquals(201, ok.status(), ok::toString);
    }

    @Test
    void ruleSetsRefuseServerOwnedMembersThatDifferAndThresholdsOutOfRange() {
        Api.Response current = api.get("/api/v1/qualification/rules");
        String rules = "\"rules\":[{\"id\":\"big\",\"points\":-5}]";
        for (String body : new String[] {
                "{\"version\":99," + "\"thresholds\":{\"hot\":60,\"warm\":30}," + rules + "}",
                "{\"createdAt\":\"2020-01-01T00:00:00Z\",\"thresholds\":{\"hot\":60,\"warm\":30}," + rules + "}"}) {
            Api.Response r = api.lenient().send("PUT", "/api/v1/qualification/rules", body, "application/json", Map.of());
            assertEquals(400, r.status(), r::toString);
            assertTrue(r.json().getJsonArray("errors").toString().contains("is set by the server"), r::toString);
        }
        for (String thresholds : new String[] {"{\"hot\":60,\"warm\":-1}", "{\"hot\":0,\"warm\":0}", "{\"hot\":1e400,\"warm\":3}",
                "{\"hot\":60,\"warm\":1e400}"}) {
            Api.Response r = api.lenient().send("PUT", "/api/v1/qualification/rules",
                    "{\"thresholds\":" + thresholds + "," + rules + "}", "application/json", Map.of());
            assertEquals(400, r.status(), r::toString);
            assertTrue(r.body().contains("thresholds."), r::toString);
        }
        assertEquals(current.json().getInt("version"), api.get("/api/v1/qualification/rules").json().getInt("version"),
                "nothing was saved");
        // what was read may be sent back as it was: the version and times of the current rules
        Api.Response resent = api.lenient().send("PUT", "/api/v1/qualification/rules", current.body(), "application/json", Map.of());
        assertEquals(201, resent.status(), resent::toString);
    }

    @Test
    void pluginSettingsOutOfRangeOrMalformedAreRefusedNamingTheSetting() {
        String bant = "/api/v1/extensions/scoring-bant/bant/settings";
        Map<String, String> cases = Map.of(
                "{\"minimumBudget\":1e400}", "settings.minimumBudget",
                "{\"minimumBudget\":-5}", "settings.minimumBudget",
                "{\"currency\":\"NOT_A_VALUE\"}", "settings.currency",
                "{\"pointsPerCriterion\":-5}", "settings.pointsPerCriterion",
                "{\"pointsPerCriterion\":1e400}", "settings.pointsPerCriterion");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Api.Response r = api.lenient().send("PUT", bant, c.getKey(), "application/json", Map.of());
            assertEquals(400, r.status(), () -> c.getKey() + ": " + r);
            assertNotNull(r.fieldError(c.getValue()), () -> c.getKey() + ": " + r);
        }
        Api.Response mail = api.lenient().send("PUT", "/api/v1/extensions/source-email/email/settings",
                "{\"maxParts\":-5,\"imapPort\":70000,\"imapHost\":\"mail.example.com\\r\\nX\"}", "application/json", Map.of());
        assertEquals(400, mail.status(), mail::toString);
        assertEquals("must be between 1 and 10000", mail.fieldError("settings.maxParts"));
        assertEquals("must be between 1 and 65535", mail.fieldError("settings.imapPort"));
        assertNotNull(mail.fieldError("settings.imapHost"), mail::toString);
        Api.Response fine = api.lenient().send("PUT", bant, "{\"minimumBudget\":25000.50,\"currency\":\"USD\"}",
                "application/json", Map.of());
        assertEquals(200, fine.status(), fine::toString);
    }

    @Test
    void malformedCursorsOfUsersTokensAndTenantsAreBadParameters() {
        Api admin = Fixtures.platformAdmin(server);
        for (String list : new String[] {"/api/v1/users", "/api/v1/api-tokens"}) {
            for (String cursor : new String[] {"zzz", "%27%20OR%201%3D1", "x".repeat(300)}) {
                Api.Response r = api.lenient().get(list + "?cursor=" + cursor);
                assertEquals(400, r.status(), r::toString);
                assertEquals("/problems/bad-parameter", r.problemType());
                assertNotNull(r.fieldError("cursor"), r::toString);
            }
        }
        Api.Response tenants = admin.lenient().get("/api/v1/tenants?cursor=zzz");
        assertEquals(400, tenants.status(), tenants::toString);
        assertNotNull(tenants.fieldError("cursor"), tenants::toString);
    }

    @Test
    void aNulInAQueryParameterIsABadParameterNotADatabaseFailure() {
        String lead = api.post("/api/v1/leads", Fixtures.tradeFairLead(LeadlineServer.unique("Nul"))).json().getString("id");
        for (String query : new String[] {"/api/v1/leads/" + lead + "/audit?field=%00", "/api/v1/leads?q=a%00b",
                "/api/v1/leads/" + lead + "/timeline?employeeId=%ED%A0%80"}) {
            Api.Response r = api.lenient().get(query);
            assertEquals(400, r.status(), () -> query + ": " + r);
            assertEquals("/problems/bad-parameter", r.problemType(), r::toString);
        }
    }

    // ---- problem+json from every layer ----------------------------------------------------------

    @Test
    void unreadableContentTypesAreProblemsNamingTheHeaderAlsoAnonymously() throws Exception {
        String[] paths = {"/api/v1/auth/login", "/api/v1/public/forms/" + formKey, "/api/v1/leads"};
        for (String path : paths) {
            String token = path.equals("/api/v1/leads") ? api.token() : null;
            for (String type : new String[] {"garbage", "text/", "application/json; charset=", "application/json; charset=nope"}) {
                JsonObject p = problem(raw("POST", path, token, List.of(type), "{}".getBytes(StandardCharsets.UTF_8)),
                        400, "/problems/bad-parameter");
                assertEquals("Content-Type", p.getJsonArray("errors").getJsonObject(0).getString("field"), p::toString);
            }
            JsonObject two = problem(raw("POST", path, token, List.of("application/json", "text/plain"),
                    "{}".getBytes(StandardCharsets.UTF_8)), 400, "/problems/bad-parameter");
            assertTrue(two.getString("detail").contains("one Content-Type"), two::toString);
        }
    }

    @Test
    void whatTheContainerAnswersItselfIsAProblemToo() throws Exception {
        problem(raw("GET", "/api/v1/..%2F..%2Fetc", api.token(), List.of(), null), 404, "/problems/not-found");
        problem(raw("GET", "/no/such/page", null, List.of(), null), 404, "/problems/not-found");
        // "/" is the browser UI; a file it does not have is a problem like any other missing page
        problem(raw("GET", "/app/no-such-module.js", null, List.of(), null), 404, "/problems/not-found");
        HttpResponse<String> trace = raw("TRACE", "/health", null, List.of(), null);
        problem(trace, 405, "/problems/method-not-allowed");
        assertFalse(trace.body().contains("TRACE /health"), "the request is not echoed");
        problem(raw("TRACE", "/api/v1/leads", api.token(), List.of(), null), 405, "/problems/method-not-allowed");
        problem(raw("PATCH", "/api-docs/index.html", null, List.of("application/json"), "{}".getBytes(StandardCharsets.UTF_8)),
                405, "/problems/method-not-allowed");
        // a DELETE with a body reaches the application instead of the listener's empty 400
        problem(raw("DELETE", "/api/v1/leads/does-not-exist", api.token(), List.of("application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)), 404, "/problems/not-found");
    }

    // ---- exposure -------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoVersionBanner() throws Exception {
        String lead = api.post("/api/v1/leads", Fixtures.tradeFairLead(LeadlineServer.unique("Headers"))).json().getString("id");
        for (String path : new String[] {"/api/v1/leads", "/api/v1/leads/" + lead, "/api/v1/users", "/api/v1/api-tokens",
                "/api/v1/auth/me", "/api/v1/leads/export", "/api/v1/webforms/" + formId}) {
            HttpResponse<String> r = raw("GET", path, api.token(), List.of(), null);
            assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), path);
            assertNull(r.headers().firstValue("Server").orElse(null), path);
            assertNull(r.headers().firstValue("X-Powered-By").orElse(null), path);
        }
        for (String path : new String[] {"/api/v1/leads", "/health/ready", "/openapi", "/api-docs/", "/", "/metrics"}) {
            HttpResponse<String> r = raw("GET", path, null, List.of(), null);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertNull(r.headers().firstValue("Server").orElse(null), path);
            String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
            if (!path.startsWith("/api/") && !path.equals("/metrics")) {
                assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
                assertFalse(policy.matches(".*script-src[^;]*'unsafe-inline'.*"), path + ": " + policy);
            }
        }
        String page = raw("GET", "/", null, List.of(), null).headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(page.contains("script-src 'self'") && page.contains("object-src 'none'"), page);
    }
}
