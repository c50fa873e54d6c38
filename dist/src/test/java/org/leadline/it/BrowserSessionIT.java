package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser session: signing in sets an HttpOnly, SameSite=Strict cookie instead of returning the
 * token; the cookie signs in later requests; a state-changing one without the CSRF header is refused;
 * signing out ends the session; the cookie shows its own tenant's data only.
 */
class BrowserSessionIT {

    private static final String SESSION = "/api/v1/auth/session";
    private static final String CSRF = "X-Requested-With";

    static LeadlineServer server;
    static Fixtures.TenantAdmin tenant;

    @BeforeAll
    static void tenant() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
    }

    private static Api.Response open(Fixtures.TenantAdmin who) {
        return server.api().post(SESSION, Json.createObjectBuilder().add("tenant", who.slug())
                .add("username", who.username()).add("password", who.password()).build());
    }

    /** The cookie's value from the Set-Cookie header of {@code r}. */
    private static String cookie(Api.Response r) {
        Matcher m = Pattern.compile("leadline_session=([^;]*)").matcher(r.header("set-cookie"));
        assertTrue(m.find(), r.headers()::toString);
        return "leadline_session=" + m.group(1);
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndNoTokenInTheBody() {
        Api.Response r = open(tenant);
        assertEquals(200, r.status(), r::toString);
        String setCookie = r.header("set-cookie");
        assertNotNull(setCookie, r.headers()::toString);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("; Path=/api/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "not over plain HTTP: " + setCookie);
        assertTrue(setCookie.matches(".*Max-Age=\\d{4,}.*"), setCookie);
        assertEquals("no-store", r.header("cache-control"));
        assertFalse(r.json().containsKey("token"), r.body());
        assertEquals(tenant.username(), r.json().getJsonObject("user").getString("username"));

        Api.Response me = server.api().get("/api/v1/auth/me", Map.of("Cookie", cookie(r)));
        assertEquals(200, me.status(), me::toString);
        assertEquals(tenant.username(), me.json().getString("username"));
    }

    @Test
    void aWrongPasswordSetsNoCookie() {
        Api.Response r = server.api().post(SESSION, Json.createObjectBuilder().add("tenant", tenant.slug())
                .add("username", tenant.username()).add("password", "not-the-password-at-all").build());
        assertEquals(401, r.status(), r::toString);
        assertEquals(null, r.header("set-cookie"));
    }

    @Test
    void aChangeSignedInByTheCookieNeedsTheCsrfHeader() {
        String cookie = cookie(open(tenant));
        Api.Response refused = server.api().post("/api/v1/leads", Fixtures.minimalLead("Forged"),
                Map.of("Cookie", cookie));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("/problems/forbidden", refused.problemType());
        assertTrue(refused.json().getString("detail").contains(CSRF), refused.body());
        assertEquals(0, tenant.api().get("/api/v1/leads?q=forged").items().size(), "nothing was created");

        Api.Response created = server.api().post("/api/v1/leads", Fixtures.minimalLead("Wanted"),
                Map.of("Cookie", cookie, CSRF, "leadline"));
        assertEquals(201, created.status(), created::toString);
        // reading needs no header
        assertEquals(200, server.api().get("/api/v1/leads/" + created.json().getString("id"),
                Map.of("Cookie", cookie)).status());
        // a bearer client is not asked for it
        assertEquals(201, tenant.api().post("/api/v1/leads", Fixtures.minimalLead("Bearer")).status());
    }

    @Test
    void signingOutEndsTheSessionAndRemovesTheCookie() {
        String cookie = cookie(open(tenant));
        Api.Response forged = server.api().delete(SESSION, Map.of("Cookie", cookie));
        assertEquals(403, forged.status(), "signing out is a change too: " + forged);
        assertEquals(200, server.api().get("/api/v1/auth/me", Map.of("Cookie", cookie)).status());

        Api.Response out = server.api().delete(SESSION, Map.of("Cookie", cookie, CSRF, "leadline"));
        assertEquals(204, out.status(), out::toString);
        assertTrue(out.header("set-cookie").contains("Max-Age=0"), out.headers()::toString);
        Api.Response after = server.api().get("/api/v1/auth/me", Map.of("Cookie", cookie));
        assertEquals(401, after.status(), after::toString);
        assertEquals("/problems/unauthenticated", after.problemType());
        // signing out again, with the dead cookie, still answers and clears it
        assertEquals(204, server.api().delete(SESSION, Map.of("Cookie", cookie, CSRF, "leadline")).status());
    }

    @Test
    void theCookieShowsItsOwnTenantsDataOnly() {
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        String theirs = other.api().post("/api/v1/leads", Fixtures.minimalLead("Elsewhere")).json().getString("id");
        String cookie = cookie(open(tenant));
        Api.Response r = server.api().get("/api/v1/leads/" + theirs, Map.of("Cookie", cookie));
        assertEquals(404, r.status(), r::toString);
        assertEquals(0, server.api().get("/api/v1/leads?q=elsewhere", Map.of("Cookie", cookie)).items().size());
        Api.Response change = server.api().send("PATCH", "/api/v1/leads/" + theirs, "{\"topic\":\"x\"}",
                "application/merge-patch+json", Map.of("Cookie", cookie, CSRF, "leadline", "If-Match", "\"1\""));
        assertEquals(404, change.status(), change::toString);
    }

    @Test
    void signingABrowserOutLeavesABearerTokenAlone() {
        Api.Response out = tenant.api().delete(SESSION, Map.of());
        assertEquals(204, out.status(), out::toString);
        assertEquals(200, tenant.api().get("/api/v1/auth/me").status(), "the bearer session goes on");
    }

    @Test
    void anAuthorizationHeaderWinsOverTheCookie() {
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        String cookie = cookie(open(tenant));
        Api.Response me = other.api().get("/api/v1/auth/me", Map.of("Cookie", cookie));
        assertEquals(other.username(), me.json().getString("username"));
    }
}
