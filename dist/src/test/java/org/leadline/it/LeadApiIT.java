package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lead API as a client application uses it: the record's life cycle, concurrency control, retries and lists. */
class LeadApiIT {

    private static final String LEADS = "/api/v1/leads";

    static LeadlineServer server;
    static Fixtures.TenantAdmin tenant;
    static Api api;

    @BeforeAll
    static void tenant() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        api = tenant.api();
    }

    static Api.Response create(JsonObject body) {
        Api.Response r = api.post(LEADS, body);
        assertEquals(201, r.status(), r::toString);
        return r;
    }

    static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }

    static JsonObject with(JsonObject o, String key, JsonValue value) {
        return Json.createObjectBuilder(o).add(key, value).build();
    }

    static JsonObject without(JsonObject o, String key) {
        return Json.createObjectBuilder(o).remove(key).build();
    }

    // ---- create, read, replace, patch, delete ---------------------------------------------------

    @Test
    void aNewLeadIsCreatedWithLocationEtagAndServerOwnedFields() {
        Instant before = Instant.now().minusSeconds(5);
        Api.Response r = create(Fixtures.tradeFairLead("Becker"));
        JsonObject lead = r.json();
        String id = lead.getString("id");
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                "a time-ordered UUID (v7): " + id);
        assertTrue(r.header("location").endsWith(LEADS + "/" + id), r.header("location"));
        assertNotNull(r.etag());
        assertEquals("\"" + lead.getJsonNumber("version").longValue() + "\"", r.etag());
        assertEquals("OPEN", lead.getString("status"));
        assertEquals(tenant.userId(), lead.getString("createdBy"));
        assertEquals(tenant.userId(), lead.getString("updatedBy"));
        assertEquals(tenant.userId(), lead.getString("ownerId"), "the creator owns a lead created without owner");
        Instant createdAt = Instant.parse(lead.getString("createdAt"));
        assertTrue(createdAt.isAfter(before) && createdAt.isBefore(Instant.now().plusSeconds(5)), createdAt::toString);
        assertEquals(lead.getString("createdAt"), lead.getString("updatedAt"));
        assertFalse(lead.containsKey("tenantId") || lead.containsKey("tenant"), "the tenant is never shown");
    }

    @Test
    void aCreatedLeadReadsBackWithEveryFieldOfTheForm() {
        JsonObject sent = Fixtures.tradeFairLead("Hoffmann");
        String location = create(sent).header("location");
        Api.Response r = api.get(location.substring(location.indexOf("/api/")));
        assertEquals(200, r.status(), r::toString);
        JsonObject lead = r.json();
        assertEquals(sent.getJsonObject("person"), lead.getJsonObject("person"));
        assertEquals(sent.getJsonObject("origin"), lead.getJsonObject("origin"));
        assertEquals("CRM for the sales team", lead.getString("topic"));
        JsonObject company = lead.getJsonObject("company");
        assertEquals("ACME GmbH", company.getString("name"));
        assertEquals("https://acme.example", company.getString("website"));
        assertEquals("Manufacturing", company.getString("industry"));
        assertEquals(250, company.getInt("employees"));
        assertMoney("12000000", "EUR", company.getJsonObject("annualRevenue"));
        assertEquals(sent.getJsonObject("company").getJsonObject("address"), company.getJsonObject("address"));
        JsonObject q = lead.getJsonObject("qualification");
        assertMoney("50000", "EUR", q.getJsonObject("budget"));
        assertEquals("Replace spreadsheets for lead tracking", q.getString("need"));
        assertEquals("THIS_QUARTER", q.getString("purchaseTimeframe"));
        assertTrue(q.getBoolean("decisionMaker"));
        assertEquals("COMMITTEE", q.getString("purchaseProcess"));
        assertNotNull(r.etag());
    }

    static void assertMoney(String amount, String currency, JsonObject money) {
        assertEquals(0, new BigDecimal(amount).compareTo(money.getJsonNumber("amount").bigDecimalValue()), money::toString);
        assertEquals(currency, money.getString("currency"));
    }

    @Test
    void aLeadReadAndSentBackUnchangedExceptOneFieldIsReplaced() {
        String id = create(Fixtures.tradeFairLead("Wagner")).json().getString("id");
        Api.Response read = api.get(LEADS + "/" + id);
        JsonObject original = read.json();
        JsonObject person = Json.createObjectBuilder(original.getJsonObject("person")).add("jobTitle", "CFO").build();
        JsonObject modified = with(original, "person", person);

        Api.Response put = api.put(LEADS + "/" + id, modified, ifMatch(read.etag()));
        assertEquals(200, put.status(), put::toString);
        JsonObject updated = put.json();
        assertEquals("CFO", updated.getJsonObject("person").getString("jobTitle"));
        assertEquals("Wagner", updated.getJsonObject("person").getString("lastName"));
        for (String serverOwned : List.of("id", "status", "createdAt", "createdBy")) {
            assertEquals(original.get(serverOwned), updated.get(serverOwned), serverOwned);
        }
        assertEquals(original.getJsonNumber("version").longValue() + 1, updated.getJsonNumber("version").longValue());
        assertNotEquals(read.etag(), put.etag());
        assertTrue(Instant.parse(updated.getString("updatedAt")).isAfter(Instant.parse(original.getString("updatedAt"))));
        assertEquals(updated, api.get(LEADS + "/" + id).json(), "the change is stored");
    }

    @Test
    void aFullReplaceDropsWhatIsNotSent() {
        String id = create(Fixtures.tradeFairLead("Schulz")).json().getString("id");
        Api.Response read = api.get(LEADS + "/" + id);
        JsonObject replacement = Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("firstName", "Jonas").add("lastName", "Schulz"))
                .add("origin", Json.createObjectBuilder().add("source", "REFERRAL"))
                .build();
        Api.Response put = api.put(LEADS + "/" + id, replacement, ifMatch(read.etag()));
        assertEquals(200, put.status(), put::toString);
        JsonObject stored = api.get(LEADS + "/" + id).json();
        assertEquals(Json.createObjectBuilder().add("firstName", "Jonas").add("lastName", "Schulz").build(),
                stored.getJsonObject("person"));
        assertEquals("REFERRAL", stored.getJsonObject("origin").getString("source"));
        assertFalse(stored.containsKey("company"), stored::toString);
        assertFalse(stored.containsKey("qualification"), stored::toString);
        assertFalse(stored.containsKey("topic"), stored::toString);
    }

    @Test
    void aMergePatchChangesNestedFieldsAndNullRemovesThem() {
        JsonObject sent = Fixtures.tradeFairLead("Fischer");
        sent = with(sent, "person", Json.createObjectBuilder(sent.getJsonObject("person"))
                .add("mobilePhone", "+49 170 1234567").build());
        Api.Response created = create(sent);
        String id = created.json().getString("id");

        JsonObject patch = Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("jobTitle", "CEO").addNull("mobilePhone"))
                .add("company", Json.createObjectBuilder()
                        .add("address", Json.createObjectBuilder().add("city", "Potsdam")))
                .addNull("topic")
                .build();
        Api.Response r = api.patch(LEADS + "/" + id, patch, ifMatch(created.etag()));
        assertEquals(200, r.status(), r::toString);
        JsonObject lead = api.get(LEADS + "/" + id).json();
        JsonObject person = lead.getJsonObject("person");
        assertEquals("CEO", person.getString("jobTitle"));
        assertFalse(person.containsKey("mobilePhone"), "null removes the field");
        assertEquals("Fischer", person.getString("lastName"), "fields not in the patch stay");
        assertEquals("Anna", person.getString("firstName"));
        assertEquals("+49 30 1234567", person.getString("businessPhone"));
        JsonObject address = lead.getJsonObject("company").getJsonObject("address");
        assertEquals("Potsdam", address.getString("city"));
        assertEquals("Hauptstr. 1", address.getString("street"), "nested objects are merged, not replaced");
        assertEquals("ACME GmbH", lead.getJsonObject("company").getString("name"));
        assertFalse(lead.containsKey("topic"));
        assertEquals("Replace spreadsheets for lead tracking", lead.getJsonObject("qualification").getString("need"));
        assertNotEquals(created.etag(), r.etag());
        assertEquals(r.etag(), api.get(LEADS + "/" + id).etag());
    }

    @Test
    void aMergePatchIsValidatedLikeAFullWrite() {
        Api.Response created = create(Fixtures.tradeFairLead("Weber"));
        String id = created.json().getString("id");
        Api.Response r = api.patch(LEADS + "/" + id, Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().addNull("lastName")).build(), ifMatch(created.etag()));
        assertEquals(400, r.status(), r::toString);
        assertEquals("is required", r.fieldError("person.lastName"));
        assertEquals("Weber", api.get(LEADS + "/" + id).json().getJsonObject("person").getString("lastName"));
        assertEquals(created.etag(), api.get(LEADS + "/" + id).etag());
    }

    @Test
    void aDeletedLeadIsGone() {
        Api.Response created = create(Fixtures.tradeFairLead("Meyer"));
        String id = created.json().getString("id");
        Api.Response r = api.delete(LEADS + "/" + id, ifMatch(created.etag()));
        assertEquals(204, r.status(), r::toString);
        assertEquals("", r.body());
        Api.Response read = api.get(LEADS + "/" + id);
        assertEquals(404, read.status());
        assertEquals("/problems/not-found", read.problemType());
        assertEquals(404, api.delete(LEADS + "/" + id, Map.of("If-Match", "*")).status());
        assertTrue(list("q=meyer&limit=200").stream().noneMatch(l -> l.getString("id").equals(id)));
    }

    // ---- ETag / If-Match ------------------------------------------------------------------------

    @Test
    void aWriteBasedOnAStaleVersionIsRefusedWith412() {
        Api.Response created = create(Fixtures.tradeFairLead("Koch"));
        String id = created.json().getString("id");
        String first = created.etag();
        Api.Response patched = api.patch(LEADS + "/" + id, Json.createObjectBuilder().add("topic", "v2").build(), ifMatch(first));
        assertEquals(200, patched.status(), patched::toString);

        JsonObject stale = Json.createObjectBuilder().add("topic", "lost update").build();
        Api.Response r = api.patch(LEADS + "/" + id, stale, ifMatch(first));
        assertEquals(412, r.status(), r::toString);
        assertEquals("/problems/precondition-failed", r.problemType());
        Api.Response put = api.put(LEADS + "/" + id, Fixtures.tradeFairLead("Koch"), ifMatch(first));
        assertEquals(412, put.status(), put::toString);
        assertEquals(412, api.delete(LEADS + "/" + id, ifMatch(first)).status());
        assertEquals(412, api.delete(LEADS + "/" + id, ifMatch("\"not-a-version\"")).status());

        Api.Response read = api.get(LEADS + "/" + id);
        assertEquals(200, read.status(), "the stale delete left the lead alone");
        assertEquals("v2", read.json().getString("topic"));
        assertEquals(patched.etag(), read.etag());
    }

    @Test
    void ofConcurrentWritesBasedOnTheSameVersionExactlyOneWins() throws Exception {
        Api.Response created = create(Fixtures.tradeFairLead("Gleichzeitig"));
        String id = created.json().getString("id");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                JsonObject patch = Json.createObjectBuilder().add("topic", "writer " + i).build();
                results.add(pool.submit(() -> {
                    start.await();
                    return api.patch(LEADS + "/" + id, patch, ifMatch(created.etag()));
                }));
            }
            start.countDown();
            int won = 0;
            String winner = null;
            for (Future<Api.Response> f : results) {
                Api.Response r = f.get();
                assertTrue(r.status() == 200 || r.status() == 412, r::toString);
                if (r.status() == 200) {
                    won++;
                    winner = r.json().getString("topic");
                } else {
                    assertEquals("/problems/precondition-failed", r.problemType());
                }
            }
            assertEquals(1, won, "one write wins, the others are told to re-read");
            JsonObject stored = api.get(LEADS + "/" + id).json();
            assertEquals(winner, stored.getString("topic"));
            assertEquals(created.json().getJsonNumber("version").longValue() + 1, stored.getJsonNumber("version").longValue());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteWithoutIfMatchIsRefusedWith428() {
        Api.Response created = create(Fixtures.tradeFairLead("Bauer"));
        String id = created.json().getString("id");
        Api.Response put = api.put(LEADS + "/" + id, Fixtures.tradeFairLead("Bauer2"), Map.of());
        assertEquals(428, put.status(), put::toString);
        assertEquals("/problems/precondition-required", put.problemType());
        Api.Response patch = api.patch(LEADS + "/" + id, Json.createObjectBuilder().add("topic", "x").build(), Map.of());
        assertEquals(428, patch.status(), patch::toString);
        Api.Response delete = api.delete(LEADS + "/" + id, Map.of());
        assertEquals(428, delete.status(), delete::toString);
        assertEquals("application/problem+json", delete.header("content-type"));
        Api.Response read = api.get(LEADS + "/" + id);
        assertEquals(created.etag(), read.etag());
        assertEquals("Bauer", read.json().getJsonObject("person").getString("lastName"));
    }

    @Test
    void ifMatchStarOverwritesAnyVersion() {
        Api.Response created = create(Fixtures.tradeFairLead("Richter"));
        String id = created.json().getString("id");
        Api.Response r = api.patch(LEADS + "/" + id, Json.createObjectBuilder().add("topic", "any").build(), ifMatch("*"));
        assertEquals(200, r.status(), r::toString);
        assertEquals("any", r.json().getString("topic"));
        Api.Response put = api.put(LEADS + "/" + id, Fixtures.tradeFairLead("Richter"), ifMatch("*"));
        assertEquals(200, put.status(), put::toString);
        assertEquals(204, api.delete(LEADS + "/" + id, ifMatch("*")).status());
    }

    @Test
    void aReadWithTheCurrentEtagInIfNoneMatchAnswers304() {
        Api.Response created = create(Fixtures.tradeFairLead("Klein"));
        String id = created.json().getString("id");
        Api.Response r = api.get(LEADS + "/" + id, Map.of("If-None-Match", created.etag()));
        assertEquals(304, r.status(), r::toString);
        assertEquals("", r.body());
        Api.Response changed = api.patch(LEADS + "/" + id, Json.createObjectBuilder().add("topic", "new").build(),
                ifMatch(created.etag()));
        Api.Response again = api.get(LEADS + "/" + id, Map.of("If-None-Match", created.etag()));
        assertEquals(200, again.status(), "a changed lead is sent again");
        assertEquals(changed.etag(), again.etag());
    }

    // ---- Idempotency-Key ------------------------------------------------------------------------

    @Test
    void aRetriedCreateWithTheSameKeyReturnsTheFirstLead() {
        String key = LeadlineServer.unique("retry");
        JsonObject body = Fixtures.tradeFairLead("Wolf");
        Api.Response first = api.post(LEADS, body, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first::toString);
        assertNull(first.header("idempotent-replayed"));
        Api.Response retry = api.post(LEADS, body, Map.of("Idempotency-Key", key));
        assertEquals(201, retry.status(), retry::toString);
        assertEquals("true", retry.header("idempotent-replayed"));
        assertEquals(first.json().getString("id"), retry.json().getString("id"));
        assertEquals(first.header("location"), retry.header("location"));
        assertEquals(1, list("q=wolf&limit=200").size(), "only one lead was created");
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422() {
        String key = LeadlineServer.unique("reuse");
        Api.Response first = api.post(LEADS, Fixtures.tradeFairLead("Schroeder"), Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first::toString);
        Api.Response other = api.post(LEADS, Fixtures.tradeFairLead("Neumann"), Map.of("Idempotency-Key", key));
        assertEquals(422, other.status(), other::toString);
        assertEquals("/problems/idempotency-key-reused", other.problemType());
        assertTrue(list("q=neumann&limit=200").isEmpty(), "the second body was not stored");
    }

    @Test
    void concurrentCreatesWithOneKeyCreateExactlyOneLead() throws Exception {
        String key = LeadlineServer.unique("race");
        String lastName = "Zimmermann" + key.substring(key.length() - 6).replaceAll("[^a-z]", "x");
        JsonObject body = Fixtures.tradeFairLead(lastName);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return api.post(LEADS, body, Map.of("Idempotency-Key", key));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int replayed = 0;
            for (Future<Api.Response> f : results) {
                Api.Response r = f.get();
                assertTrue(r.status() == 201 || r.status() == 409, r::toString);
                assertNotEquals(500, r.status());
                if (r.status() == 201) {
                    ids.add(r.json().getString("id"));
                    if ("true".equals(r.header("idempotent-replayed"))) {
                        replayed++;
                    }
                }
            }
            assertEquals(1, ids.size(), "every success names the same lead: " + ids);
            assertTrue(replayed <= threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, list("q=" + lastName.toLowerCase(Locale.ROOT) + "&limit=200").size());
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        Api.Response r = api.post(LEADS, Fixtures.tradeFairLead("Key"), Map.of("Idempotency-Key", "x".repeat(201)));
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("Idempotency-Key"));
    }

    // ---- owner ----------------------------------------------------------------------------------

    @Test
    void theOwnerMustBeAnActiveUserOfTheSameTenant() {
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        Api.Response r = api.post(LEADS, with(Fixtures.tradeFairLead("Owner"), "ownerId", Json.createValue(other.userId())));
        assertEquals(400, r.status(), r::toString);
        assertEquals("/problems/validation", r.problemType());
        assertEquals("is not a user of this tenant", r.fieldError("ownerId"));
        Api.Response unknown = api.post(LEADS, with(Fixtures.tradeFairLead("Owner"), "ownerId", Json.createValue("nobody")));
        assertEquals(400, unknown.status(), unknown::toString);
        assertNotNull(unknown.fieldError("ownerId"));
        assertTrue(list("q=owner&limit=200").isEmpty());

        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        Api.Response assigned = api.post(LEADS, with(Fixtures.tradeFairLead("Owner"), "ownerId", Json.createValue(seller.id())));
        assertEquals(201, assigned.status(), assigned::toString);
        assertEquals(seller.id(), assigned.json().getString("ownerId"));
    }

    @Test
    void listAndExportFilterByRating() {
        Fixtures.TenantAdmin own = Fixtures.newTenant(server);
        Api.Response cold = own.api().post(LEADS, Fixtures.minimalLead("Frost"));
        Api.Response warm = own.api().post(LEADS, Fixtures.tradeFairLead("Ember"));
        assertEquals(201, cold.status(), cold::toString);
        assertEquals(201, warm.status(), warm::toString);
        String coldRating = cold.json().getString("rating");
        String warmRating = warm.json().getString("rating");
        assertTrue(!coldRating.equals(warmRating), coldRating + " " + warmRating);
        assertEquals(List.of(cold.json().getString("id")), list(own.api(), "rating=" + coldRating).stream()
                .map(l -> l.getString("id")).toList());
        assertEquals(List.of(warm.json().getString("id")), list(own.api(), "rating=" + warmRating + "&ownerId=me")
                .stream().map(l -> l.getString("id")).toList());
        assertEquals(2, list(own.api(), "rating=" + coldRating + "&rating=" + warmRating).size());
        // another tenant's leads of that rating are not listed
        assertTrue(list(api, "q=frost&rating=" + coldRating).isEmpty());
        Api.Response export = own.api().get(LEADS + "/export?rating=" + warmRating);
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.body().contains("Ember") && !export.body().contains("Frost"), export.body());
        Api.Response bad = own.api().get(LEADS + "?rating=LUKEWARM");
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.fieldError("rating").contains("HOT"), bad::toString);
    }

    @Test
    void statisticsCountTheTenantsOwnLiveLeadsInTheDatabase() {
        Fixtures.TenantAdmin own = Fixtures.newTenant(server);
        String cold = own.api().post(LEADS, Fixtures.minimalLead("Counted")).json().getString("rating");
        own.api().post(LEADS, Fixtures.tradeFairLead("Counted"));
        Api.Response gone = own.api().post(LEADS, Fixtures.minimalLead("Uncounted"));
        assertEquals(204, own.api().delete(LEADS + "/" + gone.json().getString("id"), Map.of("If-Match", gone.etag()))
                .status());
        Fixtures.newTenant(server).api().post(LEADS, Fixtures.minimalLead("Elsewhere"));

        Api.Response r = own.api().get("/api/v1/statistics/leads");
        assertEquals(200, r.status(), r::toString);
        JsonObject stats = r.json();
        assertEquals(2, stats.getInt("total"), r.body());
        assertEquals(Map.of("OPEN", 2), counts(stats, "byStatus"));
        assertEquals(Map.of("WEB", 1, "TRADE_FAIR", 1), counts(stats, "bySource"));
        assertEquals(2, counts(stats, "byRating").values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(counts(stats, "byRating").get(cold) >= 1, r.body());
        assertEquals(12, stats.getJsonArray("newPerWeek").size());
        assertEquals(2, stats.getJsonArray("newPerWeek").getJsonObject(11).getInt("count"), "this week's");
        assertEquals(403, Fixtures.platformAdmin(server).get("/api/v1/statistics/leads").status(),
                "a platform administrator has no leads");
    }

    private static Map<String, Integer> counts(JsonObject stats, String member) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        stats.getJsonArray(member).forEach(v -> counts.put(v.asJsonObject().isNull("key") ? null
                : v.asJsonObject().getString("key"), v.asJsonObject().getInt("count")));
        return counts;
    }

    static List<JsonObject> list(String query) {
        return list(api, query);
    }

    static List<JsonObject> list(Api client, String query) {
        Api.Response r = client.get(LEADS + "?" + query);
        assertEquals(200, r.status(), r::toString);
        return r.items().stream().map(JsonValue::asJsonObject).toList();
    }

    // ---- lists ----------------------------------------------------------------------------------

    /** A tenant of its own with a known set of leads, so that lists can be checked exactly. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Lists {

        static final int COUNT = 25;
        static final String[] LAST = {"Müller", "Mueller", "Schmidt", "Nowak", "Öztürk", "Ångström", "Berg", "Zander",
            "Adler", "Kraus", "Lang", "Maier", "Vogel", "Huber", "Brandt", "Graf", "Dietrich", "Engel", "Pohl",
            "Sauer", "Frank", "Arnold", "Roth", "Beck", "Lorenz"};
        static final String[] SOURCES = {"WEB", "TRADE_FAIR", "REFERRAL", "EMAIL", "PHONE"};

        Fixtures.TenantAdmin owner;
        Fixtures.User seller;
        List<JsonObject> leads = new ArrayList<>();

        @BeforeAll
        void dataSet() {
            owner = Fixtures.newTenant(server);
            seller = Fixtures.newUser(server, owner, "SALES");
            for (int i = 0; i < COUNT; i++) {
                var person = Json.createObjectBuilder().add("firstName", i % 2 == 0 ? "Anna" : "Jörg")
                        .add("lastName", LAST[i]).add("email", "contact" + i + "@firma" + i + ".example");
                var company = Json.createObjectBuilder().add("name", (char) ('A' + (i * 7) % 26) + "-Werke " + i);
                var body = Json.createObjectBuilder().add("person", person).add("company", company)
                        .add("origin", Json.createObjectBuilder().add("source", SOURCES[i % SOURCES.length]));
                if (i % 3 == 0) {
                    body.add("ownerId", seller.id());
                }
                Api.Response r = owner.api().post(LEADS, body.build());
                assertEquals(201, r.status(), r::toString);
                leads.add(r.json());
            }
            // Touch a few early leads so that updatedAt order differs from createdAt order.
            for (int i : new int[] {2, 5, 11}) {
                JsonObject lead = leads.get(i);
                Api.Response r = owner.api().patch(LEADS + "/" + lead.getString("id"),
                        Json.createObjectBuilder().add("topic", "touched").build(), Map.of("If-Match", "*"));
                assertEquals(200, r.status(), r::toString);
                leads.set(i, r.json());
            }
        }

        Set<String> ids(List<JsonObject> items) {
            return items.stream().map(l -> l.getString("id")).collect(Collectors.toSet());
        }

        Set<String> expected(java.util.function.Predicate<JsonObject> p) {
            return ids(leads.stream().filter(p).toList());
        }

        List<JsonObject> all(String query) {
            return list(owner.api(), query + "&limit=200");
        }

        @Test
        void withoutFiltersEveryLeadOfTheTenantIsListedNewestFirst() {
            List<JsonObject> items = list(owner.api(), "limit=200");
            assertEquals(COUNT, items.size());
            assertEquals(ids(leads), ids(items));
            assertEquals(leads.get(COUNT - 1).getString("id"), items.get(0).getString("id"));
        }

        @Test
        void filtersByStatus() {
            assertEquals(COUNT, all("status=OPEN").size());
            assertEquals(0, all("status=QUALIFIED").size());
            assertEquals(COUNT, all("status=QUALIFIED&status=OPEN").size());
            assertEquals(COUNT, list(owner.api().lenient(), "status=QUALIFIED,OPEN&limit=200").size(),
                    "a comma-separated list is taken too");
            Api.Response bad = owner.api().get(LEADS + "?status=WON");
            assertEquals(400, bad.status(), bad::toString);
            assertTrue(bad.fieldError("status").contains("OPEN"), bad::toString);
        }

        @Test
        void filtersByOwnerIncludingMe() {
            Set<String> sellers = expected(l -> l.getString("ownerId").equals(seller.id()));
            assertEquals(9, sellers.size());
            assertEquals(sellers, ids(all("ownerId=" + seller.id())));
            assertEquals(sellers, ids(list(seller.api(), "ownerId=me&limit=200")));
            assertEquals(expected(l -> l.getString("ownerId").equals(owner.userId())), ids(all("ownerId=me")));
            assertEquals(0, all("ownerId=" + java.util.UUID.randomUUID()).size());
        }

        @Test
        void filtersBySeveralSources() {
            assertEquals(expected(l -> source(l).equals("WEB")), ids(all("source=WEB")));
            Set<String> webOrReferral = expected(l -> Set.of("WEB", "REFERRAL").contains(source(l)));
            assertEquals(10, webOrReferral.size());
            assertEquals(webOrReferral, ids(all("source=WEB&source=REFERRAL")));
            assertEquals(webOrReferral, ids(all("source=WEB&source=REFERRAL")));
            assertEquals(webOrReferral, ids(list(owner.api().lenient(), "source=WEB,REFERRAL&limit=200")));
            assertEquals(400, owner.api().get(LEADS + "?source=FAX").status());
        }

        String source(JsonObject l) {
            return l.getJsonObject("origin").getString("source");
        }

        @Test
        void filtersByCreatedRange() {
            String from = leads.get(10).getString("createdAt");
            String to = leads.get(20).getString("createdAt");
            Set<String> expected = ids(leads.subList(10, 20));
            assertEquals(expected, ids(all("createdFrom=" + Api.q(from) + "&createdTo=" + Api.q(to))),
                    "from is inclusive, to is exclusive");
            assertEquals(ids(leads.subList(10, COUNT)), ids(all("createdFrom=" + Api.q(from))));
            assertEquals(ids(leads.subList(0, 20)), ids(all("createdTo=" + Api.q(to))));
            String today = from.substring(0, 10);
            assertEquals(COUNT, all("createdFrom=" + today).size(), "a date means the start of that day (UTC)");
            assertEquals(0, all("createdTo=" + today).size());
            Api.Response bad = owner.api().get(LEADS + "?createdFrom=yesterday");
            assertEquals(400, bad.status());
            assertNotNull(bad.fieldError("createdFrom"));
        }

        @Test
        void freeTextFindsPrefixesOfNameCompanyAndEmailIgnoringCaseAndDiacritics() {
            Set<String> muellerOnly = Set.of(leads.get(0).getString("id"));
            assertEquals(muellerOnly, ids(all("q=muller")), "muller finds Müller");
            assertEquals(muellerOnly, ids(all("q=" + Api.q("MÜL"))));
            assertEquals(Set.of(leads.get(1).getString("id")), ids(all("q=muel")), "Mueller is its own spelling");
            assertEquals(Set.of(leads.get(4).getString("id")), ids(all("q=ozt")));
            assertEquals(Set.of(leads.get(5).getString("id")), ids(all("q=angs")));
            assertEquals(expected(l -> l.getJsonObject("person").getString("firstName").equals("Jörg")), ids(all("q=jorg")));
            assertEquals(Set.of(leads.get(13).getString("id")), ids(all("q=" + Api.q("Werke 13"))),
                    "every word must match");
            assertEquals(Set.of(leads.get(7).getString("id")), ids(all("q=" + Api.q("contact7@firma7.example"))));
            assertEquals(Set.of(leads.get(17).getString("id")), ids(all("q=firma17")));
            assertEquals(Set.of(leads.get(2).getString("id")), ids(all("q=schmi&source=REFERRAL")),
                    "search combines with filters");
            assertEquals(0, all("q=schmi&source=WEB").size());
            assertEquals(0, all("q=" + Api.q("100%_")).size(), "LIKE wildcards are matched literally");
            assertEquals(0, all("q=zzzz").size());
        }

        @Test
        void searchPagesWalkInEveryOrderWhetherAWordOrTheOrderDrivesTheQuery() {
            // The shared test server lets a word drive the query only up to 3 matching leads
            // (LEADLINE_SEARCH_DRIVING_LIMIT): "mu" (Müller, Mueller) and "13" drive; "werke" (every
            // lead) and "anna" (13 leads) are checked lead by lead along the order's index.
            Map<String, Set<String>> searches = new LinkedHashMap<>();
            searches.put("mu", Set.of(leads.get(0).getString("id"), leads.get(1).getString("id")));
            searches.put("werke", ids(leads));
            searches.put("anna werke", expected(l -> l.getJsonObject("person").getString("firstName").equals("Anna")));
            searches.put("werke 13", Set.of(leads.get(13).getString("id")));
            searches.put("anna contact1", expected(l -> l.getJsonObject("person").getString("firstName").equals("Anna")
                    && l.getJsonObject("person").getString("email").startsWith("contact1")));
            for (var search : searches.entrySet()) {
                for (String sort : List.of("-createdAt", "createdAt", "-updatedAt", "updatedAt", "lastName",
                        "-lastName", "companyName", "-companyName")) {
                    String query = "q=" + Api.q(search.getKey()) + "&";
                    List<JsonObject> walked = walk(query, sort, 2, search.getValue().size());
                    assertEquals(search.getValue(), ids(walked), search.getKey() + " by " + sort);
                    assertEquals(walked.stream().map(l -> l.getString("id")).toList(),
                            list(owner.api(), query + "sort=" + Api.q(sort) + "&limit=200").stream()
                                    .map(l -> l.getString("id")).toList(),
                            search.getKey() + " by " + sort + ": pages in the order of one big page");
                }
            }
        }

        @Test
        void everySortWalksAllPagesWithoutGapsOrRepeats() {
            Map<String, Comparator<JsonObject>> orders = new LinkedHashMap<>();
            orders.put("createdAt", Comparator.comparing(l -> Instant.parse(l.getString("createdAt"))));
            orders.put("updatedAt", Comparator.comparing(l -> Instant.parse(l.getString("updatedAt"))));
            orders.put("lastName", Comparator.comparing(l -> fold(l.getJsonObject("person").getString("lastName"))));
            orders.put("companyName", Comparator.comparing(l -> fold(l.getJsonObject("company").getString("name"))));
            for (var entry : orders.entrySet()) {
                for (String sort : List.of(entry.getKey(), "-" + entry.getKey())) {
                    List<JsonObject> walked = walk(sort, 7);
                    assertEquals(COUNT, walked.size(), sort);
                    assertEquals(ids(leads), ids(walked), sort + ": every lead exactly once");
                    Comparator<JsonObject> order = sort.startsWith("-") ? entry.getValue().reversed() : entry.getValue();
                    for (int i = 1; i < walked.size(); i++) {
                        assertTrue(order.compare(walked.get(i - 1), walked.get(i)) <= 0,
                                sort + ": " + walked.get(i - 1) + " before " + walked.get(i));
                    }
                    assertEquals(walked.stream().map(l -> l.getString("id")).toList(),
                            list(owner.api(), "sort=" + Api.q(sort) + "&limit=200").stream().map(l -> l.getString("id")).toList(),
                            sort + ": pages in the order of one big page");
                }
            }
            List<JsonObject> byUpdate = walk("-updatedAt", 7);
            assertEquals(leads.get(11).getString("id"), byUpdate.get(0).getString("id"));
        }

        List<JsonObject> walk(String sort, int limit) {
            return walk("", sort, limit, COUNT);
        }

        /** Walks every page of a list by its cursor; {@code query} is empty or ends in {@code &}. */
        List<JsonObject> walk(String query, String sort, int limit, int count) {
            List<JsonObject> walked = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                Api.Response r = owner.api().get(LEADS + "?" + query + "sort=" + Api.q(sort) + "&limit=" + limit
                        + (cursor == null ? "" : "&cursor=" + Api.q(cursor)));
                assertEquals(200, r.status(), r::toString);
                List<JsonObject> items = r.items().stream().map(JsonValue::asJsonObject).toList();
                assertTrue(items.size() <= limit);
                for (JsonObject l : items) {
                    assertTrue(seen.add(l.getString("id")), sort + ": repeated " + l.getString("id"));
                }
                walked.addAll(items);
                JsonObject page = r.json().getJsonObject("page");
                cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
                if (cursor != null) {
                    assertEquals(limit, items.size(), "only the last page is short");
                    assertTrue(r.header("link") != null && r.header("link").contains("rel=\"next\""), r.headers()::toString);
                }
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(Math.max(1, (count + limit - 1) / limit), pages, query + sort);
            return walked;
        }

        @Test
        void pageSizeIsBounded() {
            Api client = owner.api();
            for (String limit : List.of("0", "201", "-1", "abc", "1.5")) {
                Api.Response r = client.get(LEADS + "?limit=" + limit);
                assertEquals(400, r.status(), limit + ": " + r);
                assertEquals("/problems/bad-parameter", r.problemType());
                assertNotNull(r.fieldError("limit"), r::toString);
            }
            assertEquals(1, list(client, "limit=1").size());
            assertEquals(COUNT, list(client, "limit=200").size());
            assertEquals(COUNT, list(client, "").size(), "the default page holds all 25");
            Api.Response unknown = client.get(LEADS + "?leadId=1&x=2");
            assertEquals(400, unknown.status(), "an unknown query parameter is refused, not ignored");
            assertNotNull(unknown.fieldError("leadId"), unknown::toString);
            assertNotNull(unknown.fieldError("x"), unknown::toString);
            Api.Response sortBad = client.get(LEADS + "?sort=email");
            assertEquals(400, sortBad.status());
            assertNotNull(sortBad.fieldError("sort"));
        }

        @Test
        void aCursorThatIsNotOursOrFromAnotherSortIsRefused() {
            Api client = owner.api();
            for (String bad : List.of("garbage", "eyJzIjoiY3JlYXRlZEF0In0", Api.q("!!!"),
                    java.util.Base64.getUrlEncoder().encodeToString("{\"s\":\"-createdAt\",\"k\":\"x\",\"i\":\"y\"}".getBytes()))) {
                Api.Response r = client.get(LEADS + "?cursor=" + bad);
                assertEquals(400, r.status(), bad + ": " + r);
                assertNotNull(r.fieldError("cursor"), r::toString);
            }
            Api.Response first = client.get(LEADS + "?sort=lastName&limit=7");
            String cursor = first.json().getJsonObject("page").getString("nextCursor");
            Api.Response other = client.get(LEADS + "?sort=-createdAt&limit=7&cursor=" + Api.q(cursor));
            assertEquals(400, other.status(), other::toString);
            assertNotNull(other.fieldError("cursor"));
            assertEquals(200, client.get(LEADS + "?sort=lastName&limit=7&cursor=" + Api.q(cursor)).status());
        }
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
