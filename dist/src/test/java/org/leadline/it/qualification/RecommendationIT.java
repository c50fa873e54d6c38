package org.leadline.it.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A seller marks a lead's recommended actions done or dismissed: the decision shows in the lead's
 * scoring and on its timeline, and the action stays closed through re-ratings while the same rule
 * still recommends it; once the rule stops, a later recommendation is open again.
 */
class RecommendationIT {

    private static LeadlineServer server;

    @BeforeAll
    static void start() {
        server = LeadlineServer.shared();
    }

    record Seller(Fixtures.TenantAdmin tenant, Fixtures.User seller) {
        Api admin() {
            return tenant.api();
        }

        Api api() {
            return seller.api();
        }
    }

    /** A tenant with its own rules only (BANT off): budget and need ask for a proposal, the fair for a call. */
    private static Seller tenant() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api admin = tenant.api();
        assertEquals(200, admin.post("/api/v1/extensions/scoring-bant/bant/disable").status());
        JsonObject callThem = Json.createObjectBuilder(QualificationIT.fromTheFair())
                .add("recommend", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Call after the fair")
                        .add("kind", "CALL").add("priority", "MEDIUM"))).build();
        QualificationIT.save(admin, QualificationIT.ruleSet(QualificationIT.budgetAndNeed(), callThem));
        return new Seller(tenant, Fixtures.newUser(server, tenant, "SALES"));
    }

    private static String path(String lead, String recommendation) {
        return "/api/v1/leads/" + lead + "/recommendations/" + recommendation;
    }

    private static JsonObject open(JsonObject scoring, String text) {
        return scoring.getJsonArray("recommendations").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("text").equals(text)).findFirst().orElse(null);
    }

    private static List<String> openTexts(JsonObject scoring) {
        return scoring.getJsonArray("recommendations").stream().map(v -> v.asJsonObject().getString("text")).sorted().toList();
    }

    private static JsonObject decision(String state, String comment) {
        var b = Json.createObjectBuilder().add("state", state);
        if (comment != null) {
            b.add("comment", comment);
        }
        return b.build();
    }

    private static void changeNeed(Api as, String lead, JsonValue need) {
        Api.Response r = as.patch("/api/v1/leads/" + lead, Json.createObjectBuilder()
                .add("qualification", Json.createObjectBuilder().add("need", need)).build(),
                Map.of("If-Match", as.get("/api/v1/leads/" + lead).etag()));
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void aDoneRecommendationStaysDoneThroughReRatingsAndShowsOnTheTimeline() throws Exception {
        Seller t = tenant();
        Api seller = t.api();
        String lead = QualificationIT.lead(seller, Fixtures.tradeFairLead("Proposed"));
        JsonObject scoring = QualificationIT.qualification(seller, lead);
        assertEquals(List.of("Call after the fair", "Send a proposal"), openTexts(scoring));
        JsonObject proposal = open(scoring, "Send a proposal");
        String proposalId = proposal.getString("recommendationId");
        assertNotNull(proposalId);

        Instant before = Instant.now().minusSeconds(5);
        Api.Response done = seller.patch(path(lead, proposalId), decision("DONE", "Sent proposal v1 by e-mail"), Map.of());
        assertEquals(200, done.status(), done::toString);
        assertEquals("DONE", done.json().getString("state"));
        assertEquals(proposalId, done.json().getString("recommendationId"));
        assertEquals("Send a proposal", done.json().getString("text"));
        assertEquals("Sent proposal v1 by e-mail", done.json().getString("comment"));
        assertEquals(t.seller().id(), done.json().getString("decidedBy"));
        assertTrue(Instant.parse(done.json().getString("decidedAt")).isAfter(before), done::toString);

        // The lead's scoring: the proposal left the open recommendations and shows as decided.
        scoring = QualificationIT.qualification(seller, lead);
        assertEquals(List.of("Call after the fair"), openTexts(scoring));
        JsonObject decided = scoring.getJsonArray("decidedRecommendations").getJsonObject(0);
        assertEquals(proposalId, decided.getString("recommendationId"));
        assertEquals("DONE", decided.getString("state"));
        assertEquals(t.seller().id(), decided.getString("decidedBy"));
        assertEquals("HOT", scoring.getString("rating"), "the rating itself does not change");

        // On the timeline, with who and when.
        List<JsonObject> entries = seller.get("/api/v1/leads/" + lead + "/timeline?kind=RECOMMENDATION").items().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(1, entries.size(), entries::toString);
        assertEquals(t.seller().id(), entries.get(0).getString("employeeId"));
        assertEquals("DONE", entries.get(0).getJsonObject("item").getString("state"));
        assertEquals("Sent proposal v1 by e-mail", entries.get(0).getJsonObject("item").getString("comment"));

        // Re-rated three ways while the rule still recommends it: it does not come back.
        Api.Response rerated = seller.post("/api/v1/qualification/leads/" + lead + "/rate");
        assertEquals(200, rerated.status(), rerated::toString);
        assertEquals(List.of("Call after the fair"), openTexts(rerated.json()));
        assertEquals(201, seller.post("/api/v1/leads/" + lead + "/interactions", Json.createObjectBuilder()
                .add("medium", "PHONE").add("direction", "OUTBOUND").add("purpose", "follow-up")
                .add("occurredAt", "2026-01-05T10:00:00Z").build()).status());
        assertEquals(List.of("Call after the fair"), openTexts(QualificationIT.qualification(seller, lead)));
        Api.Response saved = t.admin().put(QualificationIT.RULES, t.admin().get(QualificationIT.RULES).json(), Map.of());
        assertEquals(201, saved.status(), saved::toString);
        JsonObject job = QualificationIT.finished(t.admin(), saved.json().getJsonObject("rerating").getString("id"));
        assertEquals("DONE", job.getString("state"), job::toString);
        scoring = QualificationIT.qualification(seller, lead);
        assertEquals(2, scoring.getInt("ruleSetVersion"));
        assertEquals(List.of("Call after the fair"), openTexts(scoring));
        assertEquals("DONE", scoring.getJsonArray("decidedRecommendations").getJsonObject(0).getString("state"));

        // The call is dismissed; lower-case states are accepted.
        String callId = open(scoring, "Call after the fair").getString("recommendationId");
        Api.Response dismissed = seller.lenient().patch(path(lead, callId), decision("dismissed", null), Map.of()); // any case is taken
        assertEquals(200, dismissed.status(), dismissed::toString);
        assertEquals("DISMISSED", dismissed.json().getString("state"));
        scoring = QualificationIT.qualification(seller, lead);
        assertEquals(List.of(), openTexts(scoring));
        assertEquals(2, scoring.getJsonArray("decidedRecommendations").size());

        // Without need the budget rule stops recommending the proposal: its decision lapses, and
        // when the need is back the proposal is a new, open recommendation.
        changeNeed(seller, lead, JsonValue.NULL);
        scoring = QualificationIT.qualification(seller, lead);
        assertEquals(List.of(), openTexts(scoring));
        assertEquals(1, scoring.getJsonArray("decidedRecommendations").size(), scoring::toString);
        assertEquals("DISMISSED", scoring.getJsonArray("decidedRecommendations").getJsonObject(0).getString("state"));
        changeNeed(seller, lead, Json.createValue("A CRM after all"));
        scoring = QualificationIT.qualification(seller, lead);
        assertEquals(List.of("Send a proposal"), openTexts(scoring));
        assertEquals(proposalId, open(scoring, "Send a proposal").getString("recommendationId"));
        assertEquals(2, seller.get("/api/v1/leads/" + lead + "/timeline?kind=RECOMMENDATION").items().size(),
                "the history keeps both decisions");
    }

    @Test
    void twoSellersDecidingTheSameActionMeetAtTheirIfMatch() {
        Seller t = tenant();
        Api seller = t.api();
        Api colleague = t.admin();
        String lead = QualificationIT.lead(seller, Fixtures.tradeFairLead("Contested"));
        String proposalId = open(QualificationIT.qualification(seller, lead), "Send a proposal").getString("recommendationId");

        // Both saw the action open (version 0); the seller decides first.
        Api.Response done = seller.patch(path(lead, proposalId), decision("DONE", "Sent v1"), Map.of("If-Match", "\"0\""));
        assertEquals(200, done.status(), done::toString);
        assertEquals("\"1\"", done.etag(), done::toString);
        assertEquals(1, done.json().getInt("version"));

        // The colleague's dismissal, based on the open action, is refused and changes nothing.
        Api.Response late = colleague.patch(path(lead, proposalId), decision("DISMISSED", "not needed"),
                Map.of("If-Match", "\"0\""));
        assertEquals(412, late.status(), late::toString);
        assertTrue(late.body().contains(proposalId), late::toString);
        assertEquals(412, colleague.patch(path(lead, proposalId), decision("DISMISSED", null),
                Map.of("If-Match", "\"not-a-version\"")).status());
        JsonObject decided = QualificationIT.qualification(seller, lead).getJsonArray("decidedRecommendations")
                .getJsonObject(0);
        assertEquals("DONE", decided.getString("state"));
        assertEquals("Sent v1", decided.getString("comment"));
        assertEquals(1, decided.getInt("version"));

        // Having read the decision, the colleague replaces it.
        Api.Response replaced = colleague.patch(path(lead, proposalId), decision("DISMISSED", "after all"),
                Map.of("If-Match", "\"" + decided.getInt("version") + "\""));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("\"2\"", replaced.etag());

        // When the decision lapses the action is open again (version 0), never at a version seen before.
        changeNeed(seller, lead, JsonValue.NULL);
        changeNeed(seller, lead, Json.createValue("A CRM after all"));
        assertEquals(List.of("Call after the fair", "Send a proposal"), openTexts(QualificationIT.qualification(seller, lead)));
        assertEquals(412, seller.patch(path(lead, proposalId), decision("DONE", null), Map.of("If-Match", "\"2\""))
                .status());
        Api.Response again = seller.patch(path(lead, proposalId), decision("DONE", "Sent v2"), Map.of("If-Match", "\"0\""));
        assertEquals(200, again.status(), again::toString);
        assertEquals(3, again.json().getInt("version"), again::toString);
        // Without If-Match the latest decision is replaced, as before.
        Api.Response blind = colleague.patch(path(lead, proposalId), decision("DISMISSED", null), Map.of());
        assertEquals(200, blind.status(), blind::toString);
        assertEquals(4, blind.json().getInt("version"));
        assertEquals(4, seller.get("/api/v1/leads/" + lead + "/timeline?kind=RECOMMENDATION").items().size());
    }

    @Test
    void unknownIdsBadInputAndOtherTenantsGetProblemsAndChangeNothing() {
        Seller t = tenant();
        Api seller = t.api();
        String lead = QualificationIT.lead(seller, Fixtures.tradeFairLead("Problems"));
        String proposalId = open(QualificationIT.qualification(seller, lead), "Send a proposal").getString("recommendationId");

        Api.Response unknown = seller.patch(path(lead, "0123456789abcdef0123456789abcdef"), decision("DONE", null), Map.of());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(404, seller.patch(path("not-a-lead", proposalId), decision("DONE", null), Map.of()).status());
        String noRecommendations = QualificationIT.lead(seller, Fixtures.minimalLead("Quiet"));
        assertEquals(404, seller.patch(path(noRecommendations, proposalId), decision("DONE", null), Map.of()).status(),
                "the id of another lead's recommendation");

        Map<String, JsonObject> bad = Map.of(
                "state", decision("FINISHED", null),
                "comment", decision("DONE", "x".repeat(2001)),
                "colour", Json.createObjectBuilder().add("state", "DONE").add("colour", "red").build());
        for (Map.Entry<String, JsonObject> e : bad.entrySet()) {
            Api.Response r = seller.patch(path(lead, proposalId), e.getValue(), Map.of());
            assertEquals(400, r.status(), () -> e.getKey() + ": " + r);
            assertNotNull(r.fieldError(e.getKey()), () -> e.getKey() + ": " + r);
        }
        Api.Response missing = seller.patch(path(lead, proposalId), JsonValue.EMPTY_JSON_OBJECT, Map.of());
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.fieldError("state").contains("DONE"), missing::toString);
        Api.Response wrongType = seller.patch(path(lead, proposalId), Json.createObjectBuilder().add("state", 1).build(), Map.of());
        assertEquals(400, wrongType.status(), wrongType::toString);
        assertEquals(400, seller.send("PATCH", path(lead, proposalId), "{\"state\":", "application/json", Map.of()).status());
        assertEquals(400, seller.send("PATCH", path(lead, proposalId), "[\"DONE\"]", "application/json", Map.of()).status());

        // Another tenant cannot see or decide this tenant's recommendations.
        Api other = Fixtures.newTenant(server).api();
        Api.Response foreign = other.patch(path(lead, proposalId), decision("DISMISSED", "not mine"), Map.of());
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(401, server.api().patch(path(lead, proposalId), decision("DONE", null), Map.of()).status());

        JsonObject scoring = QualificationIT.qualification(seller, lead);
        assertEquals(List.of("Call after the fair", "Send a proposal"), openTexts(scoring), "nothing was decided");
        assertEquals(0, scoring.getJsonArray("decidedRecommendations").size());
        assertEquals(0, seller.get("/api/v1/leads/" + lead + "/timeline?kind=RECOMMENDATION").items().size());
    }
}
