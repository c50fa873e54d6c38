package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * The dashboard's funnel and time in stage, counted in the database: how many leads reached each
 * stage of the process, how many opportunities were won, and how long the stays in each stage that
 * ended took; only the tenant's own leads, in a constant number of statements.
 */
class LeadStatisticsIT {

    private static final String CONFIRMED = "The need was confirmed with the lead";

    private static Map<String, Long> counts(JsonObject stats, String member) {
        Map<String, Long> out = new HashMap<>();
        stats.getJsonArray(member).forEach(v -> out.put(v.asJsonObject().isNull("key") ? null
                : v.asJsonObject().getString("key"), v.asJsonObject().getJsonNumber("count").longValue()));
        return out;
    }

    private static JsonObject stageTime(JsonObject stats, String key) {
        return stats.getJsonArray("timeInStage").stream().map(JsonValue::asJsonObject)
                .filter(o -> key == null ? o.isNull("key") : !o.isNull("key") && o.getString("key").equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no time in stage " + key + ": " + stats));
    }

    private static String lead(Api api, String name) {
        Api.Response r = api.post("/api/v1/leads?allowDuplicate=true", Fixtures.tradeFairLead(name));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static void moveToDevelop(Api api, String lead) {
        assertEquals(200, api.post("/api/v1/leads/" + lead + "/process/checklist", Json.createObjectBuilder()
                .add("stage", "qualify").add("item", CONFIRMED).add("done", true).build()).status());
        Api.Response moved = api.post("/api/v1/leads/" + lead + "/process/stage",
                Json.createObjectBuilder().add("stage", "develop").build());
        assertEquals(200, moved.status(), moved::toString);
    }

    /** The statements of the request, the fewer of two (the first may warm a cache). */
    private static int statements(Api api) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            Api.Response r = api.get("/api/v1/statistics/leads");
            assertEquals(200, r.status(), r::toString);
            fewest = Math.min(fewest, Integer.parseInt(r.header("leadline-statements").strip()));
        }
        return fewest;
    }

    @Test
    void theFunnelCountsTheLeadsThatReachedEachStageAndTheOpportunitiesWon() {
        LeadlineServer server = LeadlineServer.shared();
        Api seller = Fixtures.newTenant(server).api();
        Api other = Fixtures.newTenant(server).api();
        int statementsEmpty = statements(seller);
        Instant start = Instant.now();

        String back = lead(seller, "Funnel-Back");
        String won = lead(seller, "Funnel-Won");
        lead(seller, "Funnel-Stays");
        moveToDevelop(seller, back);
        moveToDevelop(seller, won);
        // one lead goes back to the first stage: its stay in develop has ended
        assertEquals(200, seller.post("/api/v1/leads/" + back + "/process/stage",
                Json.createObjectBuilder().add("stage", "qualify").build()).status());
        Api.Response qualified = seller.post("/api/v1/leads/" + won + "/qualify", Json.createObjectBuilder()
                .add("opportunity", Json.createObjectBuilder().add("topic", "Funnel deal")).build());
        assertEquals(201, qualified.status(), qualified::toString);
        String opportunity = qualified.json().getJsonObject("opportunity").getString("id");
        Api.Response win = seller.post("/api/v1/opportunities/" + opportunity + "/win",
                Json.createObjectBuilder().add("reason", "Best fit").build());
        assertEquals(200, win.status(), win::toString);
        // another tenant's moves count for that tenant only
        moveToDevelop(other, lead(other, "Funnel-Other"));
        long elapsed = Duration.between(start, Instant.now()).toSeconds() + 1;

        JsonObject stats = seller.get("/api/v1/statistics/leads").json();
        assertEquals(3, stats.getJsonNumber("total").longValue());
        Map<String, Long> reached = counts(stats, "reachedStage");
        assertEquals(3L, reached.get(null), "every lead starts in the first stage");
        assertEquals(2L, reached.get("develop"), stats::toString);
        assertEquals(1L, reached.get("qualify"), "the lead that went back entered the first stage again");
        assertEquals(null, reached.get("propose"));
        assertEquals(1, stats.getJsonNumber("won").longValue());

        JsonObject first = stageTime(stats, null);
        assertEquals(2, first.getJsonNumber("stays").longValue(), "two leads left the first stage");
        JsonObject develop = stageTime(stats, "develop");
        assertEquals(1, develop.getJsonNumber("stays").longValue(), "one stay in develop ended; the other goes on");
        for (JsonObject t : List.of(first, develop)) {
            long seconds = t.getJsonNumber("averageSeconds").longValue();
            assertTrue(seconds >= 0 && seconds <= elapsed, t + " within the " + elapsed + " s the test took");
        }

        JsonObject theirs = other.get("/api/v1/statistics/leads").json();
        assertEquals(1L, counts(theirs, "reachedStage").get(null));
        assertEquals(1L, counts(theirs, "reachedStage").get("develop"));
        assertEquals(0, theirs.getJsonNumber("won").longValue());
        assertEquals(1, theirs.getJsonArray("timeInStage").size(), theirs::toString);
        assertEquals(1, stageTime(theirs, null).getJsonNumber("stays").longValue(),
                "the other tenant's one lead left its first stage; none of ours counts there");

        assertEquals(statementsEmpty, statements(seller), "the figures cost the same statements whatever the data");
    }
}
