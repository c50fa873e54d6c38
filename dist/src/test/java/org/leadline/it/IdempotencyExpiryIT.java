package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys expire, and an expired key of one tenant is forgotten without touching another
 * tenant's record under the same key. Runs its own server with keys kept for four seconds.
 */
class IdempotencyExpiryIT {

    private static final String LEADS = "/api/v1/leads";

    static LeadlineServer server;

    @BeforeAll
    static void start() throws IOException {
        server = LeadlineServer.start(Files.createTempDirectory("leadline-it-idempotency-"),
                Map.of("LEADLINE_API_IDEMPOTENCY_KEY_TTL", "PT4S"));
    }

    @AfterAll
    static void discard() {
        if (server != null) {
            server.discard();
        }
    }

    @Test
    void anExpiredKeyOfOneTenantLeavesTheOtherTenantsRecordUnderTheSameKey() throws InterruptedException {
        Api a = Fixtures.newTenant(server).api();
        Api b = Fixtures.newTenant(server).api();
        String key = LeadlineServer.unique("shared");
        long t0 = System.nanoTime();
        Api.Response firstA = a.post(LEADS, Fixtures.tradeFairLead("Verfall"), Map.of("Idempotency-Key", key));
        assertEquals(201, firstA.status(), firstA::toString);
        Thread.sleep(2_000);
        Api.Response firstB = b.post(LEADS, Fixtures.tradeFairLead("Verfall"), Map.of("Idempotency-Key", key));
        assertEquals(201, firstB.status(), firstB::toString);

        // A's key has expired (4 s), B's has not (about 2 s old): A's retry creates a new lead.
        Thread.sleep(Math.max(0, 4_700 - (System.nanoTime() - t0) / 1_000_000));
        Api.Response retryA = a.post(LEADS, Fixtures.tradeFairLead("Verfall"), Map.of("Idempotency-Key", key));
        assertEquals(201, retryA.status(), retryA::toString);
        assertNotEquals(firstA.json().getString("id"), retryA.json().getString("id"), "an expired key is new again");

        // B's retry is still answered with B's lead.
        Api.Response retryB = b.post(LEADS, Fixtures.tradeFairLead("Verfall"), Map.of("Idempotency-Key", key));
        assertEquals(firstB.json().getString("id"), retryB.json().getString("id"), retryB::toString);
        assertEquals(1, b.get(LEADS + "?q=verfall").items().size(), "B has one lead");
        assertEquals(2, a.get(LEADS + "?q=verfall").items().size(), "A has two");
    }
}
