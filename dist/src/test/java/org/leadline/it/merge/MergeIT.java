package org.leadline.it.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A seller finds the same person entered three times (a web form, a trade fair, an e-mail) and
 * merges the records into one, keeping the best of each, through the API of a running server.
 */
class MergeIT {

    private static final Random RANDOM = new Random();
    private static LeadlineServer server;
    private static Fixtures.TenantAdmin tenant;
    private static Api seller;
    private static Api otherTenant;

    @BeforeAll
    static void aTenantWithASeller() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        seller = tenant.api();
        otherTenant = Fixtures.newTenant(server).api();
    }

    /** A made-up surname the search finds only where it was used. */
    private static String name() {
        StringBuilder b = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    private static String lead(Api as, JsonObject body) {
        Api.Response r = as.post("/api/v1/leads", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static JsonObject person(String lastName, JsonObjectBuilder person) {
        return Json.createObjectBuilder()
                .add("person", person.add("lastName", lastName))
                .add("origin", Json.createObjectBuilder().add("source", "WEB"))
                .build();
    }

    private static Api.Response created(String path, JsonObject body) {
        Api.Response r = seller.post(path, body);
        assertEquals(201, r.status(), () -> path + " " + r);
        return r;
    }

    private static JsonObject request(List<String> mergedIds, JsonObject fields) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        mergedIds.forEach(ids::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("mergedIds", ids);
        if (fields != null) {
            b.add("fields", fields);
        }
        return b.build();
    }

    private static Api.Response merge(Api as, String survivor, JsonObject body) {
        return as.post("/api/v1/leads/" + survivor + "/merge", body);
    }

    private static List<JsonObject> items(Api as, String path) {
        Api.Response r = as.get(path + (path.contains("?") ? "&" : "?") + "limit=100");
        assertEquals(200, r.status(), () -> path + " " + r);
        return r.items().stream().map(JsonValue::asJsonObject).toList();
    }

    private static final List<String> LEAD_TABLES = List.of("lead_search_terms", "timeline_entries", "interactions",
            "notes", "note_revisions", "social_posts", "audit_entries", "audit_changes", "stakeholders", "competitors",
            "lead_ratings", "rating_changes", "lead_stage_changes", "lead_checklist_ticks", "lead_conversions",
            "lead_disqualifications", "lead_merges");

    /**
     * On PostgreSQL, the tables (and counts) that still hold rows of these leads; always empty on
     * Derby, which cannot be opened while the server runs.
     */
    private static Map<String, Integer> rowsOf(List<String> leadIds) throws java.sql.SQLException {
        Map<String, Integer> found = new java.util.TreeMap<>();
        if (!LeadlineServer.onPostgresql()) {
            return found;
        }
        try (java.sql.Connection c = server.openPostgresql()) {
            List<String> queries = new ArrayList<>();
            LEAD_TABLES.forEach(t -> queries.add("SELECT count(*) FROM " + t + " WHERE lead_id = ?"));
            queries.add("SELECT count(*) FROM leads WHERE id = ?");
            for (String query : queries) {
                for (String id : leadIds) {
                    try (java.sql.PreparedStatement st = c.prepareStatement(query)) {
                        st.setString(1, id);
                        try (java.sql.ResultSet rs = st.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                found.merge(query, rs.getInt(1), Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static JsonObject field(Api.Response result, String field) {
        return result.json().getJsonArray("fields").stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("field").equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not in " + result));
    }

    @Test
    void aDryRunShowsTheResultFieldByFieldAndChangesNothing() {
        String survivor = lead(seller, person(name(), Json.createObjectBuilder().add("firstName", "Eva")
                .add("email", "eva@acme.example")));
        String duplicate = lead(seller, person(name(), Json.createObjectBuilder().add("email", "e.berg@acme.example")
                .add("mobilePhone", "+49 170 1234567")));
        created("/api/v1/leads/" + duplicate + "/notes", Json.createObjectBuilder().add("text", "Prefers calls").build());
        String survivorEtag = seller.get("/api/v1/leads/" + survivor).etag();
        String duplicateEtag = seller.get("/api/v1/leads/" + duplicate).etag();

        Api.Response dry = seller.post("/api/v1/leads/" + survivor + "/merge?dryRun=true",
                request(List.of(duplicate), null));
        assertEquals(200, dry.status(), dry::toString);
        assertTrue(dry.json().getBoolean("dryRun"));
        JsonObject email = field(dry, "person.email");
        assertEquals("eva@acme.example", email.getString("value"), "the survivor keeps its own value");
        assertEquals(survivor, email.getString("from"));
        assertEquals(duplicate, email.getJsonArray("alternatives").getJsonObject(0).getString("leadId"));
        assertEquals("e.berg@acme.example", email.getJsonArray("alternatives").getJsonObject(0).getString("value"));
        JsonObject mobile = field(dry, "person.mobilePhone");
        assertEquals(duplicate, mobile.getString("from"), "a gap is filled from the merged lead");
        assertEquals("+49 170 1234567", mobile.getString("value"));
        assertEquals(JsonValue.NULL, field(dry, "person.jobTitle").get("value"));
        assertEquals("+49 170 1234567", dry.json().getJsonObject("result").getJsonObject("person").getString("mobilePhone"));
        assertEquals(1, dry.json().getJsonObject("moves").getInt("notes"));
        // the body can ask for a dry run, too
        Api.Response dryByBody = merge(seller, survivor, Json.createObjectBuilder(request(List.of(duplicate), null))
                .add("dryRun", true).build());
        assertEquals(200, dryByBody.status(), dryByBody::toString);
        assertTrue(dryByBody.json().getBoolean("dryRun"));

        assertEquals(survivorEtag, seller.get("/api/v1/leads/" + survivor).etag(), "the survivor is untouched");
        assertEquals(duplicateEtag, seller.get("/api/v1/leads/" + duplicate).etag(), "the duplicate is still there");
        assertEquals(1, items(seller, "/api/v1/leads/" + duplicate + "/notes").size());
        assertEquals(0, items(seller, "/api/v1/leads/" + survivor + "/notes").size());
        assertTrue(items(seller, "/api/v1/leads/" + survivor + "/timeline?kind=MERGE").isEmpty());
    }

    @Test
    void threeDuplicatesMergeIntoOneLeadWithEverythingKeptOnIt() throws Exception {
        String surname = name();
        String survivor = lead(seller, person(surname, Json.createObjectBuilder().add("firstName", "Eva")
                .add("email", "eva@acme.example")));
        String formName = name();
        String fromForm = lead(seller, Json.createObjectBuilder(person(formName, Json.createObjectBuilder()
                        .add("jobTitle", "CFO")))
                .add("company", Json.createObjectBuilder().add("name", "ACME GmbH").add("website", "https://acme.example")
                        .add("address", Json.createObjectBuilder().add("city", "Berlin").add("country", "DE")))
                .build());
        String fairName = name();
        String fromFair = lead(seller, Json.createObjectBuilder(person(fairName, Json.createObjectBuilder()
                        .add("email", "eva.berg@acme.example").add("mobilePhone", "+49 170 7654321")))
                .add("company", Json.createObjectBuilder().add("name", "Acme"))
                .add("topic", "CRM for 40 sellers").build());
        String fromMail = lead(seller, person(name(), Json.createObjectBuilder().add("businessPhone", "+49 30 1234567")));

        String formBase = "/api/v1/leads/" + fromForm;
        String call = created(formBase + "/interactions", Json.createObjectBuilder().add("medium", "PHONE")
                .add("direction", "OUTBOUND").add("purpose", "first call").add("occurredAt", "2026-03-02T10:00:00Z")
                .build()).json().getString("id");
        Api.Response note = created(formBase + "/notes", Json.createObjectBuilder().add("text", "Wants a demo").build());
        String noteId = note.json().getString("id");
        Api.Response edited = seller.patch(formBase + "/notes/" + noteId,
                Json.createObjectBuilder().add("text", "Wants a demo in April").build(), Map.of("If-Match", note.etag()));
        assertEquals(200, edited.status(), edited::toString);
        String fairBase = "/api/v1/leads/" + fromFair;
        created(fairBase + "/stakeholders", Json.createObjectBuilder().add("name", "Dr. Eva Berg")
                .add("role", "DECISION_MAKER").build());
        created(fairBase + "/competitors", Json.createObjectBuilder().add("name", "BigCRM Inc.").add("status", "ACTIVE")
                .build());
        created(fairBase + "/social-posts", Json.createObjectBuilder().add("network", "LinkedIn").add("author", "lead")
                .add("text", "Looking for a CRM").add("postedAt", "2026-02-01T08:00:00Z").build());
        created("/api/v1/leads/" + fromMail + "/notes", Json.createObjectBuilder().add("text", "Wrote from Gmail").build());

        Api.Response before = seller.get("/api/v1/leads/" + survivor);
        Api.Response merged = seller.post("/api/v1/leads/" + survivor + "/merge", request(List.of(fromForm, fromFair, fromMail),
                Json.createObjectBuilder().add("person.email", fromFair).add("company", fromForm).build()),
                Map.of("If-Match", before.etag()));
        assertEquals(200, merged.status(), merged::toString);
        assertFalse(merged.json().getBoolean("dryRun"));
        JsonObject lead = merged.json().getJsonObject("lead");
        assertEquals(survivor, lead.getString("id"));
        assertEquals(surname, lead.getJsonObject("person").getString("lastName"), "the survivor keeps its name");
        assertEquals("Eva", lead.getJsonObject("person").getString("firstName"));
        assertEquals("eva.berg@acme.example", lead.getJsonObject("person").getString("email"), "the chosen e-mail");
        assertEquals("CFO", lead.getJsonObject("person").getString("jobTitle"), "a gap filled from the first duplicate");
        assertEquals("+49 170 7654321", lead.getJsonObject("person").getString("mobilePhone"));
        assertEquals("+49 30 1234567", lead.getJsonObject("person").getString("businessPhone"));
        assertEquals("ACME GmbH", lead.getJsonObject("company").getString("name"), "the chosen company");
        assertEquals("Berlin", lead.getJsonObject("company").getJsonObject("address").getString("city"));
        assertEquals("CRM for 40 sellers", lead.getString("topic"));
        assertNotEquals(before.etag(), merged.etag());
        assertEquals(merged.etag(), seller.get("/api/v1/leads/" + survivor).etag());
        assertEquals(fromFair, field(merged, "person.email").getString("from"));
        assertTrue(field(merged, "person.email").getBoolean("chosen"));
        JsonObject moves = merged.json().getJsonObject("moves");
        assertEquals(2, moves.getInt("notes"));
        assertEquals(1, moves.getInt("interactions"));
        assertEquals(1, moves.getInt("stakeholders"));

        // Everything that was kept on the duplicates is on the survivor now.
        String base = "/api/v1/leads/" + survivor;
        assertEquals(List.of(call), items(seller, base + "/interactions").stream().map(i -> i.getString("id")).toList());
        assertEquals(2, items(seller, base + "/notes").size());
        Api.Response history = seller.get(base + "/notes/" + noteId + "/history");
        assertEquals(200, history.status(), history::toString);
        assertTrue(history.body().contains("Wants a demo"), "the note's earlier text moved with it");
        assertEquals("Dr. Eva Berg", items(seller, base + "/stakeholders").get(0).getString("name"));
        assertEquals("BigCRM Inc.", items(seller, base + "/competitors").get(0).getString("name"));
        assertEquals(1, items(seller, base + "/social-posts").size());
        List<JsonObject> timeline = items(seller, base + "/timeline");
        List<String> kinds = timeline.stream().map(e -> e.getString("kind")).toList();
        assertTrue(kinds.containsAll(List.of("INTERACTION", "NOTE", "SOCIAL_POST", "MERGE", "AUDIT")), kinds::toString);
        JsonObject mergeEntry = items(seller, base + "/timeline?kind=MERGE").get(0);
        JsonObject item = mergeEntry.getJsonObject("item");
        assertEquals(merged.json().getString("mergeId"), item.getString("id"));
        assertEquals(tenant.userId(), item.getString("mergedBy"));
        assertEquals(List.of(fromForm, fromFair, fromMail), item.getJsonArray("mergedLeads").stream()
                .map(v -> v.asJsonObject().getString("id")).toList());
        assertEquals(formName, item.getJsonArray("mergedLeads").getJsonObject(0).getString("lastName"));

        // The audit history says who merged which leads when, and which fields changed.
        List<JsonObject> audit = items(seller, base + "/audit?subject=LEAD");
        JsonObject mergeAudit = audit.stream().filter(a -> a.getString("change").equals("MERGED")).findFirst()
                .orElseThrow(() -> new AssertionError("no MERGED entry in " + audit));
        assertEquals(tenant.userId(), mergeAudit.getString("actorId"));
        assertEquals(String.join(", ", fromForm, fromFair, fromMail),
                mergeAudit.getJsonArray("changes").getJsonObject(0).getString("to"));
        assertTrue(audit.stream().anyMatch(a -> a.getString("change").equals("UPDATED") && a.getJsonObject("subject").getString("id")
                .equals(survivor) && a.getJsonArray("changes").toString().contains("person.email")), audit::toString);

        // The duplicates are redirects now.
        Api.Response old = seller.get("/api/v1/leads/" + fromFair);
        assertEquals(301, old.status(), old::toString);
        assertTrue(old.header("location").endsWith("/api/v1/leads/" + survivor), old.header("location"));
        assertEquals("/problems/lead-merged", old.problemType());
        assertEquals(survivor, old.json().getString("mergedInto"));
        assertEquals(301, old.json().getInt("status"));
        Api.Response followedOnce = seller.get(old.header("location").substring(old.header("location").indexOf("/api/v1")));
        assertEquals(200, followedOnce.status(), followedOnce::toString);
        assertEquals(survivor, followedOnce.json().getString("id"));
        Api.Response oldNotes = seller.get("/api/v1/leads/" + fromForm + "/notes?limit=5");
        assertEquals(301, oldNotes.status(), oldNotes::toString);
        assertTrue(oldNotes.header("location").endsWith("/api/v1/leads/" + survivor + "/notes?limit=5"),
                oldNotes.header("location"));
        Api.Response oldRating = seller.get("/api/v1/qualification/leads/" + fromFair);
        assertEquals(301, oldRating.status(), oldRating::toString);
        assertTrue(oldRating.header("location").endsWith("/api/v1/qualification/leads/" + survivor), oldRating.header("location"));
        for (Api.Response write : List.of(
                seller.put("/api/v1/leads/" + fromFair, person("X", Json.createObjectBuilder()), Map.of("If-Match", "*")),
                seller.patch("/api/v1/leads/" + fromFair, Json.createObjectBuilder().add("topic", "x").build(),
                        Map.of("If-Match", "*")),
                seller.delete("/api/v1/leads/" + fromFair, Map.of("If-Match", "*")),
                seller.post("/api/v1/leads/" + fromFair + "/notes", Json.createObjectBuilder().add("text", "x").build()),
                seller.post("/api/v1/qualification/leads/" + fromFair + "/rate"),
                seller.patch("/api/v1/leads/" + fromFair + "/recommendations/any", Json.createObjectBuilder()
                        .add("state", "DONE").build(), Map.of()))) {
            assertEquals(409, write.status(), write::toString);
            assertEquals("/problems/lead-merged", write.problemType());
            assertEquals(survivor, write.json().getString("mergedInto"));
        }

        assertEquals(Map.of(), rowsOf(List.of(fromForm, fromFair, fromMail)), "nothing is left under the merged ids");

        // They leave every list and search.
        List<String> listed = items(seller, "/api/v1/leads").stream().map(l -> l.getString("id")).toList();
        assertTrue(listed.contains(survivor));
        assertFalse(listed.contains(fromForm) || listed.contains(fromFair) || listed.contains(fromMail), listed::toString);
        assertTrue(items(seller, "/api/v1/leads?q=" + fairName).isEmpty());
        assertEquals(List.of(survivor), items(seller, "/api/v1/leads?q=" + surname).stream()
                .map(l -> l.getString("id")).toList());

        // A merged lead cannot be merged again; leads merged into a lead that is merged follow it.
        String next = lead(seller, person(name(), Json.createObjectBuilder()));
        Api.Response again = merge(seller, next, request(List.of(fromMail), null));
        assertEquals(409, again.status(), again::toString);
        assertEquals("/problems/lead-merged", again.problemType());
        assertNotNull(again.fieldError("mergedIds[0]"));
        Api.Response onward = merge(seller, next, request(List.of(survivor), null));
        assertEquals(200, onward.status(), onward::toString);
        Api.Response followed = seller.get("/api/v1/leads/" + fromForm);
        assertEquals(301, followed.status());
        assertTrue(followed.header("location").endsWith("/api/v1/leads/" + next), "no chain of redirects");
        assertEquals(2, items(seller, "/api/v1/leads/" + next + "/timeline?kind=MERGE").size(),
                "the earlier merge record moved along");
        assertEquals(2, items(seller, "/api/v1/leads/" + next + "/notes").size());
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        String survivor = lead(seller, person(name(), Json.createObjectBuilder()));
        String duplicate = lead(seller, person(name(), Json.createObjectBuilder()));
        String etag = seller.get("/api/v1/leads/" + survivor).etag();
        String unknown = UUID.randomUUID().toString();

        Api.Response r = merge(seller, survivor, request(List.of(duplicate, unknown), null));
        assertEquals(404, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds[1]"), r::toString);
        r = merge(seller, unknown, request(List.of(duplicate), null));
        assertEquals(404, r.status(), r::toString);
        r = merge(seller, survivor, request(List.of(duplicate, duplicate), null));
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds[1]"), r::toString);
        r = merge(seller, survivor, request(List.of(survivor), null));
        assertEquals(400, r.status(), r::toString);
        assertEquals("is the surviving lead itself", r.fieldError("mergedIds[0]"));
        r = merge(seller, survivor, request(List.of(), null));
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds"));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(UUID.randomUUID().toString());
        }
        r = merge(seller, survivor, request(eleven, null));
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.fieldError("mergedIds").contains("at most 10"), r::toString);
        r = merge(seller, survivor, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds"));
        r = merge(seller, survivor, Json.createObjectBuilder().add("mergedIds", Json.createArrayBuilder().add(42)).build());
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds[0]"));
        r = merge(seller, survivor, request(List.of(duplicate), Json.createObjectBuilder().add("person.shoeSize", survivor)
                .add("person.email", unknown).build()));
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("fields.person.shoeSize"), r::toString);
        assertNotNull(r.fieldError("fields.person.email"), r::toString);
        r = merge(seller, survivor, Json.createObjectBuilder(request(List.of(duplicate), null)).add("keep", "all").build());
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("keep"));
        r = seller.post("/api/v1/leads/" + survivor + "/merge?dryRun=maybe", request(List.of(duplicate), null));
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("dryRun"));
        r = seller.post("/api/v1/leads/" + survivor + "/merge", request(List.of(duplicate), null), Map.of("If-Match", "\"999\""));
        assertEquals(412, r.status(), r::toString);

        // Only open leads are merged.
        String qualified = lead(seller, person(name(), Json.createObjectBuilder()));
        assertEquals(201, seller.post("/api/v1/leads/" + qualified + "/qualify", JsonValue.EMPTY_JSON_OBJECT).status());
        r = merge(seller, survivor, request(List.of(duplicate, qualified), null));
        assertEquals(409, r.status(), r::toString);
        assertTrue(r.fieldError("mergedIds[1]").contains("QUALIFIED"), r::toString);
        r = merge(seller, qualified, request(List.of(duplicate), null));
        assertEquals(409, r.status(), r::toString);
        assertNotNull(r.fieldError("survivorId"), r::toString);
        String disqualified = lead(seller, person(name(), Json.createObjectBuilder()));
        assertEquals(200, seller.post("/api/v1/leads/" + disqualified + "/disqualify",
                Json.createObjectBuilder().add("reason", "LOST").build()).status());
        r = merge(seller, survivor, request(List.of(disqualified), null));
        assertEquals(409, r.status(), r::toString);
        assertTrue(r.fieldError("mergedIds[0]").contains("DISQUALIFIED"), r::toString);
        String deleted = lead(seller, person(name(), Json.createObjectBuilder()));
        assertEquals(204, seller.delete("/api/v1/leads/" + deleted, Map.of("If-Match", "*")).status());
        r = merge(seller, survivor, request(List.of(deleted), null));
        assertEquals(409, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds[0]"), r::toString);

        assertEquals(etag, seller.get("/api/v1/leads/" + survivor).etag(), "nothing changed");
        assertEquals(200, seller.get("/api/v1/leads/" + duplicate).status());
        assertTrue(items(seller, "/api/v1/leads/" + survivor + "/timeline?kind=MERGE").isEmpty());
    }

    @Test
    void aTenantCannotMergeOrSeeAnotherTenantsLeads() {
        String ours = lead(seller, person(name(), Json.createObjectBuilder()));
        String alsoOurs = lead(seller, person(name(), Json.createObjectBuilder()));
        String theirs = lead(otherTenant, person(name(), Json.createObjectBuilder()));
        String etag = seller.get("/api/v1/leads/" + ours).etag();

        Api.Response r = merge(otherTenant, ours, request(List.of(theirs), null));
        assertEquals(404, r.status(), r::toString);
        r = merge(otherTenant, theirs, request(List.of(ours), null));
        assertEquals(404, r.status(), r::toString);
        assertNotNull(r.fieldError("mergedIds[0]"));
        r = merge(seller, ours, request(List.of(theirs), null));
        assertEquals(404, r.status(), r::toString);
        assertEquals(etag, seller.get("/api/v1/leads/" + ours).etag());
        assertEquals(200, otherTenant.get("/api/v1/leads/" + theirs).status());

        assertEquals(200, merge(seller, ours, request(List.of(alsoOurs), null)).status());
        Api.Response peek = otherTenant.get("/api/v1/leads/" + alsoOurs);
        assertEquals(404, peek.status(), "another tenant learns nothing about a merged-away lead: " + peek);
        assertEquals(404, otherTenant.get("/api/v1/leads/" + ours + "/timeline").status());
    }

    @Test
    void twoMergesOfTheSameLeadAtOnceLeaveOneWholeMerge() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String first = lead(seller, person(name(), Json.createObjectBuilder()));
                String second = lead(seller, person(name(), Json.createObjectBuilder()));
                String contested = lead(seller, person(name(), Json.createObjectBuilder()));
                created("/api/v1/leads/" + contested + "/notes", Json.createObjectBuilder().add("text", "n1").build());
                created("/api/v1/leads/" + contested + "/notes", Json.createObjectBuilder().add("text", "n2").build());
                // The last round also merges the two survivors into each other: A<-B and B<-A.
                List<String> intoSecond = round == 2 ? List.of(contested, first) : List.of(contested);
                Future<Api.Response> a = pool.submit((Callable<Api.Response>) () ->
                        merge(seller, first, request(List.of(contested, second), null)));
                Future<Api.Response> b = pool.submit((Callable<Api.Response>) () ->
                        merge(seller, second, request(intoSecond, null)));
                List<Api.Response> answers = List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS));
                assertEquals(1, answers.stream().filter(r -> r.status() == 200).count(), answers::toString);
                Api.Response loser = answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
                assertEquals(409, loser.status(), loser::toString);
                assertTrue(loser.json().getString("detail").contains("merged"), loser::toString);
                String winner = answers.get(0).status() == 200 ? first : second;
                int notes = items(seller, "/api/v1/leads/" + winner + "/notes").size();
                assertEquals(2, notes, "both notes on the winner, none lost or doubled");
                Api.Response contestedNow = seller.get("/api/v1/leads/" + contested);
                assertEquals(301, contestedNow.status());
                assertTrue(contestedNow.header("location").endsWith(winner));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedMergeWithTheSameIdempotencyKeyAnswersTheSame() {
        String survivor = lead(seller, person(name(), Json.createObjectBuilder()));
        String duplicate = lead(seller, person(name(), Json.createObjectBuilder()));
        Map<String, String> key = Map.of("Idempotency-Key", "merge-" + UUID.randomUUID());
        Api.Response first = seller.post("/api/v1/leads/" + survivor + "/merge", request(List.of(duplicate), null), key);
        assertEquals(200, first.status(), first::toString);
        Api.Response retried = seller.post("/api/v1/leads/" + survivor + "/merge", request(List.of(duplicate), null), key);
        assertEquals(200, retried.status(), retried::toString);
        assertEquals("true", retried.header("idempotent-replayed"));
        assertEquals(first.json().getString("mergeId"), retried.json().getString("mergeId"));
        assertEquals(1, items(seller, "/api/v1/leads/" + survivor + "/timeline?kind=MERGE").size());
        Api.Response reused = seller.post("/api/v1/leads/" + survivor + "/merge",
                request(List.of(UUID.randomUUID().toString()), null), key);
        assertEquals(422, reused.status(), reused::toString);
    }

    @Test
    void fourRetriesOfOneMergeAtOnceMergeOnce() throws Exception {
        String survivor = lead(seller, person(name(), Json.createObjectBuilder()));
        String duplicate = lead(seller, person(name(), Json.createObjectBuilder()));
        created("/api/v1/leads/" + duplicate + "/notes", Json.createObjectBuilder().add("text", "once").build());
        Map<String, String> key = Map.of("Idempotency-Key", "merge-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Api.Response> answers = new ArrayList<>();
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit((Callable<Api.Response>) () -> seller.post("/api/v1/leads/" + survivor + "/merge",
                        request(List.of(duplicate), null), key)));
            }
            for (Future<Api.Response> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(answers.stream().allMatch(r -> r.status() == 200), answers::toString);
        assertEquals(3, answers.stream().filter(r -> "true".equals(r.header("idempotent-replayed"))).count(),
                answers::toString);
        assertEquals(1, answers.stream().map(r -> r.json().getString("mergeId")).distinct().count());
        assertEquals(1, items(seller, "/api/v1/leads/" + survivor + "/notes").size());
        assertEquals(1, items(seller, "/api/v1/leads/" + survivor + "/timeline?kind=MERGE").size());
    }

    @Test
    void aMergeThatFailsHalfWayLeavesEveryLeadAsItWas() {
        // The duplicate's owner left the company: taking the owner from it fails only when the
        // survivor is updated, after the timeline has moved. All of it must be undone.
        Fixtures.User leaver = Fixtures.newUser(server, tenant, "SALES");
        String survivor = lead(seller, person(name(), Json.createObjectBuilder()));
        String duplicate = lead(seller, Json.createObjectBuilder(person(name(), Json.createObjectBuilder()))
                .add("ownerId", leaver.id()).build());
        created("/api/v1/leads/" + duplicate + "/notes", Json.createObjectBuilder().add("text", "keep me").build());
        created("/api/v1/leads/" + duplicate + "/stakeholders", Json.createObjectBuilder().add("name", "Tom Kraus")
                .add("role", "GATEKEEPER").build());
        Api.Response disabled = seller.patch("/api/v1/users/" + leaver.id(),
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of("If-Match", "*"));
        assertEquals(200, disabled.status(), disabled::toString);
        String survivorEtag = seller.get("/api/v1/leads/" + survivor).etag();
        String duplicateEtag = seller.get("/api/v1/leads/" + duplicate).etag();

        Api.Response r = merge(seller, survivor, request(List.of(duplicate),
                Json.createObjectBuilder().add("ownerId", duplicate).build()));
        assertEquals(400, r.status(), r::toString);
        assertNotNull(r.fieldError("ownerId"), r::toString);

        assertEquals(survivorEtag, seller.get("/api/v1/leads/" + survivor).etag());
        assertEquals(duplicateEtag, seller.get("/api/v1/leads/" + duplicate).etag());
        assertEquals(1, items(seller, "/api/v1/leads/" + duplicate + "/notes").size());
        assertEquals(1, items(seller, "/api/v1/leads/" + duplicate + "/stakeholders").size());
        assertTrue(items(seller, "/api/v1/leads/" + survivor + "/notes").isEmpty());
        assertTrue(items(seller, "/api/v1/leads/" + survivor + "/timeline").stream()
                .noneMatch(e -> e.getString("kind").equals("MERGE")));
        assertTrue(items(seller, "/api/v1/leads?q=" + seller.get("/api/v1/leads/" + duplicate).json()
                .getJsonObject("person").getString("lastName")).size() == 1, "still found by its name");
    }

    @Test
    void erasingTheSurvivorLeavesNothingOfTheMergedLeadsEither() throws Exception {
        String survivor = lead(seller, person(name(), Json.createObjectBuilder()));
        String duplicate = lead(seller, person(name(), Json.createObjectBuilder().add("email", "erase.me@example.com")));
        created("/api/v1/leads/" + duplicate + "/notes", Json.createObjectBuilder().add("text", "private").build());
        assertEquals(200, merge(seller, survivor, request(List.of(duplicate), null)).status());
        assertEquals(301, seller.get("/api/v1/leads/" + duplicate).status());

        Api.Response erased = seller.post("/api/v1/leads/" + survivor + "/erase");
        assertEquals(204, erased.status(), erased::toString);
        assertEquals(404, seller.get("/api/v1/leads/" + survivor).status());
        Api.Response gone = seller.get("/api/v1/leads/" + duplicate);
        assertEquals(404, gone.status(), "the redirect went with the survivor: " + gone);
        assertEquals(Map.of(), rowsOf(List.of(survivor, duplicate)), "nothing of either lead is left");
    }

    @Test
    void theSurvivorKeepsItsOwnStageAndTheMergeRecordKeepsTheMergedLeadsStageHistory() {
        String survivor = lead(seller, Fixtures.minimalLead(name()));
        String advanced = lead(seller, Fixtures.tradeFairLead(name()));
        Api.Response ticked = seller.post("/api/v1/leads/" + advanced + "/process/checklist", Json.createObjectBuilder()
                .add("stage", "qualify").add("item", "The need was confirmed with the lead").add("done", true).build());
        assertEquals(200, ticked.status(), ticked::toString);
        Api.Response moved = seller.post("/api/v1/leads/" + advanced + "/process/stage",
                Json.createObjectBuilder().add("stage", "develop").build());
        assertEquals(200, moved.status(), moved::toString);
        String survivorStage = seller.get("/api/v1/leads/" + survivor + "/process").json().getString("stage");

        Api.Response merged = merge(seller, survivor, request(List.of(advanced), null));
        assertEquals(200, merged.status(), merged::toString);
        assertEquals(survivorStage, seller.get("/api/v1/leads/" + survivor + "/process").json().getString("stage"),
                "the survivor stays where it was in its process");
        assertTrue(items(seller, "/api/v1/leads/" + survivor + "/timeline?kind=STAGE_CHANGE").isEmpty(),
                "the merged lead's stage moves are not the survivor's");
        JsonObject mergedLead = items(seller, "/api/v1/leads/" + survivor + "/timeline?kind=MERGE").get(0)
                .getJsonObject("item").getJsonArray("mergedLeads").getJsonObject(0);
        assertEquals("develop", mergedLead.getString("stage"));
        assertEquals("develop", mergedLead.getJsonArray("stageHistory").getJsonObject(0).getString("to"));
    }
}
