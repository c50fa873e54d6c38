package org.leadline.it.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * A re-rating job cut short by a server stop goes on from where it was after the next start: every
 * lead is rated with the new rule set, none twice. Its own server, with slow rounds of three small
 * batches rated side by side, so the stop falls in the middle of the job.
 */
class QualificationRestartIT {

    static final int LEADS = 72;

    private static LeadlineServer server;

    @BeforeAll
    static void start() throws IOException {
        server = LeadlineServer.start(Files.createTempDirectory("leadline-it-rerate-"), Map.of(
                "LEADLINE_QUALIFICATION_RERATE_BATCH_SIZE", "4",
                "LEADLINE_QUALIFICATION_RERATE_WORKERS", "3",
                "LEADLINE_QUALIFICATION_RERATE_BATCH_PAUSE_MS", "2500"));
    }

    @AfterAll
    static void discard() {
        if (server != null) {
            server.discard();
        }
    }

    @Test
    void aJobStoppedByARestartResumesFromItsPosition() throws Exception {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api admin = tenant.api();
        assertEquals(200, admin.post("/api/v1/extensions/scoring-bant/bant/disable").status());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            ids.add(QualificationIT.lead(admin, Fixtures.minimalLead("Restart" + i)));
        }
        Api.Response saved = admin.put(QualificationIT.RULES, QualificationIT.ruleSet(
                QualificationIT.rule("web", 35, Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder().add("WEB")))), Map.of());
        assertEquals(201, saved.status(), saved::toString);
        String job = saved.json().getJsonObject("rerating").getString("id");

        JsonObject midway;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            Thread.sleep(100);
            midway = admin.get("/api/v1/qualification/jobs/" + job).json();
            assertTrue(System.nanoTime() < deadline, midway::toString);
        } while (midway.getInt("processed") < 4);
        assertEquals("RUNNING", midway.getString("state"), midway::toString);
        server.restart();

        Api again = server.api().login(tenant.slug(), tenant.username(), tenant.password());
        JsonObject before = again.get("/api/v1/qualification/jobs/" + job).json();
        assertTrue(before.getInt("processed") < LEADS, "the stop fell in the middle of the job: " + before);
        assertEquals(0, before.getInt("processed") % 12, "the position moves by a round of three batches of four: " + before);
        JsonObject done = QualificationIT.finished(again, job);
        assertEquals("DONE", done.getString("state"), done::toString);
        assertEquals(LEADS, done.getInt("total"));
        assertEquals(LEADS, done.getInt("processed"), "every lead exactly once: " + done);
        assertEquals(0, done.getInt("errors"));
        for (String id : ids) {
            JsonObject q = QualificationIT.qualification(again, id);
            assertEquals(1, q.getInt("ruleSetVersion"), id);
            assertEquals("WARM", q.getString("rating"), id);
        }
        assertTrue(server.log().contains("Resuming re-rating job " + job), "the log says the job resumed");
    }
}
