package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the server keeps the planner's statistics fresh itself (the database may run
 * without autovacuum), and does so as soon as it is ready: tables changed while it was down, by a
 * restore or a load with another tool, are analysed at the start, not an interval (a minute) after
 * it. A server of its own, since the test stops and restarts it; Derby keeps its statistics itself.
 */
class PlannerStatisticsIT {

    static LeadlineServer server;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LeadlineServer.onPostgresql(), "Derby keeps its statistics itself");
        server = LeadlineServer.start(Files.createTempDirectory("leadline-it-statistics-"), Map.of());
    }

    @AfterAll
    static void discard() {
        if (server != null) {
            server.discard();
        }
    }

    @Test
    void tablesChangedWhileTheServerWasDownAreAnalysedOnceItIsReady() throws Exception {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        for (int i = 0; i < 3; i++) {
            assertTrue(tenant.api().post("/api/v1/leads", Fixtures.tradeFairLead("Statistik" + i)).status() == 201);
        }
        server.stop();
        Timestamp before;
        try (Connection c = server.openPostgresql(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
                rs.next();
                before = rs.getTimestamp(1);
            }
            // changes no value, but counts as 40 modifications of each lead: far more than the tenth of
            // the table after which the server refreshes the planner's statistics
            for (int i = 0; i < 40; i++) {
                s.executeUpdate("UPDATE leads SET version = version");
            }
        }

        server.restart();

        Timestamp analysed = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = server.openPostgresql(); PreparedStatement s = c.prepareStatement(
                "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'leads' AND schemaname = current_schema()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    analysed = rs.next() ? rs.getTimestamp(1) : null;
                }
                if (analysed != null && analysed.after(before)) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        assertTrue(analysed != null && analysed.after(before), "the lead table's statistics were refreshed at the "
                + "start, not a minute after it (the refresh's interval): last analysed " + analysed + ", changed after "
                + before);
    }
}
