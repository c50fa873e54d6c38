package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in, roles, API tokens, and what disabling users and tenants does to them. */
class AuthIT {

    private static final String LOGIN = "/api/v1/auth/login";
    private static final String LEADS = "/api/v1/leads";

    static LeadlineServer server;
    static Fixtures.TenantAdmin tenant;

    @BeforeAll
    static void tenant() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
    }

    /** Signs in as a user of this class's tenant. */
    static Api.Response login(String username, String password) {
        return login(tenant.slug(), username, password);
    }

    /** Signs in as a user of the tenant with the slug {@code slug}; null: no tenant named. */
    static Api.Response login(String slug, String username, String password) {
        var body = Json.createObjectBuilder().add("username", username).add("password", password);
        if (slug != null) {
            body.add("tenant", slug);
        }
        return server.api().post(LOGIN, body.build());
    }

    static void unauthenticated(Api.Response r) {
        assertEquals(401, r.status(), r::toString);
        assertTrue(r.header("www-authenticate") != null && r.header("www-authenticate").startsWith("Bearer"), r.headers()::toString);
        assertTrue(r.header("content-type").startsWith("application/problem+json"), r.headers()::toString);
        assertEquals("/problems/unauthenticated", r.problemType());
    }

    static void forbidden(Api.Response r) {
        assertEquals(403, r.status(), r::toString);
        assertEquals("/problems/forbidden", r.problemType());
    }

    // ---- signing in and out ----------------------------------------------------------------------

    @Test
    void aUserSignsInWithUsernameAndPasswordAndGetsABearerToken() {
        Api.Response r = login(tenant.username(), tenant.password());
        assertEquals(200, r.status(), r::toString);
        JsonObject body = r.json();
        assertEquals("Bearer", body.getString("tokenType"));
        assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(Instant.now()));
        assertEquals(tenant.userId(), body.getJsonObject("user").getString("id"));
        assertEquals(tenant.tenantId(), body.getJsonObject("user").getString("tenantId"));
        assertEquals("no-store", r.header("cache-control"));
        assertFalse(r.body().contains(tenant.password()));
        Api me = server.api().as(body.getString("token"));
        Api.Response who = me.get("/api/v1/auth/me");
        assertEquals(200, who.status(), who::toString);
        assertEquals(tenant.username(), who.json().getString("username"));
        assertFalse(who.json().containsKey("passwordHash") || who.body().contains("PBKDF2"), who::toString);
        assertEquals(200, me.get(LEADS).status());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Api.Response wrong = login(tenant.username(), "not-the-password");
        Api.Response unknown = login("nobody-" + tenant.slug(), "not-the-password");
        unauthenticated(wrong);
        unauthenticated(unknown);
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
        assertFalse(wrong.body().contains("token\""), wrong::toString);
    }

    @Test
    void repeatedWrongPasswordsLockTheUsernameForAWhileWithoutLockingOthers() {
        Fixtures.User victim = Fixtures.newUser(server, tenant, "SALES");
        Fixtures.User bystander = Fixtures.newUser(server, tenant, "SALES");
        for (int i = 0; i < 5; i++) {
            unauthenticated(login(victim.username(), "guess-number-" + i));
        }
        // locked now: even the right password is refused, with the time to wait
        Api.Response locked = login(victim.username(), victim.password());
        assertEquals(429, locked.status(), locked::toString);
        assertEquals("/problems/rate-limited", locked.problemType());
        long retryAfter = Long.parseLong(locked.header("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61, locked::toString);
        assertFalse(locked.body().contains("token\""), locked::toString);
        // another account and an existing session of the locked one are unaffected
        assertEquals(200, login(bystander.username(), bystander.password()).status());
        assertEquals(200, victim.api().get("/api/v1/auth/me").status());
        // an unknown username is locked the same way, so a lock reveals nothing about accounts
        String nobody = "nobody-locked-" + tenant.slug();
        for (int i = 0; i < 5; i++) {
            unauthenticated(login(nobody, "guess-number-" + i));
        }
        assertEquals(429, login(nobody, "guess-number-6").status());
    }

    @Test
    void aLoginWithoutUsernameOrPasswordIsInvalid() {
        Api.Response noPassword = server.api().post(LOGIN, Json.createObjectBuilder().add("username", tenant.username()).build());
        assertEquals(400, noPassword.status(), noPassword::toString);
        assertEquals("is required", noPassword.fieldError("password"));
        Api.Response noUser = server.api().post(LOGIN, Json.createObjectBuilder().add("password", "x").build());
        assertEquals(400, noUser.status(), noUser::toString);
        assertEquals("is required", noUser.fieldError("username"));
        Api.Response extra = server.api().post(LOGIN, Json.createObjectBuilder().add("username", "a")
                .add("password", "b").add("tenantId", "c").build());
        assertEquals(400, extra.status());
        assertEquals("is not a known field", extra.fieldError("tenantId"));
        assertEquals(400, server.api().send("POST", LOGIN, "{", "application/json", Map.of()).status());
    }

    @Test
    void aRequestWithoutOrWithABadTokenIs401() {
        unauthenticated(server.api().get(LEADS));
        unauthenticated(server.api().as("ll_not-a-real-token").get(LEADS));
        unauthenticated(server.api().as("garbage").get(LEADS));
        unauthenticated(server.api().as("x".repeat(5000)).get("/api/v1/users"));
        unauthenticated(server.api().get("/api/v1/tenants"));
        unauthenticated(server.api().send("POST", LEADS, Fixtures.tradeFairLead("Anonym").toString(), "application/json",
                Map.of()));
        unauthenticated(server.api().get(LEADS, Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")));
        unauthenticated(server.api().get("/api/v1/nothing-here"));
    }

    @Test
    void loggingOutRevokesTheToken() {
        Api session = server.api().login(tenant.slug(), tenant.username(), tenant.password());
        assertEquals(200, session.get(LEADS).status());
        Api.Response out = session.post("/api/v1/auth/logout");
        assertEquals(204, out.status(), out::toString);
        unauthenticated(session.get(LEADS));
        unauthenticated(session.post("/api/v1/auth/logout"));
        assertEquals(200, tenant.api().get(LEADS).status(), "other sessions of the same user go on");
        Api.Response again = session.post(LOGIN, Json.createObjectBuilder().add("tenant", tenant.slug()).add("username", tenant.username())
                .add("password", tenant.password()).build());
        assertEquals(200, again.status(), "signing in again with the dead token still attached works: " + again);
    }

    // ---- roles -----------------------------------------------------------------------------------

    @Test
    void aSellerWorksLeadsButCannotAdministerTheTenant() {
        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        Api api = seller.api();
        Api.Response created = api.post(LEADS, Fixtures.tradeFairLead("Verkauf"));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertEquals(seller.id(), created.json().getString("ownerId"));
        assertEquals(200, api.patch(LEADS + "/" + id, Json.createObjectBuilder().add("topic", "t").build(),
                Map.of("If-Match", "*")).status());
        assertEquals(200, api.get(LEADS + "/" + id).status());
        assertEquals(204, api.delete(LEADS + "/" + id, Map.of("If-Match", "*")).status());

        forbidden(api.get("/api/v1/users"));
        forbidden(api.post("/api/v1/users", Json.createObjectBuilder().add("username", "sneaky-" + tenant.slug())
                .add("displayName", "S").add("roles", Json.createArrayBuilder().add("TENANT_ADMIN"))
                .add("password", "long-enough-password").build()));
        forbidden(api.get("/api/v1/api-tokens"));
        forbidden(api.post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "mine").build()));
        forbidden(api.get("/api/v1/tenants"));
        assertEquals(401, login("sneaky-" + tenant.slug(), "long-enough-password").status(), "no user was created");
    }

    @Test
    void aChangeOfRolesHoldsFromTheUsersNextRequest() {
        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        Api api = seller.api();
        forbidden(api.get("/api/v1/users"));
        assertEquals(200, api.get(LEADS).status());
        Api.Response promoted = tenant.api().patch("/api/v1/users/" + seller.id(), Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("SALES").add("TENANT_ADMIN")).build(), Map.of());
        assertEquals(200, promoted.status(), promoted::toString);
        assertEquals(200, api.get("/api/v1/users").status(), "the same session now administers the tenant");
        Api.Response demoted = tenant.api().patch("/api/v1/users/" + seller.id(), Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("SALES")).build(), Map.of());
        assertEquals(200, demoted.status(), demoted::toString);
        forbidden(api.get("/api/v1/users"));
        assertEquals(200, api.get(LEADS).status());
    }

    @Test
    void thePlatformAdministratorManagesTenantsButNoLeads() {
        Api admin = Fixtures.platformAdmin(server);
        forbidden(admin.get(LEADS));
        forbidden(admin.post(LEADS, Fixtures.tradeFairLead("Plattform")));
        forbidden(admin.get("/api/v1/users"));

        String slug = LeadlineServer.unique("p");
        Api.Response created = admin.post("/api/v1/tenants", Json.createObjectBuilder().add("slug", slug)
                .add("name", "Platform-made").add("admin", Json.createObjectBuilder().add("username", slug + "-boss")).build());
        assertEquals(201, created.status(), created::toString);
        String initial = created.json().getString("initialPassword");
        assertTrue(initial.length() >= 12, "a generated password is returned once");
        String id = created.json().getString("id");
        assertEquals("ACTIVE", created.json().getString("status"));
        assertNotNull(created.etag(), "a 201 carries the new resource's ETag");
        assertEquals(created.etag(), admin.get("/api/v1/tenants/" + id).etag());
        assertEquals(200, login(slug, slug + "-boss", initial).status());

        Api.Response again = admin.post("/api/v1/tenants", Json.createObjectBuilder().add("slug", slug)
                .add("name", "Twin").add("admin", Json.createObjectBuilder().add("username", slug + "-twin")).build());
        assertEquals(409, again.status(), again::toString);
        Api.Response invalid = admin.post("/api/v1/tenants", Json.createObjectBuilder().add("slug", "Not A Slug!")
                .add("name", "x").build());
        assertEquals(400, invalid.status());
        assertNotNull(invalid.fieldError("slug"));
        assertNotNull(invalid.fieldError("admin"));

        Api.Response read = admin.get("/api/v1/tenants/" + id);
        assertEquals(200, read.status());
        assertEquals("\"" + read.json().getJsonNumber("version").longValue() + "\"", read.etag(), "the ETag is the version");
        Api.Response stale = admin.patch("/api/v1/tenants/" + id, Json.createObjectBuilder().add("name", "Renamed").build(),
                Map.of("If-Match", "\"" + (read.json().getJsonNumber("version").longValue() + 7) + "\""));
        assertEquals(412, stale.status(), stale::toString);
        Api.Response renamed = admin.patch("/api/v1/tenants/" + id, Json.createObjectBuilder().add("name", "Renamed").build(),
                Map.of("If-Match", read.etag()));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Renamed", renamed.json().getString("name"));
        assertEquals("\"" + renamed.json().getJsonNumber("version").longValue() + "\"", renamed.etag());
        assertEquals(renamed.etag(), admin.get("/api/v1/tenants/" + id).etag());
        List<String> slugs = allTenantSlugs(admin);
        assertTrue(slugs.contains(slug) && slugs.contains(tenant.slug()) && slugs.contains("default"), slugs::toString);
        assertEquals(slugs.size(), new java.util.HashSet<>(slugs).size(), "no tenant listed twice across pages");

        Api.Response disabled = admin.patch("/api/v1/tenants/" + id,
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of());
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals("DISABLED", disabled.json().getString("status"));
        assertEquals("DISABLED", admin.get("/api/v1/tenants/" + id).json().getString("status"));
    }

    static List<String> allTenantSlugs(Api admin) {
        List<String> slugs = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = admin.get("/api/v1/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + Api.q(cursor)));
            assertEquals(200, page.status(), page::toString);
            page.items().forEach(t -> slugs.add(t.asJsonObject().getString("slug")));
            JsonObject info = page.json().getJsonObject("page");
            cursor = info.containsKey("nextCursor") ? info.getString("nextCursor") : null;
            assertEquals(cursor != null, page.header("link") != null && page.header("link").contains("rel=\"next\""),
                    "Link rel=next exactly when there is a next page: " + page);
        } while (cursor != null && slugs.size() < 10_000);
        return slugs;
    }

    @Test
    void aCursorTheServerDidNotIssueIsRefused() {
        Api admin = Fixtures.platformAdmin(server);
        for (String bad : List.of("x", "..%2F..%2Fadmin", "%27%20OR%201%3D1", "0000")) {
            for (Api.Response r : List.of(admin.get("/api/v1/tenants?cursor=" + bad),
                    tenant.api().get("/api/v1/users?cursor=" + bad), tenant.api().get("/api/v1/api-tokens?cursor=" + bad))) {
                assertEquals(400, r.status(), r::toString);
                assertEquals("is not a cursor this server issued", r.fieldError("cursor"), r::toString);
            }
        }
    }

    @Test
    void aTenantAdministratorCannotManageTenants() {
        forbidden(tenant.api().get("/api/v1/tenants"));
        forbidden(tenant.api().post("/api/v1/tenants", Json.createObjectBuilder().add("slug", "mine")
                .add("name", "Mine").add("admin", Json.createObjectBuilder().add("username", "mine-admin")).build()));
        forbidden(tenant.api().patch("/api/v1/tenants/" + tenant.tenantId(),
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of()));
        assertEquals(200, tenant.api().get(LEADS).status(), "the tenant was not disabled");
    }

    // ---- API tokens ------------------------------------------------------------------------------

    @Test
    void anApiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        Api admin = tenant.api();
        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Api.Response created = admin.post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "crm-sync")
                .add("expiresAt", expires.toString()).build());
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        String secret = created.json().getString("token");
        assertEquals(expires, Instant.parse(created.json().getString("expiresAt")));
        assertEquals("no-store", created.header("cache-control"));

        Api.Response read = admin.get("/api/v1/api-tokens/" + id);
        assertEquals(200, read.status());
        assertEquals("crm-sync", read.json().getString("name"));
        assertFalse(read.json().containsKey("token") || read.body().contains(secret), "the secret is never shown again");
        Api.Response list = admin.get("/api/v1/api-tokens?limit=200");
        assertTrue(list.items().stream().anyMatch(t -> t.asJsonObject().getString("id").equals(id)));
        assertFalse(list.body().contains(secret));

        Api robot = server.api().as(secret);
        Api.Response lead = robot.post(LEADS, Fixtures.tradeFairLead("Roboter"));
        assertEquals(201, lead.status(), lead::toString);
        assertEquals(tenant.userId(), lead.json().getString("createdBy"), "the token acts as its user");
        assertTrue(admin.get("/api/v1/api-tokens/" + id).json().containsKey("lastUsedAt"));

        assertEquals(204, admin.delete("/api/v1/api-tokens/" + id, Map.of()).status());
        unauthenticated(robot.get(LEADS));
        assertTrue(admin.get("/api/v1/api-tokens/" + id).json().containsKey("revokedAt"));
    }

    @Test
    void anApiTokenExpiryMustBeInTheFutureAndNotTooFar() {
        Api admin = tenant.api();
        for (String expiry : List.of(Instant.now().minusSeconds(60).toString(),
                Instant.now().plus(400, ChronoUnit.DAYS).toString(), "tomorrow")) {
            Api.Response r = admin.post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "bad")
                    .add("expiresAt", expiry).build());
            assertEquals(400, r.status(), expiry + ": " + r);
            assertNotNull(r.fieldError("expiresAt"), r::toString);
        }
        assertEquals(400, admin.post("/api/v1/api-tokens", JsonValue.EMPTY_JSON_OBJECT).status(), "a name is required");
        assertTrue(admin.get("/api/v1/api-tokens?limit=200").items().stream()
                .noneMatch(t -> "bad".equals(t.asJsonObject().getString("name", null))));
    }

    @Test
    void disablingAUserRevokesItsTokensAndBlocksItsLogin() {
        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        Api.Response token = tenant.api().post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "seller-bot")
                .add("userId", seller.id()).build());
        assertEquals(201, token.status(), token::toString);
        Api bot = server.api().as(token.json().getString("token"));
        assertEquals(200, bot.get(LEADS).status());

        Api.Response disabled = tenant.api().patch("/api/v1/users/" + seller.id(),
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of());
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals("DISABLED", disabled.json().getString("status"));
        unauthenticated(seller.api().get(LEADS));
        unauthenticated(bot.get(LEADS));
        unauthenticated(login(seller.username(), seller.password()));

        Api.Response enabled = tenant.api().patch("/api/v1/users/" + seller.id(),
                Json.createObjectBuilder().add("status", "ACTIVE").build(), Map.of());
        assertEquals(200, enabled.status(), enabled::toString);
        assertEquals(200, login(seller.username(), seller.password()).status());
        unauthenticated(bot.get(LEADS));
        assertNotEquals(200, tenant.api().patch("/api/v1/users/" + tenant.userId(),
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of()).status(), "no one disables himself");
    }

    @Test
    void disablingATenantRevokesItsSessionsAndTokensForGoodAndReEnablingLetsItsUsersSignInAgain() {
        Fixtures.TenantAdmin victim = Fixtures.newTenant(server);
        Api.Response token = victim.api().post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "bot").build());
        assertEquals(201, token.status(), token::toString);
        Api bot = server.api().as(token.json().getString("token"));
        String tokenId = token.json().getString("id");
        Api admin = Fixtures.platformAdmin(server);

        assertEquals(200, admin.patch("/api/v1/tenants/" + victim.tenantId(),
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of()).status());
        unauthenticated(victim.api().get(LEADS));
        unauthenticated(bot.get(LEADS));
        unauthenticated(login(victim.slug(), victim.username(), victim.password()));
        assertEquals(200, tenant.api().get(LEADS).status(), "other tenants carry on");

        assertEquals(200, admin.patch("/api/v1/tenants/" + victim.tenantId(),
                Json.createObjectBuilder().add("status", "ACTIVE").build(), Map.of()).status());
        unauthenticated(victim.api().get(LEADS));
        unauthenticated(bot.get(LEADS));
        Api.Response again = login(victim.slug(), victim.username(), victim.password());
        assertEquals(200, again.status(), "its users sign in anew: " + again);
        Api fresh = server.api().as(again.json().getString("token"));
        assertEquals(200, fresh.get(LEADS).status());
        Api.Response revoked = fresh.get("/api/v1/api-tokens/" + tokenId);
        assertEquals(200, revoked.status(), revoked::toString);
        assertNotNull(revoked.json().getString("revokedAt", null), "the API token shows as revoked: " + revoked);
    }

    // ---- usernames per tenant ------------------------------------------------------------------

    @Test
    void aTenantLearnsNothingAboutTheUsernamesOfOtherTenants() {
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        // the default tenant's owner, this class's tenant's admin and the platform administrator's name
        for (String taken : List.of(LeadlineServer.OWNER, tenant.username(), LeadlineServer.ADMIN)) {
            Api.Response created = other.api().post("/api/v1/users", Json.createObjectBuilder().add("username", taken)
                    .add("displayName", "Same name").add("roles", Json.createArrayBuilder().add("SALES"))
                    .add("password", "password-of-the-other-" + taken).build());
            assertEquals(201, created.status(), taken + ": " + created);
        }
        Api.Response twin = other.api().post("/api/v1/users", Json.createObjectBuilder().add("username", LeadlineServer.OWNER)
                .add("displayName", "Twin").add("roles", Json.createArrayBuilder().add("SALES")).build());
        assertEquals(409, twin.status(), "unique within the tenant: " + twin);
        assertEquals("The username 'owner' is taken in this tenant", twin.json().getString("detail"));

        // each signs in with its own tenant and is itself
        Api.Response theirs = login(other.slug(), LeadlineServer.OWNER, "password-of-the-other-" + LeadlineServer.OWNER);
        assertEquals(200, theirs.status(), theirs::toString);
        assertEquals(other.tenantId(), theirs.json().getJsonObject("user").getString("tenantId"));
        unauthenticated(login(other.slug(), LeadlineServer.OWNER, LeadlineServer.OWNER_PASSWORD));
        Api.Response defaults = login(null, LeadlineServer.OWNER, LeadlineServer.OWNER_PASSWORD);
        assertEquals(200, defaults.status(), "without a tenant: the default tenant's owner, as before: " + defaults);
        assertNotEquals(other.tenantId(), defaults.json().getJsonObject("user").getString("tenantId"));
        assertEquals(200, login("default", LeadlineServer.OWNER, LeadlineServer.OWNER_PASSWORD).status());
        Api.Response mine = login(tenant.username(), tenant.password());
        assertEquals(tenant.userId(), mine.json().getJsonObject("user").getString("id"));
        // the platform administrator signs in without a tenant; the tenant's "admin" with it
        unauthenticated(login(null, LeadlineServer.ADMIN, "password-of-the-other-" + LeadlineServer.ADMIN));
        assertEquals(200, login(other.slug(), LeadlineServer.ADMIN, "password-of-the-other-" + LeadlineServer.ADMIN).status());
        // an unknown tenant answers like a wrong password
        Api.Response nowhere = login("no-such-tenant", LeadlineServer.OWNER, LeadlineServer.OWNER_PASSWORD);
        unauthenticated(nowhere);
        assertEquals(login(tenant.username(), "wrong-password").json().getString("detail"), nowhere.json().getString("detail"));
    }

    // ---- throttling ------------------------------------------------------------------------------

    @Test
    void aGuesserAtOneAddressCannotLockTheOwnerOutFromAnother() throws Exception {
        Fixtures.User victim = Fixtures.newUser(server, tenant, "SALES");
        String attacker = "127.0.0.3";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, loginFrom(attacker, tenant.slug(), victim.username(), "guess-number-" + i).status());
        }
        Raw delayed = loginFrom(attacker, tenant.slug(), victim.username(), victim.password());
        assertEquals(429, delayed.status(), "the guesser's address waits, even with the right password: " + delayed);
        assertTrue(delayed.body().contains("/problems/rate-limited"), delayed::toString);
        Raw owner = loginFrom(LeadlineServer.OUTSIDE_HOST, tenant.slug(), victim.username(), victim.password());
        assertEquals(200, owner.status(), "the owner elsewhere gets in: " + owner);
        for (int i = 0; i < 5; i++) {
            assertEquals(429, loginFrom(attacker, tenant.slug(), victim.username(), "guess-number-" + i).status());
        }
        assertEquals(200, loginFrom(LeadlineServer.OUTSIDE_HOST, tenant.slug(), victim.username(), victim.password()).status());

        // the platform administrator's account likewise: guessing it locks out only the guesser
        for (int i = 0; i < 6; i++) {
            loginFrom(attacker, null, LeadlineServer.ADMIN, "guess-number-" + i);
        }
        assertEquals(429, loginFrom(attacker, null, LeadlineServer.ADMIN, LeadlineServer.ADMIN_PASSWORD).status());
        assertEquals(200, loginFrom(LeadlineServer.OUTSIDE_HOST, null, LeadlineServer.ADMIN, LeadlineServer.ADMIN_PASSWORD)
                .status());
    }

    /** An answer read off the wire. */
    record Raw(int status, String body) {
    }

    /**
     * Signs in from the local address {@code from} (all of 127.0.0.0/8 is this machine on Linux):
     * the server sees another client address. Plain HTTP/1.1, as the JDK's client cannot choose its
     * local address on Java 17.
     */
    static Raw loginFrom(String from, String slug, String username, String password) throws java.io.IOException {
        return loginFrom(server, from, slug, username, password);
    }

    static Raw loginFrom(LeadlineServer server, String from, String slug, String username, String password)
            throws java.io.IOException {
        var body = Json.createObjectBuilder().add("username", username).add("password", password);
        if (slug != null) {
            body.add("tenant", slug);
        }
        byte[] json = body.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.URI base = java.net.URI.create(server.base());
        try (java.net.Socket s = new java.net.Socket()) {
            s.bind(new java.net.InetSocketAddress(from, 0));
            s.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
            s.setSoTimeout(30_000);
            String head = "POST " + LOGIN + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                    + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().write(json);
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new Raw(status, answer);
        }
    }

    // ---- password policy -------------------------------------------------------------------------

    @Test
    void passwordsFollowNistGuidanceLengthAndABlocklistButNoCompositionRules() {
        Api admin = tenant.api();
        String username = LeadlineServer.unique("pw");
        for (String weak : List.of("            ", "passwordpassword", "iloveyou1234", "123456789012", "qwertyuiop12")) {
            Api.Response r = admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username)
                    .add("displayName", "P").add("roles", Json.createArrayBuilder().add("SALES")).add("password", weak).build());
            assertEquals(400, r.status(), "'" + weak + "': " + r);
            assertTrue(r.header("content-type").startsWith("application/problem+json"), r::toString);
            assertNotNull(r.fieldError("password"), r::toString);
        }
        Api.Response spaces = admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "P").add("roles", Json.createArrayBuilder().add("SALES")).add("password", " ".repeat(16)).build());
        assertEquals("must not be only white space", spaces.fieldError("password"), spaces::toString);
        Api.Response sixtyFour = admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "P").add("roles", Json.createArrayBuilder().add("SALES"))
                .add("password", "all lower case words and nothing else needed " + "x".repeat(19)).build());
        assertEquals(201, sixtyFour.status(), "a long passphrase without digits or symbols is fine: " + sixtyFour);
        Api.Response change = admin.patch("/api/v1/users/" + sixtyFour.json().getString("id"),
                Json.createObjectBuilder().add("password", "monkey123456").build(), Map.of());
        assertEquals(400, change.status(), change::toString);
        assertNotNull(change.fieldError("password"), change::toString);

        Api.Response weakTenant = Fixtures.platformAdmin(server).post("/api/v1/tenants", Json.createObjectBuilder()
                .add("slug", LeadlineServer.unique("w")).add("name", "Weak")
                .add("admin", Json.createObjectBuilder().add("username", "boss").add("password", "baseball1234")).build());
        assertEquals(400, weakTenant.status(), weakTenant::toString);
        assertNotNull(weakTenant.fieldError("admin.password"), weakTenant::toString);
    }

    @Test
    void usersAreManagedByTheTenantAdministrator() {
        Api admin = tenant.api();
        String username = LeadlineServer.unique("new");
        Api.Response created = admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "New Seller").add("roles", Json.createArrayBuilder().add("SALES"))
                .add("password", "a-long-enough-password").build());
        assertEquals(201, created.status(), created::toString);
        assertFalse(created.body().contains("a-long-enough-password"));
        assertEquals(List.of("SALES"), created.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(admin.get("/api/v1/users?limit=200").items().stream()
                .anyMatch(u -> u.asJsonObject().getString("username").equals(username)));
        String userId = created.json().getString("id");
        Api.Response user = admin.get("/api/v1/users/" + userId);
        assertEquals(created.etag(), user.etag(), "a user's ETag is its version");
        assertEquals("\"" + user.json().getJsonNumber("version").longValue() + "\"", user.etag());
        Api.Response renamed = admin.patch("/api/v1/users/" + userId,
                Json.createObjectBuilder().add("displayName", "Renamed Seller").build(), Map.of("If-Match", user.etag()));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("\"" + renamed.json().getJsonNumber("version").longValue() + "\"", renamed.etag());
        Api.Response stale = admin.patch("/api/v1/users/" + userId,
                Json.createObjectBuilder().add("displayName", "Again").build(), Map.of("If-Match", user.etag()));
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(200, admin.patch("/api/v1/users/" + userId,
                Json.createObjectBuilder().add("displayName", "Without If-Match").build(), Map.of()).status());
        Api.Response firstUsers = admin.get("/api/v1/users?limit=1");
        assertEquals(1, firstUsers.items().size());
        assertTrue(firstUsers.header("link").contains("rel=\"next\""), firstUsers::toString);
        assertTrue(admin.get("/api/v1/api-tokens?limit=1").status() == 200);
        assertEquals(409, admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "Twin").add("roles", Json.createArrayBuilder().add("SALES")).build()).status());
        Api.Response badRole = admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username + "x")
                .add("displayName", "X").add("roles", Json.createArrayBuilder().add("PLATFORM_ADMIN")).build());
        assertEquals(400, badRole.status(), "a tenant admin cannot create a platform admin: " + badRole);
        assertEquals("must be one of TENANT_ADMIN, SALES", badRole.fieldError("roles[0]"), badRole::toString);
        Api.Response shortPassword = admin.post("/api/v1/users", Json.createObjectBuilder().add("username", username + "y")
                .add("displayName", "Y").add("roles", Json.createArrayBuilder().add("SALES")).add("password", "short").build());
        assertEquals(400, shortPassword.status());
        assertNotNull(shortPassword.fieldError("password"));
    }

    @Test
    void storedPasswordsArePbkdf2Hashes() throws Exception {
        Assumptions.assumeTrue(LeadlineServer.onPostgresql(),
                "embedded Derby cannot be opened while the server runs; checked on PostgreSQL");
        try (Connection c = server.openPostgresql();
             PreparedStatement s = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            for (String username : List.of(tenant.username(), LeadlineServer.ADMIN)) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), username);
                    String hash = rs.getString(1);
                    assertTrue(hash.matches("PBKDF2WithHmacSHA\\d+:\\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), hash);
                    assertFalse(hash.contains(tenant.password()));
                    assertTrue(Integer.parseInt(hash.split(":")[1]) >= 100_000, "iterations: " + hash);
                }
            }
        }
    }
}
