package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad request gets a 4xx RFC 9457 problem that names what is wrong, never a 500,
 * and leaves the stored leads exactly as they were.
 */
class ErrorHandlingIT {

    private static final String LEADS = "/api/v1/leads";
    private static final String JSON = "application/json";

    static LeadlineServer server;
    static Api api;
    /** A lead that refused writes must leave untouched. */
    static String existingId;
    static String existingEtag;
    static JsonObject existing;

    int countBefore;

    @BeforeAll
    static void tenant() {
        server = LeadlineServer.shared();
        api = Fixtures.newTenant(server).api();
        Api.Response r = api.post(LEADS, Fixtures.tradeFairLead("Bestand"));
        assertEquals(201, r.status(), r::toString);
        existingId = r.json().getString("id");
        existingEtag = r.etag();
        existing = api.get(LEADS + "/" + existingId).json();
    }

    @BeforeEach
    void rememberCount() {
        countBefore = count();
    }

    /** Nothing a refused request sent was stored, and the existing lead is unchanged. */
    @AfterEach
    void nothingHalfWritten() {
        assertEquals(countBefore, count(), "a refused write must not add or remove leads");
        Api.Response r = api.get(LEADS + "/" + existingId);
        assertEquals(200, r.status());
        assertEquals(existing, r.json());
        assertEquals(existingEtag, r.etag());
    }

    static int count() {
        Api.Response r = api.get(LEADS + "?limit=200");
        assertEquals(200, r.status(), r::toString);
        return r.items().size();
    }

    /** Asserts an RFC 9457 problem of the given status and type, and returns it. */
    static Api.Response problem(Api.Response r, int status, String type) {
        assertEquals(status, r.status(), r::toString);
        assertProblemShape(r);
        assertEquals(type, r.problemType(), r::toString);
        assertEquals(status, r.json().getInt("status"));
        return r;
    }

    static void assertProblemShape(Api.Response r) {
        assertTrue(r.status() >= 400 && r.status() < 500, r::toString);
        assertTrue(r.header("content-type") != null && r.header("content-type").startsWith("application/problem+json"),
                () -> "content type of " + r + ": " + r.headers());
        JsonObject body = r.json();
        assertTrue(body.getString("type").startsWith("/problems/"), body::toString);
        assertNotNull(body.getString("title"));
    }

    static Api.Response postRaw(String body) {
        return api.send("POST", LEADS, body, JSON, Map.of());
    }

    static Api.Response validation(JsonObject lead) {
        return problem(api.post(LEADS, lead), 400, "/problems/validation");
    }

    /** The trade-fair lead with one nested field replaced. */
    static JsonObject leadWith(String object, String field, JsonValue value) {
        JsonObject lead = Fixtures.tradeFairLead("Fehler");
        JsonObjectBuilder inner = Json.createObjectBuilder(lead.getJsonObject(object)).add(field, value);
        return Json.createObjectBuilder(lead).add(object, inner).build();
    }

    // ---- body syntax ---------------------------------------------------------------------------

    @Test
    void malformedJsonNamesWhereItBroke() {
        Api.Response r = problem(postRaw("{\"person\": {\"lastName\": \"X\",}"), 400, "/problems/malformed-json");
        assertTrue(r.json().getString("detail").contains("line 1"), r::toString);
        problem(postRaw("{\"person\": "), 400, "/problems/malformed-json");
        problem(postRaw("not json at all"), 400, "/problems/malformed-json");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        Api.Response r = problem(postRaw("[" + Fixtures.tradeFairLead("Array") + "]"), 400, "/problems/malformed-json");
        assertTrue(r.json().getString("detail").contains("object"), r::toString);
        problem(postRaw("\"text\""), 400, "/problems/malformed-json");
        problem(postRaw("42"), 400, "/problems/malformed-json");
        problem(postRaw("null"), 400, "/problems/malformed-json");
    }

    @Test
    void anEmptyBodyIsRefused() {
        problem(postRaw(""), 400, "/problems/malformed-json");
        problem(api.send("PUT", LEADS + "/" + existingId, "", JSON, Map.of("If-Match", existingEtag)), 400,
                "/problems/malformed-json");
        problem(api.send("PATCH", LEADS + "/" + existingId, "", "application/merge-patch+json",
                Map.of("If-Match", existingEtag)), 400, "/problems/malformed-json");
    }

    @Test
    void duplicateKeysAreRefused() {
        String body = "{\"person\":{\"lastName\":\"A\",\"lastName\":\"B\"},\"origin\":{\"source\":\"WEB\"}}";
        Api.Response r = problem(postRaw(body), 400, "/problems/malformed-json");
        assertTrue(r.json().getString("detail").contains("lastName"), r::toString);
    }

    // ---- fields --------------------------------------------------------------------------------

    @Test
    void unknownFieldsAreNamed() {
        JsonObject lead = Json.createObjectBuilder(Fixtures.tradeFairLead("Fehler")).add("favouriteColour", "blue").build();
        Api.Response r = validation(lead);
        assertEquals("is not a known field", r.fieldError("favouriteColour"));
        Api.Response nested = validation(leadWith("person", "shoeSize", Json.createValue(44)));
        assertEquals("is not a known field", nested.fieldError("person.shoeSize"));
        Api.Response patch = problem(api.patch(LEADS + "/" + existingId,
                Json.createObjectBuilder().add("company", Json.createObjectBuilder().add("ceo", "X")).build(),
                Map.of("If-Match", existingEtag)), 400, "/problems/validation");
        assertEquals("is not a known field", patch.fieldError("company.ceo"));
    }

    @Test
    void fieldsTheServerOwnsCannotBeSetToNewValues() {
        for (var field : Map.of("id", Json.createValue("01890000-0000-7000-8000-000000000000"),
                "status", Json.createValue("QUALIFIED"), "rating", Json.createValue("HOT"), "score", Json.createValue(99),
                "stage", Json.createValue("Close"), "createdAt", Json.createValue("2020-01-01T00:00:00Z"),
                "createdBy", Json.createValue("someone"), "version", Json.createValue(7)).entrySet()) {
            JsonObject lead = Json.createObjectBuilder(Fixtures.tradeFairLead("Fehler")).add(field.getKey(), field.getValue()).build();
            Api.Response r = validation(lead);
            assertEquals("is set by the server and cannot be written", r.fieldError(field.getKey()), r::toString);

            Api.Response put = problem(api.put(LEADS + "/" + existingId,
                    Json.createObjectBuilder(existing).add(field.getKey(), field.getValue()).build(),
                    Map.of("If-Match", existingEtag)), 400, "/problems/validation");
            assertNotNull(put.fieldError(field.getKey()), put::toString);

            Api.Response patch = problem(api.patch(LEADS + "/" + existingId,
                    Json.createObjectBuilder().add(field.getKey(), field.getValue()).add("topic", "sneaky").build(),
                    Map.of("If-Match", existingEtag)), 400, "/problems/validation");
            assertNotNull(patch.fieldError(field.getKey()), patch::toString);
        }
        // what other features show on a lead is the server's too: a new lead cannot bring its own rating
        JsonObject rated = Json.createObjectBuilder(Fixtures.tradeFairLead("Fehler"))
                .add("scoring", Json.createObjectBuilder().add("rating", "HOT").add("score", 100)).build();
        assertEquals("is set by the server and cannot be written", validation(rated).fieldError("scoring"));
    }

    @Test
    void countryAndCurrencyCodesAreTakenInAnyCaseAndMustExist() {
        JsonObject lower = Json.createObjectBuilder(Fixtures.tradeFairLead("Codes"))
                .add("company", Json.createObjectBuilder().add("name", "Codes GmbH")
                        .add("annualRevenue", Json.createObjectBuilder().add("amount", 5).add("currency", "eur"))
                        .add("address", Json.createObjectBuilder().add("country", "de"))).build();
        Api.Response created = Fixtures.newTenant(server).api().post(LEADS, lower); // this tenant's count stays
        assertEquals(201, created.status(), created::toString);
        assertEquals("EUR", created.json().getJsonObject("company").getJsonObject("annualRevenue").getString("currency"));
        assertEquals("DE", created.json().getJsonObject("company").getJsonObject("address").getString("country"));

        JsonObject unknown = Json.createObjectBuilder(Fixtures.tradeFairLead("Codes"))
                .add("company", Json.createObjectBuilder()
                        .add("annualRevenue", Json.createObjectBuilder().add("amount", 5).add("currency", "XYZ"))
                        .add("address", Json.createObjectBuilder().add("country", "QQ"))).add("topic", "x".repeat(201)).build();
        Api.Response refused = validation(unknown);
        assertEquals("is not an ISO 4217 currency code", refused.fieldError("company.annualRevenue.currency"));
        assertEquals("is not an ISO 3166 country code", refused.fieldError("company.address.country"));
        assertEquals("must be at most 200 characters", refused.fieldError("topic"), "every error at once");
    }

    @Test
    void wrongTypesAreNamedWithTheExpectedType() {
        assertEquals("must be a whole number",
                validation(leadWith("company", "employees", Json.createValue("many"))).fieldError("company.employees"));
        assertEquals("must be a whole number",
                validation(leadWith("company", "employees", Json.createValue(2.5))).fieldError("company.employees"));
        assertEquals("is out of range",
                validation(leadWith("company", "employees", Json.createValue(99999999999L))).fieldError("company.employees"));
        assertEquals("must be a string",
                validation(leadWith("person", "email", Json.createValue(42))).fieldError("person.email"));
        assertEquals("must be true or false",
                validation(leadWith("qualification", "decisionMaker", Json.createValue("yes"))).fieldError("qualification.decisionMaker"));
        assertEquals("must be an object",
                validation(Json.createObjectBuilder(Fixtures.tradeFairLead("X")).add("person", "Anna").build()).fieldError("person"));
        String reason = validation(leadWith("origin", "source", Json.createValue("CARRIER_PIGEON"))).fieldError("origin.source");
        for (String allowed : List.of("WEB", "HOMEPAGE", "TRADE_FAIR", "CAMPAIGN", "EMAIL", "PHONE", "REFERRAL", "PARTNER",
                "SOCIAL", "IMPORT", "OTHER")) {
            assertTrue(reason.contains(allowed), reason);
        }
        assertTrue(validation(leadWith("person", "preferredContactMethod", Json.createValue("FAX")))
                .fieldError("person.preferredContactMethod").startsWith("must be one of"));
    }

    @Test
    void severalErrorsAreReportedTogether() {
        JsonObject lead = Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("email", "no-at-sign"))
                .add("company", Json.createObjectBuilder().add("employees", "x"))
                .add("bogus", 1)
                .build();
        Api.Response r = validation(lead);
        assertEquals("is required", r.fieldError("person.lastName"));
        assertEquals("is required", r.fieldError("origin"));
        assertNotNull(r.fieldError("person.email"));
        assertNotNull(r.fieldError("company.employees"));
        assertNotNull(r.fieldError("bogus"));
    }

    @Test
    void aBodyReadIntoItsRecordListsEveryErrorAtOnce() {
        JsonObject user = Json.createObjectBuilder()
                .add("username", "-x")
                .add("displayName", 5)
                .add("email", "no-at-sign")
                .add("roles", Json.createArrayBuilder())
                .add("id", "0190a1b2-0000-7000-8000-000000000001")
                .add("colour", "red")
                .build();
        Api.Response r = problem(api.post("/api/v1/users", user), 400, "/problems/validation");
        assertTrue(r.fieldError("username").startsWith("must be 3 to 100 characters"), r::toString);
        assertEquals("must be a string", r.fieldError("displayName"), r::toString);
        assertEquals("must be a valid e-mail address", r.fieldError("email"), r::toString);
        assertEquals("must be a non-empty list of [TENANT_ADMIN, SALES]", r.fieldError("roles"), r::toString);
        assertEquals("is not a known field", r.fieldError("colour"), r::toString);
        assertEquals("is not a known field", r.fieldError("id"), r::toString);
        assertEquals(6, r.json().getJsonArray("errors").size(), r::toString);

        Api.Response tick = problem(api.post(LEADS + "/" + existingId + "/process/checklist",
                Json.createObjectBuilder().add("item", "x".repeat(501)).add("done", "yes").build()), 400,
                "/problems/validation");
        assertEquals("is required", tick.fieldError("stage"), tick::toString);
        assertEquals("must be true or false", tick.fieldError("done"), tick::toString);
        assertTrue(tick.fieldError("item").startsWith("must be at most"), tick::toString);
    }

    @Test
    void aBodyLeftOutWhereOneIsNeededIsRefusedLikeAnEmptyOne() {
        problem(api.send("PUT", "/api/v1/processes/current", null, null, Map.of()), 400, "/problems/malformed-json");
        problem(api.send("POST", LEADS + "/" + existingId + "/process/stage", null, null, Map.of()), 400,
                "/problems/malformed-json");
    }

    @Test
    void tooLongValuesAreRefused() {
        Api.Response r = validation(leadWith("person", "lastName", Json.createValue("x".repeat(101))));
        assertTrue(r.fieldError("person.lastName").contains("100"), r::toString);
        assertEquals(201, api.post(LEADS, leadWith("person", "lastName", Json.createValue("ß".repeat(100)))).status(),
                "exactly 100 characters are fine, even ones that fold to two letters");
        countBefore++;
        validation(leadWith("company", "name", Json.createValue("x".repeat(201))));
        validation(Json.createObjectBuilder(Fixtures.tradeFairLead("X")).add("description", "x".repeat(4001)).build());
        problem(api.patch(LEADS + "/" + existingId, Json.createObjectBuilder().add("topic", "x".repeat(201)).build(),
                Map.of("If-Match", existingEtag)), 400, "/problems/validation");
    }

    @Test
    void badEmailCurrencyCountryAndPhoneAreRefused() {
        assertEquals("must be a valid e-mail address",
                validation(leadWith("person", "email", Json.createValue("anna@"))).fieldError("person.email"));
        JsonObject badCurrency = leadWith("qualification", "budget",
                Json.createObjectBuilder().add("amount", 10).add("currency", "XYZ").build());
        assertNotNull(validation(badCurrency).fieldError("qualification.budget.currency"));
        JsonObject euro = leadWith("qualification", "budget",
                Json.createObjectBuilder().add("amount", 10).add("currency", "Euro").build());
        assertNotNull(validation(euro).fieldError("qualification.budget.currency"));
        JsonObject address = Json.createObjectBuilder().add("city", "Berlin").add("country", "QQ").build();
        assertNotNull(validation(leadWith("company", "address", address)).fieldError("company.address.country"));
        JsonObject germany = Json.createObjectBuilder().add("city", "Berlin").add("country", "Germany").build();
        assertNotNull(validation(leadWith("company", "address", germany)).fieldError("company.address.country"));
        assertNotNull(validation(leadWith("person", "businessPhone", Json.createValue("call me"))).fieldError("person.businessPhone"));
        assertNotNull(validation(leadWith("company", "website", Json.createValue("not a url"))).fieldError("company.website"));
    }

    @Test
    void negativeAndOverPreciseAmountsAreRefused() {
        JsonObject negative = leadWith("qualification", "budget",
                Json.createObjectBuilder().add("amount", -1).add("currency", "EUR").build());
        assertEquals("must not be negative", validation(negative).fieldError("qualification.budget.amount"));
        JsonObject fractions = leadWith("company", "annualRevenue",
                Json.createObjectBuilder().add("amount", new java.math.BigDecimal("1.001")).add("currency", "EUR").build());
        assertNotNull(validation(fractions).fieldError("company.annualRevenue.amount"));
        JsonObject huge = leadWith("company", "annualRevenue",
                Json.createObjectBuilder().add("amount", new java.math.BigDecimal("1e30")).add("currency", "EUR").build());
        assertNotNull(validation(huge).fieldError("company.annualRevenue.amount"));
        JsonObject noCurrency = leadWith("company", "annualRevenue", Json.createObjectBuilder().add("amount", 5).build());
        assertEquals("is required", validation(noCurrency).fieldError("company.annualRevenue.currency"));
        assertNotNull(validation(leadWith("company", "employees", Json.createValue(-5))).fieldError("company.employees"));
    }

    // ---- transport -----------------------------------------------------------------------------

    static String oversized() {
        String filler = "x".repeat(300 * 1024);
        return Json.createObjectBuilder(Fixtures.tradeFairLead("Gross")).add("description", filler).build().toString();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        problem(postRaw(oversized()), 413, "/problems/body-too-large");
        problem(api.send("PUT", LEADS + "/" + existingId, oversized(), JSON, Map.of("If-Match", existingEtag)), 413,
                "/problems/body-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        Api.Response r = api.sendChunked("POST", LEADS, oversized().getBytes(StandardCharsets.UTF_8), JSON);
        problem(r, 413, "/problems/body-too-large");
        Api.Response small = api.sendChunked("POST", LEADS,
                Fixtures.tradeFairLead("Chunked").toString().getBytes(StandardCharsets.UTF_8), JSON);
        assertEquals(201, small.status(), "a chunked body under the limit is fine: " + small);
        countBefore++;
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        problem(api.send("POST", LEADS, Fixtures.tradeFairLead("Text").toString(), "text/plain", Map.of()), 415,
                "/problems/unsupported-media-type");
        problem(api.send("POST", LEADS, "person=x", "application/x-www-form-urlencoded", Map.of()), 415,
                "/problems/unsupported-media-type");
        problem(api.send("PATCH", LEADS + "/" + existingId, "{}", "application/xml", Map.of("If-Match", existingEtag)),
                415, "/problems/unsupported-media-type");
    }

    @Test
    void aWrongMethodIsRefusedWith405() {
        Api.Response r = problem(api.send("PUT", LEADS, "{}", JSON, Map.of()), 405, "/problems/method-not-allowed");
        assertNotNull(r.header("allow"), r.headers()::toString);
        assertTrue(r.header("allow").contains("GET") && r.header("allow").contains("POST"), r.header("allow"));
        problem(api.send("POST", LEADS + "/" + existingId, "{}", JSON, Map.of()), 405, "/problems/method-not-allowed");
        problem(api.send("DELETE", LEADS, null, null, Map.of()), 405, "/problems/method-not-allowed");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        problem(api.get("/api/v1/nothing-here"), 404, "/problems/not-found");
        problem(api.get("/api/v1/leads/" + existingId + "/sub"), 404, "/problems/not-found");
    }

    @Test
    void malformedAndUnknownLeadIdsAreNotFound() {
        String unknown = "01890000-0000-7000-8000-000000000000";
        for (String id : List.of("not-a-uuid", unknown, "'%20OR%201=1", "x".repeat(300), existingId.toUpperCase())) {
            String path = LEADS + "/" + id;
            problem(api.get(path), 404, "/problems/not-found");
            problem(api.put(path, Fixtures.tradeFairLead("X"), Map.of("If-Match", "*")), 404, "/problems/not-found");
            problem(api.patch(path, Json.createObjectBuilder().add("topic", "x").build(), Map.of("If-Match", "*")), 404,
                    "/problems/not-found");
            problem(api.delete(path, Map.of("If-Match", "*")), 404, "/problems/not-found");
        }
    }

    @Test
    void badQueryParametersAreProblemsNotFailures() {
        for (String query : List.of("status=%25", "sort=%2B", "q=%00", "q=a%40b%00c", "q=%ED%A0%80",
                "ownerId=abc", "ownerId=%00", "source=%00", "q=" + "x".repeat(300), "q=a%20b%20c%20d%20e%20f",
                "createdFrom=2026-13-45", "limit=99999999999999999999", "cursor=%00")) {
            Api.Response r = api.get(LEADS + "?" + query);
            assertTrue(r.status() == 200 || r.status() == 400, query + ": " + r);
            if (r.status() == 400) {
                assertProblemShape(r);
            }
        }
        problem(api.get(LEADS + "?q=a%20b%20c%20d%20e%20f"), 400, "/problems/bad-parameter");
        assertNotNull(problem(api.get(LEADS + "?ownerId=%00"), 400, "/problems/bad-parameter").fieldError("ownerId"));
        String forged = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"s\":\"-createdAt\",\"k\":\"2026-01-01T00:00:00Z\",\"i\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8));
        assertNotNull(problem(api.get(LEADS + "?cursor=" + forged), 400, "/problems/bad-parameter").fieldError("cursor"));
        String forgedKey = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"s\":\"lastName\",\"k\":\"a\\u0000\",\"i\":\"01890000-0000-7000-8000-000000000000\"}".getBytes(StandardCharsets.UTF_8));
        problem(api.get(LEADS + "?sort=lastName&cursor=" + forgedKey), 400, "/problems/bad-parameter");
    }

    @Test
    void textThatNoDatabaseCanStoreFaithfullyIsRefused() {
        assertEquals("must be valid Unicode text without NUL characters",
                validation(Json.createObjectBuilder(Fixtures.tradeFairLead("X")).add("topic", "A\u0000B").build()).fieldError("topic"));
        Api.Response surrogate = problem(postRaw("{\"person\":{\"lastName\":\"A\\ud800B\"},\"origin\":{\"source\":\"WEB\"}}"),
                400, "/problems/validation");
        assertNotNull(surrogate.fieldError("person.lastName"), surrogate::toString);
        problem(postRaw("{\"person\":{\"lastName\":\"\\udc00\"},\"origin\":{\"source\":\"WEB\"}}"), 400, "/problems/validation");
        Api.Response emoji = postRaw("{\"person\":{\"lastName\":\"Smile \\ud83d\\ude00\"},\"origin\":{\"source\":\"WEB\"}}");
        assertEquals(201, emoji.status(), "a proper pair is fine: " + emoji);
        countBefore++;
        assertEquals("Smile \ud83d\ude00", emoji.json().getJsonObject("person").getString("lastName"));
        Api.Response login = server.api().post("/api/v1/auth/login", Json.createObjectBuilder()
                .add("username", "admin\u0000").add("password", "x").build());
        assertEquals(400, login.status(), login::toString);
    }

    @Test
    void noErrorEverAnswers500() {
        List<Supplier<Api.Response>> attempts = List.of(
                () -> postRaw("{\"person\":{\"lastName\":\"\\ud800\"},\"origin\":{\"source\":\"WEB\"}}"),
                () -> postRaw("{\"person\":{\"lastName\":\"X\"},\"origin\":{\"source\":\"WEB\"},\"company\":{\"employees\":1e400}}"),
                () -> postRaw("{\"person\":{\"lastName\":\"X\"},\"origin\":{\"source\":\"WEB\"},\"company\":{\"annualRevenue\":{\"amount\":\"abc\",\"currency\":\"EUR\"}}}"),
                () -> postRaw("{\"person\":{\"lastName\":\"X\"},\"origin\":{\"source\":null}}"),
                () -> postRaw("{\"person\":null,\"origin\":{\"source\":\"WEB\"}}"),
                () -> postRaw("{\"person\":{\"lastName\":\"   \"},\"origin\":{\"source\":\"WEB\"}}"),
                () -> postRaw("{\"person\":{\"lastName\":\"X\"},\"origin\":{\"source\":\"WEB\"},\"ownerId\":42}"),
                () -> postRaw("{" + "\"a\":{".repeat(2000) + "}".repeat(2000) + "}"),
                () -> api.send("POST", LEADS, "{\"person\":{\"lastName\":\"X\"},\"origin\":{\"source\":\"WEB\"}}",
                        "application/json; charset=ISO-8859-1", Map.of("Idempotency-Key", " ")),
                () -> api.patch(LEADS + "/" + existingId, Json.createObjectBuilder().add("person", "x").build(),
                        Map.of("If-Match", existingEtag)),
                () -> api.patch(LEADS + "/" + existingId, Json.createObjectBuilder().addNull("person").build(),
                        Map.of("If-Match", existingEtag)),
                () -> api.patch(LEADS + "/" + existingId, Json.createObjectBuilder().addNull("origin").build(),
                        Map.of("If-Match", existingEtag)),
                () -> api.put(LEADS + "/" + existingId, Fixtures.tradeFairLead("X"), Map.of("If-Match", "W/\"0\"")),
                () -> api.put(LEADS + "/" + existingId, Fixtures.tradeFairLead("X"), Map.of("If-Match", "\"99999999999999999999\"")));
        for (Supplier<Api.Response> attempt : attempts) {
            Api.Response r = attempt.get();
            assertProblemShape(r);
        }
    }
}
