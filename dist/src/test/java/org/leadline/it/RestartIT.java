package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A server of its own, started on an empty data folder without configured passwords, then
 * stopped and started again on the same data: the first start sets up the platform exactly once,
 * and nothing is lost or reset by a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final Pattern GENERATED = Pattern.compile("Generated password for '([^']+)': (\\S+)");

    static LeadlineServer server;
    static String adminPassword;
    static String ownerPassword;
    static String ownerNewPassword = "owner-changed-password";
    static String leadId;
    static Api.Response leadBefore;
    static String tenantSlug;

    @BeforeAll
    static void firstStart() throws IOException {
        server = LeadlineServer.start(Files.createTempDirectory("leadline-it-restart-"),
                Map.of("LEADLINE_BOOTSTRAP_ADMIN_PASSWORD", "", "LEADLINE_BOOTSTRAP_TENANT_ADMIN_PASSWORD", ""));
    }

    @AfterAll
    static void discard() {
        if (server != null) {
            server.discard();
        }
    }

    static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    @Order(1)
    void theFirstStartPrintsGeneratedPasswordsOnceAndTheyWork() throws IOException {
        String log = server.log();
        Matcher m = GENERATED.matcher(log);
        while (m.find()) {
            if (m.group(1).equals(LeadlineServer.ADMIN)) {
                assertEquals(null, adminPassword, "printed once");
                adminPassword = m.group(2);
            } else if (m.group(1).equals(LeadlineServer.OWNER)) {
                assertEquals(null, ownerPassword, "printed once");
                ownerPassword = m.group(2);
            }
        }
        assertNotNull(adminPassword, "the platform administrator's password is in the log");
        assertNotNull(ownerPassword, "the first tenant administrator's password is in the log");
        assertTrue(adminPassword.length() >= 12);
        assertEquals(401, server.api().post("/api/v1/auth/login", Json.createObjectBuilder()
                .add("username", LeadlineServer.ADMIN).add("password", LeadlineServer.ADMIN_PASSWORD).build()).status(),
                "no built-in default password");

        Api admin = server.api().login(LeadlineServer.ADMIN, adminPassword);
        Api.Response tenants = admin.get("/api/v1/tenants");
        assertEquals(200, tenants.status(), tenants::toString);
        assertEquals(1, tenants.items().size(), tenants::toString);
        assertEquals("default", tenants.items().getJsonObject(0).getString("slug"));

        Api owner = server.api().login(LeadlineServer.OWNER, ownerPassword);
        Api.Response me = owner.get("/api/v1/auth/me");
        assertTrue(me.json().getJsonArray("roles").toString().contains("TENANT_ADMIN"), me::toString);
        assertEquals(200, owner.get("/api/v1/leads").status());
    }

    @Test
    @Order(2)
    void leadsAccountsAndPasswordsSurviveARestart() throws IOException {
        Api owner = server.api().login(LeadlineServer.OWNER, ownerPassword);
        Api.Response created = owner.post("/api/v1/leads", Fixtures.tradeFairLead("Dauerhaft"));
        assertEquals(201, created.status(), created::toString);
        leadId = created.json().getString("id");
        Api.Response patched = owner.patch("/api/v1/leads/" + leadId,
                Json.createObjectBuilder().add("topic", "after one change").build(), Map.of("If-Match", created.etag()));
        assertEquals(200, patched.status());
        for (int i = 0; i < 5; i++) {
            assertEquals(201, owner.post("/api/v1/leads", Fixtures.tradeFairLead("Menge" + i)).status());
        }
        leadBefore = owner.get("/api/v1/leads/" + leadId);
        String me = owner.get("/api/v1/auth/me").json().getString("id");
        assertEquals(200, owner.patch("/api/v1/users/" + me, Json.createObjectBuilder().add("password", ownerNewPassword)
                .build(), Map.of()).status());
        tenantSlug = LeadlineServer.unique("second");
        Api.Response tenant = server.api().login(LeadlineServer.ADMIN, adminPassword).post("/api/v1/tenants",
                Json.createObjectBuilder().add("slug", tenantSlug).add("name", "Second")
                        .add("admin", Json.createObjectBuilder().add("username", tenantSlug + "-admin")).build());
        assertEquals(201, tenant.status(), tenant::toString);
        assertEquals(401, owner.get("/api/v1/leads").status(), "a new password ends the sessions of the old one");
        String apiToken = server.api().login(LeadlineServer.OWNER, ownerNewPassword).post("/api/v1/api-tokens",
                Json.createObjectBuilder().add("name", "survivor").build()).json().getString("token");

        server.restart();

        Api ownerAgain = server.api().login(LeadlineServer.OWNER, ownerNewPassword);
        Api.Response lead = ownerAgain.get("/api/v1/leads/" + leadId);
        assertEquals(200, lead.status(), lead::toString);
        assertEquals(leadBefore.json(), lead.json(), "every field, timestamp and version as before");
        assertEquals(leadBefore.etag(), lead.etag());
        assertEquals(6, ownerAgain.get("/api/v1/leads?limit=200").items().size());
        assertEquals(1, ownerAgain.get("/api/v1/leads?q=dauerhaft").items().size(), "the search index survives");
        assertEquals(200, server.api().as(apiToken).get("/api/v1/leads").status(), "API tokens survive");
        Api.Response next = ownerAgain.patch("/api/v1/leads/" + leadId, Json.createObjectBuilder().add("topic", "after restart")
                .build(), Map.of("If-Match", lead.etag()));
        assertEquals(200, next.status(), next::toString);

        assertEquals(401, server.api().post("/api/v1/auth/login", Json.createObjectBuilder()
                .add("username", LeadlineServer.OWNER).add("password", ownerPassword).build()).status(),
                "the second start did not reset the changed password");
        Api admin = server.api().login(LeadlineServer.ADMIN, adminPassword);
        List<String> slugs = AuthIT.allTenantSlugs(admin);
        assertEquals(List.of("default", tenantSlug).stream().sorted().toList(), slugs.stream().sorted().toList(),
                "no second default tenant");
        Api.Response users = ownerAgain.get("/api/v1/users?limit=200");
        assertEquals(1, users.items().stream().filter(u -> u.asJsonObject().getString("username").equals(LeadlineServer.OWNER))
                .count());
        assertEquals(1, users.items().size(), users::toString);

        String log = server.log();
        assertEquals(1, occurrences(log, "Generated password for '" + LeadlineServer.ADMIN + "'"), "printed once, not per start");
        assertEquals(1, occurrences(log, "Generated password for '" + LeadlineServer.OWNER + "'"));
        assertEquals(1, occurrences(log, "First start: created"));
        JsonObject tenantsPage = admin.get("/api/v1/tenants").json();
        assertEquals(2, tenantsPage.getJsonArray("items").size());
    }
}
