package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL database, as a production installation runs them behind a load
 * balancer: what a tenant administrator changes on one node holds on the other, within the time
 * the other node may keep its copy.
 */
class SecondNodeIT {

    @Test
    void anExtensionDisabledOnOneNodeStopsWorkingOnTheOther() throws Exception {
        Assumptions.assumeTrue(LeadlineServer.onPostgresql(), "two nodes share a PostgreSQL database");
        LeadlineServer first = LeadlineServer.shared();
        try (LeadlineServer second = LeadlineServer.start(Files.createTempDirectory("leadline-it-node-"),
                Map.of("LEADLINE_DB_URL", first.postgresqlUrl(), "LEADLINE_PLUGINS_CHOICES_TTL", "PT1S",
                        "LEADLINE_SECRETS_KEYSET_FILE", keyset(first)))) {
            Fixtures.TenantAdmin tenant = Fixtures.newTenant(first);
            Api onFirst = tenant.api();
            Api onSecond = new Api(second.base()).login(tenant.slug(), tenant.username(), tenant.password());
            String bant = "/api/v1/extensions/scoring-bant/bant";
            assertTrue(onSecond.get(bant).json().getBoolean("enabled"), "the second node has read the choice");
            Api.Response scored = onSecond.post("/api/v1/leads", Fixtures.tradeFairLead("Zweiter"));
            assertEquals(201, scored.status(), scored::toString);
            assertTrue(scored.json().getJsonObject("scoring").toString().contains("scoring-bant"), scored::toString);

            Api.Response disabled = onFirst.post(bant + "/disable");
            assertEquals(200, disabled.status(), disabled::toString);
            long deadline = System.nanoTime() + 10_000_000_000L;
            Api.Response seen = onSecond.get(bant);
            while (seen.json().getBoolean("enabled") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                seen = onSecond.get(bant);
            }
            assertEquals(false, seen.json().getBoolean("enabled"), "the second node sees the change: " + seen);
            assertEquals(disabled.etag(), seen.etag(), "and the same version");

            Api.Response unscored = onSecond.post("/api/v1/leads", Fixtures.tradeFairLead("Zweiter2"));
            assertEquals(201, unscored.status(), unscored::toString);
            assertTrue(!unscored.json().containsKey("scoring")
                    || !unscored.json().getJsonObject("scoring").toString().contains("scoring-bant"), unscored::toString);
        }
    }

    @Test
    void signInThrottleAndTenantRevocationHoldAcrossNodes() throws Exception {
        Assumptions.assumeTrue(LeadlineServer.onPostgresql(), "two nodes share a PostgreSQL database");
        LeadlineServer first = LeadlineServer.shared();
        try (LeadlineServer second = LeadlineServer.start(Files.createTempDirectory("leadline-it-node-"),
                Map.of("LEADLINE_DB_URL", first.postgresqlUrl(), "LEADLINE_SECRETS_KEYSET_FILE", keyset(first)))) {
            Fixtures.TenantAdmin tenant = Fixtures.newTenant(first);
            String guesser = "127.0.0.4";
            for (int i = 0; i < 3; i++) {
                assertEquals(401, AuthIT.loginFrom(first, guesser, tenant.slug(), tenant.username(), "guess-" + i).status());
            }
            for (int i = 3; i < 5; i++) {
                assertEquals(401, AuthIT.loginFrom(second, guesser, tenant.slug(), tenant.username(), "guess-" + i).status());
            }
            assertEquals(429, AuthIT.loginFrom(first, guesser, tenant.slug(), tenant.username(), tenant.password()).status(),
                    "the failures of both nodes count together");
            assertEquals(429, AuthIT.loginFrom(second, guesser, tenant.slug(), tenant.username(), tenant.password()).status());

            Api onSecond = new Api(second.base()).login(tenant.slug(), tenant.username(), tenant.password());
            assertEquals(200, onSecond.get("/api/v1/leads").status());
            Api admin = Fixtures.platformAdmin(first);
            assertEquals(200, admin.patch("/api/v1/tenants/" + tenant.tenantId(),
                    jakarta.json.Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of()).status());
            assertEquals(401, statusOnceSettled(onSecond, "/api/v1/leads", 401), "the other node refuses the token");
            assertEquals(200, admin.patch("/api/v1/tenants/" + tenant.tenantId(),
                    jakarta.json.Json.createObjectBuilder().add("status", "ACTIVE").build(), Map.of()).status());
            assertEquals(401, onSecond.get("/api/v1/leads").status(), "and re-enabling the tenant does not bring it back");
        }
    }

    @Test
    void aRevocationOrARoleChangeOnOneNodeHoldsOnTheOtherFromItsNotification() throws Exception {
        Assumptions.assumeTrue(LeadlineServer.onPostgresql(), "two nodes share a PostgreSQL database");
        LeadlineServer first = LeadlineServer.shared();
        try (LeadlineServer second = LeadlineServer.start(Files.createTempDirectory("leadline-it-node-"),
                Map.of("LEADLINE_DB_URL", first.postgresqlUrl(), "LEADLINE_SECRETS_KEYSET_FILE", keyset(first)))) {
            Fixtures.TenantAdmin tenant = Fixtures.newTenant(first);
            Fixtures.User seller = Fixtures.newUser(first, tenant, "SALES");
            Api sellerOnSecond = new Api(second.base()).login(tenant.slug(), seller.username(), seller.password());
            Api signedOutOnFirst = new Api(second.base()).login(tenant.slug(), seller.username(), seller.password());
            // the second node has checked both sessions and keeps them
            assertEquals(403, sellerOnSecond.get("/api/v1/users").status());
            assertEquals(200, signedOutOnFirst.get("/api/v1/leads").status());

            Api.Response promoted = tenant.api().patch("/api/v1/users/" + seller.id(), jakarta.json.Json.createObjectBuilder()
                    .add("roles", jakarta.json.Json.createArrayBuilder().add("SALES").add("TENANT_ADMIN")).build(), Map.of());
            assertEquals(200, promoted.status(), promoted::toString);
            assertEquals(200, statusOnceSettled(sellerOnSecond, "/api/v1/users", 200), "the new role holds on the other node");
            Api.Response demoted = tenant.api().patch("/api/v1/users/" + seller.id(), jakarta.json.Json.createObjectBuilder()
                    .add("roles", jakarta.json.Json.createArrayBuilder().add("SALES")).build(), Map.of());
            assertEquals(200, demoted.status(), demoted::toString);
            assertEquals(403, statusOnceSettled(sellerOnSecond, "/api/v1/users", 403), "and so does losing it");

            Api sameSessionOnFirst = new Api(first.base()).as(signedOutOnFirst.token());
            assertEquals(204, sameSessionOnFirst.post("/api/v1/auth/logout").status());
            assertEquals(401, statusOnceSettled(signedOutOnFirst, "/api/v1/leads", 401),
                    "signing out on one node ends the session on the other");
            assertEquals(200, sellerOnSecond.get("/api/v1/leads").status(), "the user's other session goes on");
        }
    }

    /**
     * The status a request gets once the other node has had its notification: PostgreSQL delivers
     * it when the change commits, so the first try nearly always has it; a few more tries over two
     * seconds allow for a busy machine.
     */
    static int statusOnceSettled(Api api, String path, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int status = api.get(path).status();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = api.get(path).status();
        }
        return status;
    }

    /** A second node shares the first one's key for secret settings, as every node of an installation must. */
    private static String keyset(LeadlineServer first) {
        return first.workDir().resolve("data").resolve("secrets-keyset.json").toString();
    }
}
