package org.leadline.it.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * The purge of deleted leads on a server of its own with a restore period of seconds and a purge
 * every two seconds: a deleted lead can be restored within its period and is removed for good with
 * everything recorded on it after; another tenant's younger deletion is left alone.
 */
class LeadPurgeIT {

    static final Duration RESTORE_PERIOD = Duration.ofSeconds(45);
    /** How much younger the other tenant's deletion is: well beyond a purge interval and a slow poll. */
    static final Duration YOUNGER_BY = Duration.ofSeconds(20);

    private static LeadlineServer server;

    @BeforeAll
    static void start() throws IOException {
        server = LeadlineServer.start(Files.createTempDirectory("leadline-it-purge-"), Map.of(
                "LEADLINE_LEADS_RESTORE_PERIOD", RESTORE_PERIOD.toString(),
                "LEADLINE_LEADS_PURGE_INTERVAL", "PT2S"));
    }

    @AfterAll
    static void discard() {
        if (server != null) {
            server.discard();
        }
    }

    private static String created(Api as, String path, JsonObject body) {
        Api.Response r = as.post(path, body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static void delete(Api as, String lead) {
        String base = "/api/v1/leads/" + lead;
        Api.Response r = as.delete(base, Map.of("If-Match", as.get(base).etag()));
        assertEquals(204, r.status(), r::toString);
    }

    private static Optional<JsonObject> inBin(Api admin, String lead) {
        Api.Response bin = admin.get("/api/v1/deleted-leads?limit=100");
        assertEquals(200, bin.status(), bin::toString);
        return bin.items().stream().map(JsonValue::asJsonObject).filter(l -> l.getString("id").equals(lead)).findFirst();
    }

    /** A lead with a note, a call and a done recommendation: things on its timeline the purge must remove. */
    private static String leadWithHistory(Api as, String name) {
        String lead = created(as, "/api/v1/leads", Fixtures.tradeFairLead(name));
        String base = "/api/v1/leads/" + lead;
        created(as, base + "/notes", Json.createObjectBuilder().add("text", "Call " + name + " in the morning").build());
        created(as, base + "/interactions", Json.createObjectBuilder().add("medium", "PHONE").add("direction", "OUTBOUND")
                .add("purpose", "product information").add("occurredAt", "2026-01-05T10:00:00Z").build());
        JsonObject proposal = as.get(base).json().getJsonObject("scoring").getJsonArray("recommendations").getJsonObject(0);
        Api.Response done = as.patch(base + "/recommendations/" + proposal.getString("recommendationId"),
                Json.createObjectBuilder().add("state", "DONE").build(), Map.of());
        assertEquals(200, done.status(), done::toString);
        return lead;
    }

    @Test
    void aDeletedLeadIsRestorableWithinItsPeriodAndPurgedWithItsTimelineAfter() throws Exception {
        Api mine = Fixtures.newTenant(server).api();
        Api theirs = Fixtures.newTenant(server).api();
        String purged = leadWithHistory(mine, "Purged");
        String younger = leadWithHistory(theirs, "Younger");

        // Within the period a tenant administrator restores the lead.
        delete(mine, purged);
        assertTrue(inBin(mine, purged).isPresent());
        Api.Response restored = mine.post("/api/v1/deleted-leads/" + purged + "/restore");
        assertEquals(200, restored.status(), restored::toString);
        assertEquals(200, mine.get("/api/v1/leads/" + purged).status());

        // Deleted again, and the other tenant's lead some seconds later.
        delete(mine, purged);
        Instant purgeAfter = Instant.parse(inBin(mine, purged).orElseThrow().getString("purgeAfter"));
        Thread.sleep(YOUNGER_BY.toMillis());
        delete(theirs, younger);
        Instant theirPurgeAfter = Instant.parse(inBin(theirs, younger).orElseThrow().getString("purgeAfter"));
        assertTrue(Duration.between(purgeAfter, theirPurgeAfter).compareTo(YOUNGER_BY) >= 0);

        // Nothing is purged before its period is over; soon after it, the lead is gone.
        long deadline = System.nanoTime() + RESTORE_PERIOD.plusSeconds(90).toNanos();
        while (inBin(mine, purged).isPresent()) {
            assertTrue(System.nanoTime() < deadline, "the deleted lead was not purged");
            Thread.sleep(500);
        }
        Instant gone = Instant.now();
        assertTrue(!gone.isBefore(purgeAfter), () -> "purged at " + gone + ", before its period ended at " + purgeAfter);

        String base = "/api/v1/leads/" + purged;
        Api.Response again = mine.post("/api/v1/deleted-leads/" + purged + "/restore");
        assertEquals(404, again.status(), again::toString);
        assertEquals(404, mine.get(base).status());
        assertEquals(404, mine.get(base + "/timeline").status());
        assertEquals(404, mine.get(base + "/notes").status());
        assertEquals(0, mine.get("/api/v1/leads?q=Purged").items().size());

        // The other tenant's younger deletion is still there and can be restored with its history.
        assertTrue(Instant.now().isBefore(theirPurgeAfter), "the test ran too slowly to tell the deletions apart");
        assertTrue(inBin(theirs, younger).isPresent(), "the younger deletion of another tenant is kept");
        Api.Response theirsBack = theirs.post("/api/v1/deleted-leads/" + younger + "/restore");
        assertEquals(200, theirsBack.status(), theirsBack::toString);
        List<String> kinds = theirs.get("/api/v1/leads/" + younger + "/timeline").items().stream()
                .map(e -> e.asJsonObject().getString("kind")).toList();
        assertTrue(kinds.containsAll(List.of("NOTE", "INTERACTION", "RECOMMENDATION")), kinds::toString);

        // In the database: no row of the purged lead is left, the restored lead keeps all of its.
        server.stop();
        for (String table : List.of("leads", "timeline_entries", "notes", "interactions", "audit_entries",
                "lead_ratings", "recommendation_decisions")) {
            String column = table.equals("leads") ? "id" : "lead_id";
            assertEquals(0, count(table, column, purged), table + " of the purged lead");
            assertTrue(count(table, column, younger) > 0, table + " of the restored lead");
        }
    }

    private static int count(String table, String column, String lead) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            s.setString(1, lead);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
