package org.leadline.it.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * The seller's view of a lead: what happened (interactions, notes, posts, changes), who is
 * involved and who else competes, through the API of a running server.
 */
class TimelineIT {

    private static LeadlineServer server;
    private static Fixtures.TenantAdmin tenant;
    private static Api admin;
    private static Api anna;
    private static String annaId;
    private static Api ben;
    private static String benId;
    private static Api otherTenant;

    @BeforeAll
    static void aTenantWithTwoSellers() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        admin = tenant.api();
        annaId = seller("anna");
        anna = server.api().login(tenant.slug(), tenant.slug() + "-anna", "password-of-anna-" + tenant.slug());
        benId = seller("ben");
        ben = server.api().login(tenant.slug(), tenant.slug() + "-ben", "password-of-ben-" + tenant.slug());
        otherTenant = Fixtures.newTenant(server).api();
    }

    private static String seller(String name) {
        Api.Response r = admin.post("/api/v1/users", Json.createObjectBuilder()
                .add("username", tenant.slug() + "-" + name).add("displayName", name)
                .add("roles", Json.createArrayBuilder().add("SALES"))
                .add("password", "password-of-" + name + "-" + tenant.slug()).build());
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static String newLead(Api as, String lastName) {
        Api.Response r = as.post("/api/v1/leads", Fixtures.tradeFairLead(lastName));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static JsonObject call(String purpose, String occurredAt) {
        return Json.createObjectBuilder()
                .add("medium", "PHONE").add("direction", "OUTBOUND").add("purpose", purpose)
                .add("content", Json.createObjectBuilder()
                        .add("text", "Walked through the product range")
                        .add("brochure", "Leadline Product Brochure 2026")
                        .add("attachments", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "price-list.pdf")
                                        .add("reference", "dms://sales/price-list-2026.pdf"))))
                .add("occurredAt", occurredAt)
                .add("outcome", "Wants an offer by Friday")
                .build();
    }

    private static JsonObject note(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    private static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }

    private static Api.Response created(Api as, String path, JsonObject body) {
        Api.Response r = as.post(path, body);
        assertEquals(201, r.status(), () -> path + " " + r);
        return r;
    }

    /** Every entry of a list, page by page, checking the page links as it goes. */
    private static List<JsonObject> walk(Api as, String path, int limit) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            String sep = path.contains("?") ? "&" : "?";
            Api.Response r = as.get(path + sep + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, r.status(), r::toString);
            JsonArray items = r.items();
            assertTrue(items.size() <= limit);
            items.forEach(v -> all.add(v.asJsonObject()));
            JsonObject page = r.json().getJsonObject("page");
            if (!page.containsKey("nextCursor")) {
                return all;
            }
            assertEquals(limit, items.size(), "only the last page may be short");
            assertNotNull(r.header("link"));
            cursor = page.getString("nextCursor");
        }
        throw new AssertionError("pagination does not end");
    }

    @Test
    void aSellerLogsACallAndChangesItWithItsETag() {
        String lead = newLead(anna, "Call");
        String path = "/api/v1/leads/" + lead + "/interactions";
        Api.Response r = created(anna, path, call("product information", "2026-03-02T09:30:00Z"));
        JsonObject call = r.json();
        assertEquals(annaId, call.getString("employeeId"), "the employee defaults to the caller");
        assertEquals("PHONE", call.getString("medium"));
        assertEquals("OUTBOUND", call.getString("direction"));
        assertEquals("product information", call.getString("purpose"));
        assertEquals("Leadline Product Brochure 2026", call.getJsonObject("content").getString("brochure"));
        assertEquals("dms://sales/price-list-2026.pdf", call.getJsonObject("content").getJsonArray("attachments")
                .getJsonObject(0).getString("reference"));
        assertEquals("2026-03-02T09:30:00Z", call.getString("occurredAt"));
        assertTrue(r.header("location").endsWith(path + "/" + call.getString("id")));
        String item = path + "/" + call.getString("id");

        Api.Response read = anna.get(item);
        assertEquals(200, read.status());
        assertEquals(r.etag(), read.etag());
        assertEquals(call, read.json());

        JsonObject changed = Json.createObjectBuilder(call.asJsonObject()).add("outcome", "Offer requested")
                .add("employeeId", benId).build();
        assertEquals(428, anna.put(item, changed, Map.of()).status());
        Api.Response put = anna.put(item, changed, ifMatch(r.etag()));
        assertEquals(200, put.status(), put::toString);
        assertEquals("Offer requested", put.json().getString("outcome"));
        assertEquals(benId, put.json().getString("employeeId"));
        assertNotEquals(r.etag(), put.etag());
        Api.Response stale = anna.put(item, changed, ifMatch(r.etag()));
        assertEquals(412, stale.status());
        assertEquals("/problems/precondition-failed", stale.problemType());

        Api.Response patched = ben.patch(item, Json.createObjectBuilder().add("medium", "MEETING")
                .add("purpose", JsonValue.NULL).build(), ifMatch(put.etag()));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("MEETING", patched.json().getString("medium"));
        assertFalse(patched.json().containsKey("purpose"));
        assertEquals("Offer requested", patched.json().getString("outcome"));

        assertEquals(1, walk(anna, path, 10).size());
        Api.Response deleted = anna.delete(item, ifMatch(patched.etag()));
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, anna.get(item).status());
        assertEquals(0, walk(anna, path, 10).size());

        // The change and the deletion stay in the audit history, with who did it.
        List<JsonObject> audit = walk(anna, "/api/v1/leads/" + lead + "/audit?subject=INTERACTION", 10);
        assertEquals(List.of("DELETED", "UPDATED", "UPDATED"), audit.stream().map(a -> a.getString("change")).toList());
        assertEquals(annaId, audit.get(0).getString("actorId"));
        assertEquals(benId, audit.get(1).getString("actorId"));
        JsonObject mediumChange = change(audit.get(1), "medium");
        assertEquals("PHONE", mediumChange.getString("from"));
        assertEquals("MEETING", mediumChange.getString("to"));
        assertEquals(JsonValue.NULL, change(audit.get(1), "purpose").get("to"));
    }

    private static JsonObject change(JsonObject auditEntry, String field) {
        return auditEntry.getJsonArray("changes").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("field").equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not in " + auditEntry));
    }

    @Test
    void aNoteIsEditedOnlyByItsAuthorOrATenantAdminAndKeepsItsHistory() {
        String lead = newLead(anna, "Notes");
        String notes = "/api/v1/leads/" + lead + "/notes";
        Api.Response written = created(anna, notes, note("Prefers calls in the morning"));
        assertEquals(annaId, written.json().getString("authorId"));
        String note = notes + "/" + written.json().getString("id");

        Api.Response byBen = ben.patch(note, note("Prefers e-mail"), ifMatch(written.etag()));
        assertEquals(403, byBen.status(), byBen::toString);
        assertEquals("/problems/forbidden", byBen.problemType());
        assertEquals(403, ben.delete(note, ifMatch(written.etag())).status());
        assertEquals(403, ben.put(note, note("Prefers e-mail"), ifMatch(written.etag())).status());
        assertEquals("Prefers calls in the morning", anna.get(note).json().getString("text"), "Ben changed nothing");

        Api.Response byAnna = anna.patch(note, note("Prefers calls before 10am"), ifMatch(written.etag()));
        assertEquals(200, byAnna.status(), byAnna::toString);
        assertEquals(1, byAnna.json().getInt("revisions"));
        Api.Response byAdmin = admin.put(note, note("Prefers calls before 10am, never on Mondays"),
                ifMatch(byAnna.etag()));
        assertEquals(200, byAdmin.status(), byAdmin::toString);
        assertEquals(annaId, byAdmin.json().getString("authorId"), "the author stays the author");
        assertEquals(2, byAdmin.json().getInt("revisions"));

        List<JsonObject> history = walk(anna, note + "/history", 1);
        assertEquals(2, history.size());
        assertEquals("Prefers calls before 10am", history.get(0).getString("text"));
        assertEquals(annaId, history.get(0).getString("writtenBy"));
        String adminId = admin.get("/api/v1/auth/me").json().getString("id");
        assertEquals(adminId, history.get(0).getString("replacedBy"));
        assertEquals("Prefers calls in the morning", history.get(1).getString("text"));
        assertEquals(annaId, history.get(1).getString("replacedBy"));
        assertTrue(Instant.parse(history.get(1).getString("replacedAt"))
                .isBefore(Instant.parse(history.get(0).getString("replacedAt"))));
        // Ben may read the note and its history, just not change it.
        assertEquals(200, ben.get(note + "/history").status());

        Api.Response gone = admin.delete(note, ifMatch(byAdmin.etag()));
        assertEquals(204, gone.status(), gone::toString);
        assertEquals(404, anna.get(note + "/history").status());
    }

    @Test
    void socialPostsStakeholdersAndCompetitorsAreKeptOnTheLead() {
        String lead = newLead(anna, "Parties");
        String base = "/api/v1/leads/" + lead;

        Api.Response byLead = created(anna, base + "/social-posts", Json.createObjectBuilder()
                .add("network", "LinkedIn").add("author", "lead").add("url", "https://linkedin.example/p/1")
                .add("text", "Looking for a CRM that our sales team actually likes").add("postedAt", "2026-02-01T08:00:00Z")
                .build());
        assertEquals("LEAD", byLead.json().getString("author"));
        Api.Response byBen = created(anna, base + "/social-posts", Json.createObjectBuilder()
                .add("network", "LinkedIn").add("author", benId).add("text", "Great talk at the fair!")
                .add("postedAt", "2026-02-02T08:00:00Z").build());
        assertEquals(benId, byBen.json().getString("author"));
        List<JsonObject> posts = walk(anna, base + "/social-posts", 10);
        assertEquals(List.of(byBen.json().getString("id"), byLead.json().getString("id")),
                posts.stream().map(p -> p.getString("id")).toList(), "newest post first");
        Api.Response postEdit = anna.patch(base + "/social-posts/" + byLead.json().getString("id"),
                Json.createObjectBuilder().add("network", "Xing").build(), ifMatch(byLead.etag()));
        assertEquals(200, postEdit.status(), postEdit::toString);
        assertEquals("Xing", postEdit.json().getString("network"));

        Api.Response decider = created(anna, base + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Dr. Eva Berg").add("role", "DECISION_MAKER").add("jobTitle", "CFO")
                .add("email", "eva.berg@acme.example").add("phone", "+49 30 555 0101").build());
        assertEquals("UNKNOWN", decider.json().getString("attitude"), "attitude defaults to UNKNOWN");
        created(anna, base + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Tom Kraus").add("role", "GATEKEEPER").add("attitude", "OPPOSED").build());
        String eva = base + "/stakeholders/" + decider.json().getString("id");
        Api.Response supportive = ben.patch(eva, Json.createObjectBuilder().add("attitude", "SUPPORTIVE").build(),
                ifMatch(decider.etag()));
        assertEquals(200, supportive.status(), supportive::toString);
        assertEquals("SUPPORTIVE", supportive.json().getString("attitude"));
        assertEquals("CFO", supportive.json().getString("jobTitle"));
        List<JsonObject> stakeholders = walk(anna, base + "/stakeholders", 1);
        assertEquals(List.of("Dr. Eva Berg", "Tom Kraus"), stakeholders.stream().map(s -> s.getString("name")).toList());

        Api.Response rival = created(anna, base + "/competitors", Json.createObjectBuilder()
                .add("name", "BigCRM Inc.").add("offer", "40,000 EUR per year, 3-year term")
                .add("strengths", "Brand").add("weaknesses", "Slow implementation").add("status", "ACTIVE").build());
        String rivalPath = base + "/competitors/" + rival.json().getString("id");
        Api.Response out = anna.put(rivalPath, Json.createObjectBuilder(rival.json()).add("status", "ELIMINATED").build(),
                ifMatch(rival.etag()));
        assertEquals(200, out.status(), out::toString);
        assertEquals("ELIMINATED", out.json().getString("status"));
        assertEquals(1, walk(anna, base + "/competitors", 5).size());
        assertEquals(204, anna.delete(rivalPath, ifMatch(out.etag())).status());
        assertEquals(0, walk(anna, base + "/competitors", 5).size());

        // Stakeholders and competitors are not timeline items themselves: their changes are audited.
        List<JsonObject> evaAudit = walk(anna, base + "/audit?subjectId=" + decider.json().getString("id"), 10);
        assertEquals(List.of("UPDATED", "CREATED"), evaAudit.stream().map(a -> a.getString("change")).toList());
        assertEquals("UNKNOWN", change(evaAudit.get(0), "attitude").getString("from"));
        assertEquals("SUPPORTIVE", change(evaAudit.get(0), "attitude").getString("to"));
        assertEquals(benId, evaAudit.get(0).getString("actorId"));
        assertEquals("Dr. Eva Berg", change(evaAudit.get(1), "name").getString("to"));
        List<JsonObject> competitorAudit = walk(anna, base + "/audit?subject=COMPETITOR", 10);
        assertEquals(List.of("DELETED", "UPDATED", "CREATED"),
                competitorAudit.stream().map(a -> a.getString("change")).toList());
    }

    @Test
    void everyChangedLeadFieldIsAuditedWithWhoFromWhatToWhat() {
        String lead = newLead(anna, "Audit");
        String path = "/api/v1/leads/" + lead;
        String etag = anna.get(path).etag();
        Api.Response patched = ben.patch(path, Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("email", "new.address@acme.example"))
                .add("qualification", Json.createObjectBuilder()
                        .add("budget", Json.createObjectBuilder().add("amount", 75000)))
                .build(), ifMatch(etag));
        assertEquals(200, patched.status(), patched::toString);
        // A write that changes nothing records nothing.
        Api.Response same = ben.patch(path, Json.createObjectBuilder().add("topic", "CRM for the sales team").build(),
                ifMatch(patched.etag()));
        assertEquals(200, same.status(), same::toString);

        List<JsonObject> history = walk(anna, path + "/audit?subject=LEAD", 10);
        assertEquals(2, history.size(), () -> history.toString());
        JsonObject update = history.get(0);
        assertEquals("UPDATED", update.getString("change"));
        assertEquals(benId, update.getString("actorId"));
        assertEquals(2, update.getJsonArray("changes").size(), update::toString);
        JsonObject email = change(update, "person.email");
        assertEquals("audit@acme.example", email.getString("from"));
        assertEquals("new.address@acme.example", email.getString("to"));
        JsonObject budget = change(update, "qualification.budget.amount");
        assertEquals(0, new java.math.BigDecimal(budget.getString("from")).compareTo(new java.math.BigDecimal("50000")));
        assertEquals(0, new java.math.BigDecimal(budget.getString("to")).compareTo(new java.math.BigDecimal("75000")));

        JsonObject creation = history.get(1);
        assertEquals("CREATED", creation.getString("change"));
        assertEquals(annaId, creation.getString("actorId"));
        assertEquals("Audit", change(creation, "person.lastName").getString("to"));
        assertEquals(JsonValue.NULL, change(creation, "person.lastName").get("from"));

        List<JsonObject> emailOnly = walk(anna, path + "/audit?field=person.email", 10);
        assertEquals(2, emailOnly.size(), "created and changed");
        assertEquals(0, walk(anna, path + "/audit?field=company.name&subject=LEAD", 10).stream()
                .filter(e -> e.getString("change").equals("UPDATED")).count());
    }

    @Test
    void theTimelineMergesEveryKindNewestFirstAndFilters() {
        String lead = newLead(anna, "Timeline");
        String base = "/api/v1/leads/" + lead;
        String oldCall = created(anna, base + "/interactions", call("product information", "2026-01-05T10:00:00Z"))
                .json().getString("id");
        String post = created(anna, base + "/social-posts", Json.createObjectBuilder().add("network", "LinkedIn")
                .add("author", "LEAD").add("text", "Evaluating CRMs").add("postedAt", "2026-01-10T10:00:00Z").build())
                .json().getString("id");
        String bensCall = created(ben, base + "/interactions", Json.createObjectBuilder().add("medium", "EMAIL")
                .add("direction", "INBOUND").add("purpose", "pricing question").add("occurredAt", "2026-01-20T10:00:00Z")
                .build()).json().getString("id");
        String note = created(anna, base + "/notes", note("Budget confirmed on the phone")).json().getString("id");

        List<JsonObject> all = walk(anna, base + "/timeline", 50);
        List<String> order = all.stream().map(e -> e.getString("id")).toList();
        // The lead's own creation audit and the note are from today; the rest happened in January.
        assertEquals(Set.of("AUDIT", "NOTE", "INTERACTION", "SOCIAL_POST"),
                Set.copyOf(all.stream().map(e -> e.getString("kind")).toList()));
        assertTrue(order.indexOf(note) < order.indexOf(bensCall));
        assertEquals(List.of(bensCall, post, oldCall), order.subList(order.size() - 3, order.size()));
        for (int i = 1; i < all.size(); i++) {
            assertFalse(Instant.parse(all.get(i).getString("occurredAt"))
                    .isAfter(Instant.parse(all.get(i - 1).getString("occurredAt"))), "newest first");
        }
        JsonObject noteEntry = all.get(order.indexOf(note));
        assertEquals(annaId, noteEntry.getString("employeeId"));
        assertEquals("Budget confirmed on the phone", noteEntry.getJsonObject("item").getString("text"));
        assertEquals("pricing question", all.get(order.indexOf(bensCall)).getJsonObject("item").getString("purpose"));
        JsonObject postEntry = all.get(order.indexOf(post));
        assertEquals(JsonValue.NULL, postEntry.get("employeeId"), "the lead wrote that post");

        List<JsonObject> calls = walk(anna, base + "/timeline?kind=INTERACTION", 50);
        assertEquals(List.of(bensCall, oldCall), calls.stream().map(e -> e.getString("id")).toList());
        List<JsonObject> callsAndNotes = walk(anna.lenient(), base + "/timeline?kind=interaction,NOTE", 50);
        assertEquals(List.of(note, bensCall, oldCall), callsAndNotes.stream().map(e -> e.getString("id")).toList());
        assertEquals(callsAndNotes, walk(anna, base + "/timeline?kind=INTERACTION&kind=NOTE", 50));

        List<JsonObject> bens = walk(anna, base + "/timeline?employeeId=" + benId, 50);
        assertEquals(List.of(bensCall), bens.stream().map(e -> e.getString("id")).toList());
        List<JsonObject> mine = walk(ben, base + "/timeline?employeeId=me&kind=INTERACTION", 50);
        assertEquals(List.of(bensCall), mine.stream().map(e -> e.getString("id")).toList());

        // Moving a call in time moves it on the timeline; deleting it leaves only its audit entry.
        Api.Response call = anna.get(base + "/interactions/" + oldCall);
        Api.Response moved = anna.patch(base + "/interactions/" + oldCall, Json.createObjectBuilder()
                .add("occurredAt", "2026-01-25T10:00:00Z").build(), ifMatch(call.etag()));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(List.of(oldCall, bensCall), walk(anna, base + "/timeline?kind=INTERACTION", 50).stream()
                .map(e -> e.getString("id")).toList());
        assertEquals(204, anna.delete(base + "/interactions/" + oldCall, ifMatch(moved.etag())).status());
        assertEquals(List.of(bensCall), walk(anna, base + "/timeline?kind=INTERACTION", 50).stream()
                .map(e -> e.getString("id")).toList());
        JsonObject deletion = walk(anna, base + "/timeline?kind=AUDIT", 50).get(0);
        assertEquals("DELETED", deletion.getJsonObject("item").getString("change"));
        assertEquals(oldCall, deletion.getJsonObject("item").getJsonObject("subject").getString("id"));
    }

    @Test
    void paginationWalksTheWholeTimelineWithoutGapsOrRepeats() {
        String lead = newLead(anna, "Paging");
        String base = "/api/v1/leads/" + lead;
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            // Several calls share a time, so the order must break ties by id.
            String at = "2026-01-" + String.format("%02d", 1 + i / 3) + "T09:00:00Z";
            expected.add(created(i % 2 == 0 ? anna : ben, base + "/interactions",
                    call("follow-up " + i, at)).json().getString("id"));
        }
        for (int i = 0; i < 6; i++) {
            expected.add(created(anna, base + "/notes", note("note " + i)).json().getString("id"));
        }
        for (int limit : new int[] {1, 4, 7}) {
            List<JsonObject> entries = walk(anna, base + "/timeline?kind=INTERACTION&kind=NOTE", limit);
            List<String> ids = entries.stream().map(e -> e.getString("id")).toList();
            assertEquals(expected.size(), ids.size(), "limit " + limit);
            assertEquals(expected, Set.copyOf(ids), "limit " + limit);
            for (int i = 1; i < entries.size(); i++) {
                Instant prev = Instant.parse(entries.get(i - 1).getString("occurredAt"));
                Instant cur = Instant.parse(entries.get(i).getString("occurredAt"));
                assertTrue(cur.isBefore(prev) || cur.equals(prev) && ids.get(i).compareTo(ids.get(i - 1)) < 0,
                        "a stable total order at " + i);
            }
        }
        List<JsonObject> calls = walk(anna, base + "/interactions", 5);
        assertEquals(23, Set.copyOf(calls.stream().map(c -> c.getString("id")).toList()).size());
        List<JsonObject> notes = walk(anna, base + "/notes", 4);
        assertEquals(6, notes.size());
        assertEquals("note 5", notes.get(0).getString("text"), "newest note first");
    }

    @Test
    void sellersWritingAtTheSameTimeLoseNothingAndALongTimelinePagesQuickly() throws Exception {
        String lead = newLead(anna, "Busy");
        String base = "/api/v1/leads/" + lead;
        int writers = 6;
        int perWriter = 200;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                Api as = writer % 2 == 0 ? anna : ben;
                for (int i = 0; i < perWriter; i++) {
                    Api.Response r = i % 2 == 0
                            ? as.post(base + "/notes", note("note " + writer + "/" + i))
                            : as.post(base + "/interactions", call("follow-up " + writer + "/" + i,
                                    "2026-0" + (1 + i % 9) + "-1" + (i % 10) + "T09:00:00Z"));
                    assertEquals(201, r.status(), r::toString);
                    ids.add(r.json().getString("id"));
                }
                return ids;
            }));
        }
        Set<String> expected = new HashSet<>();
        try {
            for (var f : results) {
                expected.addAll(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
        } catch (java.util.concurrent.ExecutionException e) {
            String log = server.log();
            System.out.println(log.substring(Math.max(0, log.length() - 30000)));
            throw e;
        }
        pool.shutdown();
        assertEquals(writers * perWriter, expected.size());

        long start = System.nanoTime();
        List<JsonObject> entries = walk(anna, base + "/timeline?kind=NOTE&kind=INTERACTION", 100);
        long walkMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(expected, Set.copyOf(entries.stream().map(e -> e.getString("id")).toList()));
        assertEquals(expected.size(), entries.size());
        // The deepest page costs what the first one does: a keyset range scan, not an offset.
        long first = timed(() -> anna.get(base + "/timeline?limit=100"));
        List<String> cursors = pageCursors(base, 100);
        String lastCursor = cursors.get(cursors.size() - 1);
        long last = timed(() -> anna.get(base + "/timeline?limit=100&cursor="
                + URLEncoder.encode(lastCursor, StandardCharsets.UTF_8)));
        System.out.printf("timeline of %d entries: walked in %d ms; first page %d ms, last page %d ms%n",
                entries.size(), walkMillis, first, last);
        assertTrue(last < 2000, "last page took " + last + " ms");
    }

    private static List<String> pageCursors(String base, int limit) {
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        while (true) {
            Api.Response r = anna.get(base + "/timeline?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            JsonObject page = r.json().getJsonObject("page");
            if (!page.containsKey("nextCursor")) {
                return cursors;
            }
            cursor = page.getString("nextCursor");
            cursors.add(cursor);
        }
    }

    private static long timed(Runnable request) {
        request.run(); // warm
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void anotherTenantSeesNoneOfTheLeadsTimeline() {
        String lead = newLead(anna, "Private");
        String base = "/api/v1/leads/" + lead;
        String callId = created(anna, base + "/interactions", call("product information", "2026-01-05T10:00:00Z"))
                .json().getString("id");
        String noteId = created(anna, base + "/notes", note("secret")).json().getString("id");
        String postId = created(anna, base + "/social-posts", Json.createObjectBuilder().add("network", "X")
                .add("author", "LEAD").add("text", "hi").add("postedAt", "2026-01-05T10:00:00Z").build())
                .json().getString("id");
        String stakeholderId = created(anna, base + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Eva").add("role", "CHAMPION").build()).json().getString("id");
        String competitorId = created(anna, base + "/competitors", Json.createObjectBuilder()
                .add("name", "Rival").build()).json().getString("id");

        for (String path : List.of("/timeline", "/audit", "/interactions", "/notes", "/social-posts", "/stakeholders",
                "/competitors", "/interactions/" + callId, "/notes/" + noteId, "/notes/" + noteId + "/history",
                "/social-posts/" + postId, "/stakeholders/" + stakeholderId, "/competitors/" + competitorId)) {
            Api.Response r = otherTenant.get(base + path);
            assertEquals(404, r.status(), () -> path + " " + r);
            assertEquals("/problems/not-found", r.problemType());
        }
        assertEquals(404, otherTenant.post(base + "/notes", note("mine now")).status());
        assertEquals(404, otherTenant.delete(base + "/notes/" + noteId, ifMatch("*")).status());
        assertEquals(404, otherTenant.patch(base + "/stakeholders/" + stakeholderId,
                Json.createObjectBuilder().add("name", "X").build(), ifMatch("*")).status());
        assertEquals("secret", anna.get(base + "/notes/" + noteId).json().getString("text"));

        // An item of one lead is not reachable under another lead either.
        String otherLead = newLead(anna, "Elsewhere");
        assertEquals(404, anna.get("/api/v1/leads/" + otherLead + "/notes/" + noteId).status());

        // Nor can another tenant name this tenant's seller as its employee.
        String theirLead = newLead(otherTenant, "Theirs");
        Api.Response r = otherTenant.post("/api/v1/leads/" + theirLead + "/interactions", Json.createObjectBuilder()
                .add("medium", "PHONE").add("direction", "INBOUND").add("employeeId", annaId).build());
        assertEquals(400, r.status(), r::toString);
        assertEquals("is not a user of this tenant", r.fieldError("employeeId"));
        assertEquals(0, walk(otherTenant, "/api/v1/leads/" + theirLead + "/interactions", 5).size());
    }

    @Test
    void badInputOnEveryEndpointGetsAProblemNamingTheField() {
        String lead = newLead(anna, "Bad");
        String base = "/api/v1/leads/" + lead;

        Api.Response r = anna.post(base + "/interactions", Json.createObjectBuilder()
                .add("medium", "PIGEON").add("purpose", "x".repeat(201)).add("occurredAt", "yesterday")
                .add("mood", "good").add("employeeId", "nobody")
                .add("content", Json.createObjectBuilder().add("attachments", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "a.pdf"))
                        .add("just-a-string")))
                .build());
        assertProblem(r, "medium", "direction", "purpose", "occurredAt", "mood",
                "content.attachments[0].reference", "content.attachments[1]");
        assertTrue(r.fieldError("medium").contains("PHONE"), r::toString);
        r = anna.post(base + "/interactions", Json.createObjectBuilder().add("medium", "PHONE")
                .add("direction", "INBOUND").add("employeeId", "nobody").add("content", Json.createObjectBuilder()
                        .add("attachments", Json.createObjectBuilder())).build());
        assertProblem(r, "content.attachments");
        r = anna.post(base + "/interactions", Json.createObjectBuilder().add("medium", "PHONE")
                .add("direction", "INBOUND").add("employeeId", "nobody").build());
        assertProblem(r, "employeeId");
        var many = Json.createArrayBuilder();
        for (int i = 0; i < 21; i++) {
            many.add(Json.createObjectBuilder().add("name", "f" + i).add("reference", "r" + i));
        }
        assertProblem(anna.post(base + "/interactions", Json.createObjectBuilder().add("medium", "PHONE")
                .add("direction", "INBOUND").add("content", Json.createObjectBuilder().add("attachments", many)).build()),
                "content.attachments");

        assertProblem(anna.post(base + "/notes", Json.createObjectBuilder().add("text", " ").build()), "text");
        assertProblem(anna.post(base + "/notes", note("x".repeat(10001))), "text");
        assertProblem(anna.post(base + "/notes", Json.createObjectBuilder().add("text", 42).build()), "text");
        Api.Response note = created(anna, base + "/notes", note("fine"));
        assertProblem(anna.patch(base + "/notes/" + note.json().getString("id"),
                Json.createObjectBuilder().add("authorId", benId).build(), ifMatch(note.etag())), "authorId");

        assertProblem(anna.post(base + "/social-posts", Json.createObjectBuilder().add("author", "SOMEONE")
                .add("url", "not a url").add("postedAt", "2026-01-01").build()),
                "network", "author", "url", "postedAt");
        assertProblem(anna.post(base + "/social-posts", Json.createObjectBuilder().add("network", "X")
                .add("author", "LEAD").add("postedAt", "2026-01-01T00:00:00Z").build()), "text");

        assertProblem(anna.post(base + "/stakeholders", Json.createObjectBuilder().add("role", "BOSS")
                .add("email", "not-mail").add("phone", "call me").add("attitude", "HAPPY").build()),
                "name", "role", "email", "phone", "attitude");
        Api.Response competitor = anna.post(base + "/competitors", Json.createObjectBuilder()
                .add("name", "x".repeat(201)).add("offer", "y".repeat(2001)).add("status", "LOST")
                .add("id", "0190b6a0-0000-7000-8000-000000000000").build());
        assertProblem(competitor, "name", "offer", "status", "id");

        Api.Response malformed = anna.send("POST", base + "/notes", "{\"text\":", "application/json", Map.of());
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("/problems/malformed-json", malformed.problemType());
        Api.Response notAnObject = anna.send("POST", base + "/competitors", "[1]", "application/json", Map.of());
        assertEquals(400, notAnObject.status(), notAnObject::toString);

        for (String list : List.of("/timeline", "/audit", "/interactions", "/notes", "/social-posts", "/stakeholders",
                "/competitors")) {
            Api.Response badCursor = anna.get(base + list + "?cursor=garbage");
            assertEquals(400, badCursor.status(), () -> list + " " + badCursor);
            assertNotNull(badCursor.fieldError("cursor"), list);
            Api.Response badLimit = anna.get(base + list + "?limit=0");
            assertEquals(400, badLimit.status(), () -> list + " " + badLimit);
            assertNotNull(badLimit.fieldError("limit"), list);
        }
        Api.Response badKind = anna.get(base + "/timeline?kind=GOSSIP");
        assertEquals(400, badKind.status());
        assertNotNull(badKind.fieldError("kind"));
        assertNotNull(anna.get(base + "/timeline?employeeId=someone").fieldError("employeeId"));
        assertNotNull(anna.get(base + "/audit?subject=WEATHER").fieldError("subject"));
        assertNotNull(anna.get(base + "/audit?subjectId=x").fieldError("subjectId"));
        // A cursor of one list is refused by another.
        created(anna, base + "/notes", note("second"));
        String cursor = anna.get(base + "/notes?limit=1").json().getJsonObject("page").getString("nextCursor");
        assertEquals(400, anna.get(base + "/timeline?cursor=" + cursor).status());

        assertEquals(404, anna.get("/api/v1/leads/not-an-id/timeline").status());
        assertEquals(404, anna.get(base + "/interactions/not-an-id").status());
        assertEquals(404, anna.get(base + "/interactions/0190b6a0-0000-7000-8000-000000000000").status());

        Api.Response unauthenticated = server.api().get(base + "/timeline");
        assertEquals(401, unauthenticated.status());
    }

    private static void assertProblem(Api.Response r, String... fields) {
        assertEquals(400, r.status(), r::toString);
        assertEquals("/problems/validation", r.problemType(), r::toString);
        for (String field : fields) {
            assertNotNull(r.fieldError(field), () -> field + " not named in " + r);
        }
    }

    @Test
    void deletingALeadRemovesItsTimelineStakeholdersAndCompetitors() throws Exception {
        String lead = newLead(anna, "Gone");
        String base = "/api/v1/leads/" + lead;
        created(anna, base + "/interactions", call("product information", "2026-01-05T10:00:00Z"));
        Api.Response note = created(anna, base + "/notes", note("first"));
        assertEquals(200, anna.patch(base + "/notes/" + note.json().getString("id"), note("second"),
                ifMatch(note.etag())).status());
        created(anna, base + "/social-posts", Json.createObjectBuilder().add("network", "X").add("author", "LEAD")
                .add("text", "hi").add("postedAt", "2026-01-05T10:00:00Z").build());
        created(anna, base + "/stakeholders", Json.createObjectBuilder().add("name", "Eva").add("role", "USER").build());
        created(anna, base + "/competitors", Json.createObjectBuilder().add("name", "Rival").build());
        String keep = newLead(anna, "Kept");
        created(anna, "/api/v1/leads/" + keep + "/notes", note("still here"));

        Api.Response deleted = anna.delete(base, ifMatch(anna.get(base).etag()));
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, anna.get(base + "/timeline").status());
        assertEquals(1, walk(anna, "/api/v1/leads/" + keep + "/notes", 10).size(), "other leads keep theirs");
        // Deleting is soft (a tenant administrator may restore the lead); erasing removes it for good.
        assertEquals(204, admin.post(base + "/erase").status());

        if (LeadlineServer.onPostgresql()) {
            // Nothing of the lead is left behind in any table.
            String database = "leadline_it_" + server.workDir().getFileName().toString()
                    .replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
            String url = System.getProperty("leadline.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/") + database;
            try (Connection c = DriverManager.getConnection(url,
                    System.getProperty("leadline.it.pg.user", "postgres"), "")) {
                for (String table : List.of("timeline_entries", "lead_stage_changes", "interactions", "notes", "note_revisions",
                        "social_posts", "audit_entries", "audit_changes", "stakeholders", "competitors")) {
                    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE lead_id = ?")) {
                        s.setString(1, lead);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            assertEquals(0, rs.getInt(1), table);
                        }
                    }
                }
            }
        }
    }
}
