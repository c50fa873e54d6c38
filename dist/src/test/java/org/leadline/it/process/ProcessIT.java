package org.leadline.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The seller moves a lead through the built-in sales process: Qualify, Develop, Propose, Close. */
class ProcessIT {

    private static final String CONFIRMED = "The need was confirmed with the lead";
    private static final String OFFER = "An offer was sent to the lead";

    private static LeadlineServer server;
    private static Fixtures.TenantAdmin tenant;
    private static Api admin;
    private static Api seller;
    private static Api other;

    @BeforeAll
    static void aTenantWithASeller() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        admin = tenant.api();
        seller = Fixtures.newUser(server, tenant, "SALES").api();
        other = Fixtures.newTenant(server).api();
    }

    private static String newLead(JsonObject body) {
        Api.Response r = seller.post("/api/v1/leads", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static Api.Response move(String lead, String stage) {
        return seller.post("/api/v1/leads/" + lead + "/process/stage", Json.createObjectBuilder().add("stage", stage).build());
    }

    private static Api.Response tick(String lead, String stage, String item, boolean done) {
        return seller.post("/api/v1/leads/" + lead + "/process/checklist", Json.createObjectBuilder()
                .add("stage", stage).add("item", item).add("done", done).build());
    }

    private static List<String> fields(Api.Response problem) {
        return problem.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    @Test
    void theTenantUsesTheBuiltInSalesProcessAndItsAdministratorChoosesAmongTheAvailable() {
        Api.Response list = seller.get("/api/v1/processes");
        assertEquals(200, list.status(), list::toString);
        assertEquals("process-sales/sales", list.json().getString("current"));
        JsonObject sales = list.items().getJsonObject(0);
        assertEquals(List.of("qualify", "develop", "propose", "close"), sales.getJsonArray("stages").stream()
                .map(s -> s.asJsonObject().getString("key")).toList());

        Api.Response bySeller = seller.put("/api/v1/processes/current",
                Json.createObjectBuilder().add("process", "process-sales/sales").build(), Map.of());
        assertEquals(403, bySeller.status(), "only a tenant administrator chooses the process");
        Api.Response unknown = admin.put("/api/v1/processes/current",
                Json.createObjectBuilder().add("process", "nope/nope").build(), Map.of());
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.fieldError("process") != null, unknown::toString);
        Api.Response missing = admin.put("/api/v1/processes/current", JsonValue.EMPTY_JSON_OBJECT, Map.of());
        assertEquals(400, missing.status());
        Api.Response chosen = admin.put("/api/v1/processes/current",
                Json.createObjectBuilder().add("process", "process-sales/sales").build(), Map.of());
        assertEquals(200, chosen.status(), chosen::toString);
        assertEquals("process-sales/sales", chosen.json().getString("current"));
        assertEquals(401, server.api().get("/api/v1/processes").status());
    }

    @Test
    void theFlagMovesFromQualifyToDevelopOnlyWhenTheCriteriaAreMet() {
        String lead = newLead(Fixtures.minimalLead("Sparse"));
        Api.Response view = seller.get("/api/v1/leads/" + lead + "/process");
        assertEquals(200, view.status(), view::toString);
        assertEquals("\"" + view.json().getJsonNumber("leadVersion").longValue() + "\"", view.etag(),
                "the process carries the lead's version as its ETag");
        assertEquals(seller.get("/api/v1/leads/" + lead).etag(), view.etag());
        assertEquals("qualify", view.json().getString("stage"));
        assertEquals("develop", view.json().getString("nextStage"));
        assertFalse(view.json().getBoolean("canAdvance"));
        JsonObject qualify = view.json().getJsonArray("stages").getJsonObject(0);
        assertTrue(qualify.getBoolean("current"));
        assertEquals(List.of("person.lastName"), qualify.getJsonArray("requiredFields").stream()
                .map(JsonValue::asJsonObject).filter(f -> f.getBoolean("done")).map(f -> f.getString("field")).toList(),
                "only the last name is filled");

        Api.Response refused = move(lead, "develop");
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.header("content-type").startsWith("application/problem+json"));
        assertEquals(List.of("person.email", "company.name", "qualification.budget", "qualification.need",
                "qualification.purchaseTimeframe", "qualification.decisionMaker", "checklist.qualify"), fields(refused));
        assertEquals("qualify", seller.get("/api/v1/leads/" + lead).json().getString("stage", "qualify"),
                "a refused move leaves the lead where it was");

        // The seller fills in the qualification criteria: only the checklist is missing now.
        String full = newLead(Fixtures.tradeFairLead("Berger"));
        Api.Response stillRefused = move(full, "develop");
        assertEquals(422, stillRefused.status());
        assertEquals(List.of("checklist.qualify"), fields(stillRefused));
        Api.Response ticked = tick(full, "qualify", CONFIRMED, true);
        assertEquals(200, ticked.status(), ticked::toString);
        assertTrue(ticked.json().getBoolean("canAdvance"));

        Api.Response moved = move(full, "develop");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals("develop", moved.json().getString("stage"));
        assertEquals("develop", seller.get("/api/v1/leads/" + full).json().getString("stage"), "the lead carries its flag");

        // Develop needs stakeholders and competitors; skipping ahead checks every stage left behind.
        Api.Response skip = move(full, "close");
        assertEquals(422, skip.status());
        assertEquals(List.of("stakeholders", "competitors", "checklist.propose"), fields(skip));
        assertEquals(201, seller.post("/api/v1/leads/" + full + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Dr. Eva Berg").add("role", "DECISION_MAKER").build()).status());
        assertEquals(201, seller.post("/api/v1/leads/" + full + "/competitors", Json.createObjectBuilder()
                .add("name", "BigCRM Inc.").add("status", "ACTIVE").build()).status());
        assertEquals(200, move(full, "propose").status());
        assertEquals(200, tick(full, "propose", OFFER, true).status());
        Api.Response closing = move(full, "close");
        assertEquals(200, closing.status(), closing::toString);
        assertEquals(JsonValue.NULL, closing.json().get("nextStage"));

        // Going back is allowed, whatever is missing; unticking works.
        assertEquals(200, tick(full, "propose", OFFER, false).status());
        Api.Response back = move(full, "develop");
        assertEquals(200, back.status(), back::toString);
        assertEquals("develop", back.json().getString("stage"));
        assertEquals(422, move(full, "close").status(), "the offer is unticked again");

        // History with times and time spent per stage.
        JsonObject process = seller.get("/api/v1/leads/" + full + "/process").json();
        List<String> path = process.getJsonArray("history").stream()
                .map(h -> h.asJsonObject().getString("from") + ">" + h.asJsonObject().getString("to")).toList();
        assertEquals(List.of("qualify>develop", "develop>propose", "propose>close", "close>develop"), path);
        for (JsonValue s : process.getJsonArray("stages")) {
            assertTrue(s.asJsonObject().getJsonNumber("timeSpentSeconds").longValue() >= 0);
        }

        // Stage changes appear on the timeline.
        Api.Response timeline = seller.get("/api/v1/leads/" + full + "/timeline?kind=STAGE_CHANGE");
        assertEquals(200, timeline.status(), timeline::toString);
        assertEquals(4, timeline.items().size());
        JsonObject newest = timeline.items().getJsonObject(0).getJsonObject("item");
        assertEquals("close", newest.getString("from"));
        assertEquals("develop", newest.getString("to"));
    }

    @Test
    void badInputGetsAProblemAndAnotherTenantSeesNothing() {
        String lead = newLead(Fixtures.tradeFairLead("Problem"));
        String base = "/api/v1/leads/" + lead + "/process";
        Api.Response unknownStage = move(lead, "negotiate");
        assertEquals(400, unknownStage.status());
        assertTrue(unknownStage.fieldError("stage") != null, unknownStage::toString);
        Api.Response notAString = seller.post(base + "/stage", Json.createObjectBuilder().add("stage", 3).build());
        assertEquals(400, notAString.status());
        Api.Response extra = seller.post(base + "/stage", Json.createObjectBuilder().add("stage", "develop").add("x", 1).build());
        assertEquals(400, extra.status());
        assertTrue(extra.fieldError("x") != null);
        Api.Response empty = seller.post(base + "/stage", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, empty.status());
        Api.Response malformed = seller.send("POST", base + "/stage", "{\"stage\":", "application/json", Map.of());
        assertEquals(400, malformed.status());
        Api.Response unknownItem = tick(lead, "qualify", "Something else", true);
        assertEquals(400, unknownItem.status());
        assertTrue(unknownItem.fieldError("item") != null);
        Api.Response longItem = tick(lead, "qualify", "x".repeat(600), true);
        assertEquals(400, longItem.status());
        Api.Response wrongStage = tick(lead, "nowhere", CONFIRMED, true);
        assertEquals(400, wrongStage.status());
        assertEquals(404, seller.get("/api/v1/leads/not-an-id/process").status());
        Api.Response stale = seller.send("POST", base + "/stage", "{\"stage\":\"qualify\"}", "application/json",
                Map.of("If-Match", "\"999\""));
        assertEquals(412, stale.status());
        Api.Response staleTick = seller.post(base + "/checklist", Json.createObjectBuilder().add("stage", "qualify")
                .add("item", CONFIRMED).build(), Map.of("If-Match", "\"999\""));
        assertEquals(412, staleTick.status(), staleTick::toString);
        String etag = seller.get(base).etag();
        Api.Response ticked = seller.post(base + "/checklist", Json.createObjectBuilder().add("stage", "qualify")
                .add("item", CONFIRMED).build(), Map.of("If-Match", etag));
        assertEquals(200, ticked.status(), ticked::toString);
        assertEquals(etag, ticked.etag(), "ticking does not change the lead's version");
        Api.Response moved = seller.post(base + "/stage", Json.createObjectBuilder().add("stage", "qualify").build(),
                Map.of("If-Match", etag));
        assertTrue(moved.status() == 200 || moved.status() == 409, moved::toString);
        if (moved.status() == 200) {
            assertEquals("\"" + moved.json().getJsonNumber("leadVersion").longValue() + "\"", moved.etag());
        }

        assertEquals(404, other.get(base).status(), "another tenant does not see the lead's process");
        assertEquals(404, other.post(base + "/stage", Json.createObjectBuilder().add("stage", "develop").build()).status());
        assertEquals(404, other.post(base + "/checklist", Json.createObjectBuilder()
                .add("stage", "qualify").add("item", CONFIRMED).build()).status());
        assertEquals(404, other.get("/api/v1/leads/" + lead + "/timeline").status());
    }
}
