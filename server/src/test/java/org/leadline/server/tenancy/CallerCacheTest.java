package org.leadline.server.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadline.api.tenancy.Role;

class CallerCacheTest {

    private static CallerCache.Entry entry(String user, String tenant, String token) {
        return new CallerCache.Entry(new Caller(user, "name-" + user, tenant, Set.of(Role.SALES), token,
                AccessToken.Kind.SESSION), Instant.now().plusSeconds(3600), Instant.now());
    }

    private static CallerCache local() {
        CallerCache cache = new CallerCache(CallerCache.Mode.LOCAL, Duration.ofMinutes(1), 100);
        cache.keep(cache.generation(), "h1", entry("u1", "t1", "k1"));
        cache.keep(cache.generation(), "h2", entry("u1", "t1", "k2"));
        cache.keep(cache.generation(), "h3", entry("u2", "t1", "k3"));
        cache.keep(cache.generation(), "h4", entry("u3", "t2", "k4"));
        return cache;
    }

    @Test
    void aChangeForgetsExactlyTheCallersItTouches() {
        CallerCache cache = local();
        cache.apply("k:k1");
        assertNull(cache.find("h1"), "the revoked token");
        assertNotNull(cache.find("h2"), "the user's other session");
        cache.apply("u:u1");
        assertNull(cache.find("h2"));
        assertNotNull(cache.find("h3"));
        cache.apply("t:t1");
        assertNull(cache.find("h3"));
        assertNotNull(cache.find("h4"), "another tenant's caller");
    }

    @Test
    void aChangeItCannotReadForgetsEverything() {
        CallerCache cache = local();
        cache.apply("x");
        assertEquals(0, cache.size());
        cache = local();
        cache.apply("?:u1");
        assertNull(cache.find("h4"));
    }

    @Test
    void whatALookUpReadWhileSomethingWasForgottenIsNotKept() {
        CallerCache cache = local();
        long readIn = cache.generation();
        cache.apply("u:someone-else");
        cache.keep(readIn, "h5", entry("u5", "t1", "k5"));
        assertNull(cache.find("h5"), "read before the change ended: perhaps stale");
        cache.keep(cache.generation(), "h5", entry("u5", "t1", "k5"));
        assertNotNull(cache.find("h5"));
    }

    @Test
    void onPostgresqlCallersAreKeptOnlyWhileTheNodeListens() {
        CallerCache cache = new CallerCache(CallerCache.Mode.NOTIFIED, Duration.ofMinutes(1), 100);
        cache.keep(cache.generation(), "h1", entry("u1", "t1", "k1"));
        assertNull(cache.find("h1"), "not listening yet");
        cache.listening();
        cache.keep(cache.generation(), "h1", entry("u1", "t1", "k1"));
        assertNotNull(cache.find("h1"));
        cache.deaf();
        assertNull(cache.find("h1"));
        cache.listening();
        assertNull(cache.find("h1"), "what was kept before the connection was lost is gone");
    }

    @Test
    void switchedOffNothingIsKept() {
        CallerCache cache = new CallerCache(CallerCache.Mode.OFF, Duration.ofMinutes(1), 100);
        cache.keep(cache.generation(), "h1", entry("u1", "t1", "k1"));
        assertNull(cache.find("h1"));
    }
}
