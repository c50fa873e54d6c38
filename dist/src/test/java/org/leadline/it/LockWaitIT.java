package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A request that waits too long for rows another transaction holds gets a 503 {@code busy} problem
 * with {@code Retry-After} after {@code leadline.db.lock-timeout} (15 s by default), not a 500 and
 * not an answer that never comes, and it changes nothing.
 */
class LockWaitIT {

    static final LeadlineServer server = LeadlineServer.shared();

    @Test
    void aCreateThatWaitsTooLongForTheDuplicateCheckIsAnsweredBusyAndStoresNothing() throws Exception {
        Assumptions.assumeTrue(LeadlineServer.onPostgresql(),
                "embedded Derby cannot be opened while the server runs; the lock is held from a second connection "
                        + "on PostgreSQL");
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api api = tenant.api();
        JsonObject first = Fixtures.tradeFairLead("Lockwait");
        assertEquals(201, api.post("/api/v1/leads", first).status());

        Api.Response busy;
        try (Connection c = server.openPostgresql()) {
            c.setAutoCommit(false);
            int held = 0;
            // the duplicate check's lock rows of this tenant only: other tests' tenants are not held up
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT bucket FROM duplicate_locks WHERE tenant_id = ? FOR UPDATE")) {
                s.setString(1, tenant.tenantId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held++;
                    }
                }
            }
            assertTrue(held > 0, "the first create took the duplicate check's lock rows");
            long t0 = System.nanoTime();
            busy = api.post("/api/v1/leads", first);
            double waited = (System.nanoTime() - t0) / 1e9;
            c.rollback();
            assertTrue(waited >= 10 && waited < 60, "answered after the lock timeout, not before or never: " + waited);
        }
        assertEquals(503, busy.status(), busy::toString);
        assertTrue(busy.header("content-type").startsWith("application/problem+json"), busy::toString);
        assertTrue(busy.json().getString("type").endsWith("/problems/busy"), busy::toString);
        assertNotNull(busy.header("retry-after"), busy::toString);
        assertEquals(1, api.get("/api/v1/leads").items().size(),
                "the refused create stored nothing");

        Api.Response again = api.post("/api/v1/leads", first);
        assertEquals(201, again.status(), "sent again once the lock is free, it goes through: " + again);
        assertEquals(2, api.get("/api/v1/leads").items().size());
    }
}
