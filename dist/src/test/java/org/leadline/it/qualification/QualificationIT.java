package org.leadline.it.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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
 * Qualification through the API of a running server: the tenant's rules rate leads as they change,
 * a new rule set re-rates every lead in a job, and the built-in BANT plugin adds its points.
 */
class QualificationIT {

    static final String RULES = "/api/v1/qualification/rules";

    private static LeadlineServer server;

    @BeforeAll
    static void start() {
        server = LeadlineServer.shared();
    }

    /** A tenant whose leads are rated by its own rules alone (the BANT plugin switched off). */
    private static Api tenantWithoutPlugins() {
        Api admin = Fixtures.newTenant(server).api();
        Api.Response off = admin.post("/api/v1/extensions/scoring-bant/bant/disable");
        assertEquals(200, off.status(), off::toString);
        return admin;
    }

    static JsonObject rule(String id, int points, JsonObjectBuilder when) {
        JsonObjectBuilder r = Json.createObjectBuilder().add("id", id).add("points", points);
        if (when != null) {
            r.add("when", when);
        }
        return r.build();
    }

    static JsonObject ruleSet(JsonObject... rules) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (JsonObject r : rules) {
            a.add(r);
        }
        return Json.createObjectBuilder().add("thresholds", Json.createObjectBuilder().add("hot", 60).add("warm", 30))
                .add("rules", a).build();
    }

    static JsonObject budgetAndNeed() {
        return Json.createObjectBuilder(rule("budget-and-need", 50, Json.createObjectBuilder().add("all", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("budgetAtLeast", Json.createObjectBuilder().add("amount", 20000).add("currency", "EUR")))
                        .add(Json.createObjectBuilder().add("present", "need")))))
                .add("name", "Budget and need match")
                .add("recommend", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Send a proposal")
                        .add("kind", "PROPOSAL").add("priority", "HIGH").add("dueInDays", 3)))
                .build();
    }

    static JsonObject fromTheFair() {
        return rule("trade-fair", 20, Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder().add("TRADE_FAIR")));
    }

    static int save(Api admin, JsonObject set) {
        Api.Response r = admin.put(RULES, set, Map.of());
        assertEquals(201, r.status(), r::toString);
        return r.json().getInt("version");
    }

    static String lead(Api as, JsonObject body) {
        Api.Response r = as.post("/api/v1/leads", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    static JsonObject qualification(Api as, String leadId) {
        Api.Response r = as.get("/api/v1/leads/" + leadId);
        assertEquals(200, r.status(), r::toString);
        assertEquals("scoring", r.json().keySet().iterator().next(), "the scoring comes first");
        return r.json().getJsonObject("scoring");
    }

    static JsonObject finished(Api as, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Api.Response r = as.get("/api/v1/qualification/jobs/" + jobId);
            assertEquals(200, r.status(), r::toString);
            if (!r.json().getString("state").equals("RUNNING")) {
                return r.json();
            }
            assertTrue(System.nanoTime() < deadline, "job still running: " + r.body());
            Thread.sleep(200);
        }
    }

    @Test
    void aTradeFairLeadWhoseBudgetAndNeedMatchIsHotAndAsksForAProposal() {
        Api admin = tenantWithoutPlugins();
        int version = save(admin, ruleSet(budgetAndNeed(), fromTheFair()));
        assertEquals(1, version);
        String id = lead(admin, Fixtures.tradeFairLead("Fairgoer"));

        JsonObject q = qualification(admin, id);
        assertEquals("HOT", q.getString("rating"));
        assertEquals(70, q.getInt("score"));
        assertEquals(1, q.getInt("ruleSetVersion"));
        JsonObject reason = q.getJsonArray("reasons").getJsonObject(0);
        assertEquals("budget-and-need", reason.getString("id"));
        assertEquals(50, reason.getInt("points"));
        assertTrue(reason.getString("text").startsWith("Budget and need match"), reason::toString);
        JsonObject proposal = q.getJsonArray("recommendations").getJsonObject(0);
        assertEquals("Send a proposal", proposal.getString("text"));
        assertEquals("PROPOSAL", proposal.getString("kind"));
        assertEquals("HIGH", proposal.getString("priority"));
        Instant due = Instant.parse(proposal.getString("dueBy"));
        assertTrue(Math.abs(ChronoUnit.HOURS.between(Instant.now().plus(3, ChronoUnit.DAYS), due)) <= 1, due::toString);

        JsonObject listed = admin.get("/api/v1/leads?q=Fairgoer").items().getJsonObject(0);
        assertEquals("HOT", listed.getString("rating"));
        assertEquals(70, listed.getInt("score"));

        assertTrue(admin.get("/api/v1/leads/" + id + "/timeline").items().stream().map(JsonValue::asJsonObject)
                .noneMatch(e -> e.getString("kind").equals("RATING_CHANGE")), "a first rating is not a change");

        // A change of the lead rates it again at once: without need the budget rule gives nothing.
        String etag = admin.get("/api/v1/leads/" + id).etag();
        Api.Response patched = admin.patch("/api/v1/leads/" + id, Json.createObjectBuilder()
                .add("qualification", Json.createObjectBuilder().add("need", JsonValue.NULL)).build(), Map.of("If-Match", etag));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("COLD", patched.json().getString("rating"));
        assertEquals(20, patched.json().getJsonObject("scoring").getInt("score"));
        assertEquals(0, patched.json().getJsonObject("scoring").getJsonArray("recommendations").size());
        List<JsonObject> changes = admin.get("/api/v1/leads/" + id + "/timeline?kind=RATING_CHANGE").items().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(1, changes.size(), changes::toString);
        assertEquals("HOT", changes.get(0).getJsonObject("item").getString("from"));
        assertEquals("COLD", changes.get(0).getJsonObject("item").getString("to"));
    }

    @Test
    void aDecisionMakerAmongTheStakeholdersAndRecentCallsRaiseTheScore() {
        Api admin = tenantWithoutPlugins();
        save(admin, ruleSet(
                rule("decider", 30, Json.createObjectBuilder().add("decisionMakerKnown", true)),
                rule("engaged", 10, Json.createObjectBuilder().add("all", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("interactionsAtLeast", 1))
                        .add(Json.createObjectBuilder().add("contactedWithinDays", 7))))));
        String id = lead(admin, Fixtures.minimalLead("Stakeholders"));
        assertEquals(0, qualification(admin, id).getInt("score"));

        Api.Response gatekeeper = admin.post("/api/v1/leads/" + id + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Tom Kraus").add("role", "GATEKEEPER").build());
        assertEquals(201, gatekeeper.status(), gatekeeper::toString);
        assertEquals(0, qualification(admin, id).getInt("score"));

        Api.Response decider = admin.post("/api/v1/leads/" + id + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Dr. Eva Berg").add("role", "DECISION_MAKER").build());
        assertEquals(201, decider.status(), decider::toString);
        JsonObject q = qualification(admin, id);
        assertEquals(30, q.getInt("score"));
        assertEquals("WARM", q.getString("rating"));

        Api.Response call = admin.post("/api/v1/leads/" + id + "/interactions", Json.createObjectBuilder()
                .add("medium", "PHONE").add("direction", "OUTBOUND").add("purpose", "product information")
                .add("occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()).build());
        assertEquals(201, call.status(), call::toString);
        assertEquals(40, qualification(admin, id).getInt("score"));

        Api.Response gone = admin.delete("/api/v1/leads/" + id + "/stakeholders/" + decider.json().getString("id"),
                Map.of("If-Match", decider.etag()));
        assertEquals(204, gone.status(), gone::toString);
        assertEquals(10, qualification(admin, id).getInt("score"));
    }

    @Test
    void aNewRuleSetReRatesTheExistingLeadsInAJob() throws InterruptedException {
        Api admin = tenantWithoutPlugins();
        save(admin, ruleSet(fromTheFair()));
        List<String> ids = List.of(lead(admin, Fixtures.minimalLead("Web1")), lead(admin, Fixtures.minimalLead("Web2")),
                lead(admin, Fixtures.tradeFairLead("Fair1")));
        assertEquals("COLD", qualification(admin, ids.get(0)).getString("rating"));

        JsonObject webCounts = rule("from-the-web", 40, Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder().add("WEB")));
        Api.Response saved = admin.put(RULES, ruleSet(webCounts, fromTheFair()), Map.of());
        assertEquals(201, saved.status(), saved::toString);
        assertEquals(2, saved.json().getInt("version"));
        assertTrue(saved.header("location").endsWith("/qualification/rules/versions/2"), saved.header("location"));
        JsonObject job = finished(admin, saved.json().getJsonObject("rerating").getString("id"));
        assertEquals("DONE", job.getString("state"));
        assertEquals(3, job.getInt("total"));
        assertEquals(3, job.getInt("processed"));
        assertEquals(0, job.getInt("errors"));

        for (String id : ids.subList(0, 2)) {
            JsonObject q = qualification(admin, id);
            assertEquals(2, q.getInt("ruleSetVersion"));
            assertEquals("WARM", q.getString("rating"));
        }
        assertEquals(2, qualification(admin, ids.get(2)).getInt("ruleSetVersion"));
        assertEquals(20, qualification(admin, ids.get(2)).getInt("score"));

        assertEquals(2, admin.get(RULES).json().getInt("version"));
        assertEquals(40, admin.get(RULES).json().getJsonArray("rules").getJsonObject(0).getInt("points"));
        assertEquals(20, admin.get(RULES + "/versions/1").json().getJsonArray("rules").getJsonObject(0).getInt("points"));
        assertEquals(2, admin.get(RULES + "/versions").items().size());

        // the versions and the jobs are pages like every other list: newest first, a cursor, a Link
        Api.Response first = admin.get(RULES + "/versions?limit=1");
        assertEquals(2, first.items().getJsonObject(0).getInt("version"));
        String cursor = first.json().getJsonObject("page").getString("nextCursor");
        assertTrue(first.header("link").contains("rel=\"next\""), first::toString);
        Api.Response second = admin.get(RULES + "/versions?limit=1&cursor=" + cursor);
        assertEquals(1, second.items().getJsonObject(0).getInt("version"));
        assertFalse(second.json().getJsonObject("page").containsKey("nextCursor"), second::toString);
        Api.Response jobs = admin.get("/api/v1/qualification/jobs?limit=1");
        assertEquals(saved.json().getJsonObject("rerating").getString("id"), jobs.items().getJsonObject(0).getString("id"));
        Api.Response olderJobs = admin.get("/api/v1/qualification/jobs?limit=1&cursor="
                + jobs.json().getJsonObject("page").getString("nextCursor"));
        assertEquals(1, olderJobs.items().size());
        assertNotEquals(jobs.items().getJsonObject(0).getString("id"), olderJobs.items().getJsonObject(0).getString("id"));
        assertEquals("cursor", problemField(admin.get(RULES + "/versions?cursor=first")));
        assertEquals("cursor", problemField(admin.get("/api/v1/qualification/jobs?cursor=..%2Fx")));
    }

    @Test
    void aReRatingMovesTheRatingScoreVersionAndRecommendationsOfTheLeadsItChangesOnly() throws InterruptedException {
        Api admin = tenantWithoutPlugins();
        Api other = tenantWithoutPlugins();
        save(admin, ruleSet(fromTheFair()));
        save(other, ruleSet(fromTheFair()));
        String fair = lead(admin, Fixtures.tradeFairLead("Moves"));
        String web = lead(admin, Fixtures.minimalLead("Stays"));
        String theirs = lead(other, Fixtures.tradeFairLead("Theirs"));
        Api.Response fairBefore = admin.get("/api/v1/leads/" + fair);
        Api.Response webBefore = admin.get("/api/v1/leads/" + web);
        Api.Response theirsBefore = other.get("/api/v1/leads/" + theirs);
        assertEquals("COLD", fairBefore.json().getString("rating"));
        assertEquals(20, fairBefore.json().getInt("score"));
        assertEquals(0, fairBefore.json().getJsonObject("scoring").getJsonArray("recommendations").size());

        Api.Response saved = admin.put(RULES, ruleSet(budgetAndNeed(), fromTheFair()), Map.of());
        assertEquals(201, saved.status(), saved::toString);
        JsonObject job = finished(admin, saved.json().getJsonObject("rerating").getString("id"));
        assertEquals(2, job.getInt("processed"));
        assertEquals(0, job.getInt("errors"));

        // the lead whose rating moved: its row, its scoring, its version and ETag, its recommendations
        Api.Response fairAfter = admin.get("/api/v1/leads/" + fair);
        assertEquals("HOT", fairAfter.json().getString("rating"), fairAfter::toString);
        assertEquals(70, fairAfter.json().getInt("score"));
        assertEquals("HOT", fairAfter.json().getJsonObject("scoring").getString("rating"));
        assertEquals(70, fairAfter.json().getJsonObject("scoring").getInt("score"));
        assertEquals(2, fairAfter.json().getJsonObject("scoring").getInt("ruleSetVersion"));
        assertEquals(fairBefore.json().getInt("version") + 1, fairAfter.json().getInt("version"));
        assertNotEquals(fairBefore.etag(), fairAfter.etag());
        assertEquals(List.of("Send a proposal"), fairAfter.json().getJsonObject("scoring").getJsonArray("recommendations")
                .stream().map(v -> v.asJsonObject().getString("text")).toList());
        assertTrue(admin.get("/api/v1/leads?rating=HOT").items().stream()
                .anyMatch(l -> l.asJsonObject().getString("id").equals(fair)), "the list sees the new rating");
        assertEquals(1, admin.get("/api/v1/leads/" + fair + "/timeline?kind=RATING_CHANGE").items().size());
        // the old ETag is stale, the new one is the lead's
        Api.Response stale = admin.patch("/api/v1/leads/" + fair, Json.createObjectBuilder().add("topic", "Stale").build(),
                Map.of("If-Match", fairBefore.etag()));
        assertEquals(412, stale.status(), stale::toString);
        Api.Response fresh = admin.patch("/api/v1/leads/" + fair, Json.createObjectBuilder().add("topic", "Fresh").build(),
                Map.of("If-Match", fairAfter.etag()));
        assertEquals(200, fresh.status(), fresh::toString);

        // the lead whose rating stayed: a new rule-set version on its scoring, the row and its ETag unchanged
        Api.Response webAfter = admin.get("/api/v1/leads/" + web);
        assertEquals(2, webAfter.json().getJsonObject("scoring").getInt("ruleSetVersion"));
        assertEquals(webBefore.json().getString("rating"), webAfter.json().getString("rating"));
        assertEquals(webBefore.etag(), webAfter.etag());

        // another tenant's lead is not touched
        Api.Response theirsAfter = other.get("/api/v1/leads/" + theirs);
        assertEquals(theirsBefore.etag(), theirsAfter.etag());
        assertEquals("COLD", theirsAfter.json().getString("rating"));
        assertEquals(1, theirsAfter.json().getJsonObject("scoring").getInt("ruleSetVersion"));
    }

    private static String problemField(Api.Response r) {
        assertEquals(400, r.status(), r::toString);
        return r.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    void anotherTenantsRulesDoNotTouchThisTenant() throws InterruptedException {
        Api mine = tenantWithoutPlugins();
        Api theirs = tenantWithoutPlugins();
        Api.Response saved = theirs.put(RULES, ruleSet(rule("everyone", 100, null)), Map.of());
        assertEquals(201, saved.status(), saved::toString);
        String theirJob = saved.json().getJsonObject("rerating").getString("id");
        String theirLead = lead(theirs, Fixtures.minimalLead("Theirs"));
        assertEquals("HOT", qualification(theirs, theirLead).getString("rating"));

        String myLead = lead(mine, Fixtures.minimalLead("Mine"));
        JsonObject q = qualification(mine, myLead);
        assertEquals("COLD", q.getString("rating"));
        assertEquals(0, q.getInt("score"));
        assertEquals(0, q.getInt("ruleSetVersion"));
        assertEquals(0, mine.get(RULES).json().getInt("version"));
        assertEquals(0, mine.get(RULES + "/versions").items().size());
        assertEquals(404, mine.get(RULES + "/versions/1").status());
        assertEquals(404, mine.get("/api/v1/qualification/jobs/" + theirJob).status());
        assertEquals(0, mine.get("/api/v1/qualification/jobs").items().size());
        assertEquals(404, mine.get("/api/v1/qualification/leads/" + theirLead).status());
        assertEquals(404, mine.post("/api/v1/qualification/leads/" + theirLead + "/rate").status());

        // My rule set's job re-rates my leads only. The rules carry their version as ETag; a stale If-Match is refused.
        Api.Response current = mine.get(RULES);
        assertEquals("\"" + current.json().getInt("version") + "\"", current.etag(), current::toString);
        Api.Response staleSave = mine.put(RULES, ruleSet(rule("nobody", 5, null)),
                Map.of("If-Match", "\"" + (current.json().getInt("version") + 1) + "\""));
        assertEquals(412, staleSave.status(), staleSave::toString);
        Api.Response mySave = mine.put(RULES, ruleSet(rule("nobody", 5, null)), Map.of("If-Match", current.etag()));
        assertEquals(201, mySave.status(), mySave::toString);
        assertEquals("\"" + mySave.json().getInt("version") + "\"", mySave.etag());
        assertEquals(mySave.etag(), mine.get(RULES).etag());
        JsonObject job = finished(mine, mySave.json().getJsonObject("rerating").getString("id"));
        assertEquals(1, job.getInt("total"));
        assertEquals(100, qualification(theirs, theirLead).getInt("score"));
        assertEquals(1, qualification(theirs, theirLead).getInt("ruleSetVersion"));
    }

    @Test
    void theBuiltInBantPluginScoresAlongsideTheTenantsRules() {
        Api admin = Fixtures.newTenant(server).api();
        save(admin, ruleSet(fromTheFair()));
        String id = lead(admin, Fixtures.tradeFairLead("Bant"));
        JsonObject q = qualification(admin, id);
        assertEquals(20 + 40, q.getInt("score"), q::toString);
        JsonObject plugin = q.getJsonArray("reasons").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("origin").equals("plugin")).findFirst().orElseThrow();
        assertEquals("scoring-bant/bant", plugin.getString("id"));
        assertEquals(40, plugin.getInt("points"));
        assertTrue(q.getJsonArray("recommendations").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getString("text").equals("Send a proposal")), q::toString);

        // The plugin's settings are the tenant's: a higher minimum budget takes its budget points away.
        Api.Response configured = admin.put("/api/v1/extensions/scoring-bant/bant/settings",
                Json.createObjectBuilder().add("minimumBudget", 100000).build(), Map.of());
        assertEquals(200, configured.status(), configured::toString);
        Api.Response rerated = admin.post("/api/v1/qualification/leads/" + id + "/rate");
        assertEquals(200, rerated.status(), rerated::toString);
        assertEquals(20 + 30, rerated.json().getInt("score"), rerated::toString);
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndSavesNothing() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api admin = tenant.api();
        Map<String, JsonObject> bad = Map.of(
                "thresholds", Json.createObjectBuilder().add("rules", Json.createArrayBuilder()).build(),
                "thresholds.warm", Json.createObjectBuilder().add("thresholds", Json.createObjectBuilder().add("hot", 10).add("warm", 20))
                        .add("rules", Json.createArrayBuilder()).build(),
                "rules[0].points", ruleSet(rule("huge", 5000, null)),
                "rules[0].id", ruleSet(rule("Not An Id", 1, null)),
                "rules[0].when.sourceIn[0]", ruleSet(rule("fax", 1, Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder().add("FAX")))),
                "rules[0].when.budgetAtLeast.currency", ruleSet(rule("money", 1, Json.createObjectBuilder()
                        .add("budgetAtLeast", Json.createObjectBuilder().add("amount", 5).add("currency", "euro")))),
                "rules[0].when.present", ruleSet(rule("field", 1, Json.createObjectBuilder().add("present", "shoeSize"))),
                "rules[0].when.timeframeWithinMonths", ruleSet(rule("tf", 1, Json.createObjectBuilder().add("timeframeWithinMonths", -1))),
                "rules[0].when.smell", ruleSet(rule("smell", 1, Json.createObjectBuilder().add("smell", true))),
                "colour", Json.createObjectBuilder(ruleSet()).add("colour", "red").build());
        for (Map.Entry<String, JsonObject> e : bad.entrySet()) {
            Api.Response r = admin.put(RULES, e.getValue(), Map.of());
            assertEquals(400, r.status(), () -> e.getKey() + ": " + r);
            assertNotNull(r.fieldError(e.getKey()), () -> e.getKey() + ": " + r);
        }
        JsonObject deep = Json.createObjectBuilder().add("present", "need").build();
        for (int i = 0; i < 5; i++) {
            deep = Json.createObjectBuilder().add("any", Json.createArrayBuilder().add(deep)).build();
        }
        Api.Response tooDeep = admin.put(RULES, ruleSet(Json.createObjectBuilder(rule("deep", 1, null)).add("when", deep).build()), Map.of());
        assertEquals(400, tooDeep.status(), tooDeep::toString);
        assertTrue(tooDeep.body().contains("too deep"), tooDeep::toString);
        JsonObject[] many = new JsonObject[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = rule("r" + i, 1, null);
        }
        Api.Response tooMany = admin.put(RULES, ruleSet(many), Map.of());
        assertEquals(400, tooMany.status(), tooMany::toString);
        assertNotNull(tooMany.fieldError("rules"), tooMany::toString);
        Api.Response notJson = admin.send("PUT", RULES, "{\"thresholds\":", "application/json", Map.of());
        assertEquals(400, notJson.status(), notJson::toString);
        Api.Response notAnObject = admin.send("PUT", RULES, "[1,2]", "application/json", Map.of());
        assertEquals(400, notAnObject.status(), notAnObject::toString);

        assertEquals(0, admin.get(RULES).json().getInt("version"), "nothing was saved");
        assertEquals(0, admin.get("/api/v1/qualification/jobs").items().size());

        assertEquals(400, admin.get(RULES + "/versions/first").status());
        assertEquals(404, admin.get(RULES + "/versions/7").status());
        assertEquals(404, admin.get("/api/v1/qualification/jobs/not-a-job").status());
        assertEquals(404, admin.get("/api/v1/qualification/leads/not-a-lead").status());

        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        assertEquals(200, seller.api().get(RULES).status(), "sellers read the rules");
        Api.Response forbidden = seller.api().put(RULES, ruleSet(rule("mine", 1, null)), Map.of());
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertEquals(401, server.api().get(RULES).status());
    }
}
