package org.leadline.server.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The throttle's rules on its records, without a database: who is delayed, for how long. */
class LoginThrottleTest {

    static final Duration DELAY = Duration.ofMinutes(1);
    static final int MAX = 3;

    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Map<String, SignInRecord> rows = new HashMap<>();

    /** What {@link LoginThrottle#failed} does to the three counters of an attempt. */
    void fail(String account, String address) {
        LoginThrottle.Keys k = LoginThrottle.Keys.of(account, address);
        row(k.pair()).fail(now, MAX, DELAY, LoginThrottle.MAX_DOUBLINGS);
        row(k.address()).fail(now, MAX * LoginThrottle.PER_ADDRESS_FACTOR, DELAY, LoginThrottle.MAX_DOUBLINGS);
        row(k.account()).fail(now, MAX * LoginThrottle.PER_ACCOUNT_FACTOR, DELAY, LoginThrottle.MAX_DOUBLINGS);
    }

    void succeed(String account, String address) {
        LoginThrottle.Keys k = LoginThrottle.Keys.of(account, address);
        rows.remove(k.pair());
        rows.remove(k.address());
        rows.remove(k.account());
        row(k.known()).seen(now);
    }

    SignInRecord row(String key) {
        return rows.computeIfAbsent(key, x -> new SignInRecord(x, now));
    }

    Long wait(String account, String address) {
        Instant until = LoginThrottle.delayedUntil(LoginThrottle.Keys.of(account, address), rows, now);
        return until == null ? null : Duration.between(now, until).toSeconds();
    }

    @Test
    void guessingOneAccountFromOneAddressDelaysThatAddressOnly() {
        for (int i = 0; i < MAX - 1; i++) {
            fail("acme/anna", "203.0.113.9");
        }
        assertNull(wait("acme/anna", "203.0.113.9"));
        fail("acme/anna", "203.0.113.9");
        assertEquals(60, wait("acme/anna", "203.0.113.9"));
        assertNull(wait("acme/anna", "198.51.100.7"), "the owner at another address signs in");
        assertNull(wait("acme/ben", "203.0.113.9"), "the guesser's address may still try other accounts");
        now = now.plusSeconds(60);
        assertNull(wait("acme/anna", "203.0.113.9"));
    }

    @Test
    void eachFurtherDelayLastsTwiceAsLongUpToALimit() {
        for (int i = 0; i < MAX; i++) {
            fail("acme/bob", "203.0.113.9");
        }
        long[] expected = {120, 240, 480, 960, 1920, 1920};
        for (long seconds : expected) {
            now = now.plus(Duration.ofHours(1));
            fail("acme/bob", "203.0.113.9");
            assertEquals(seconds, wait("acme/bob", "203.0.113.9"));
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsDelayedForAll() {
        for (int i = 0; i < MAX * LoginThrottle.PER_ADDRESS_FACTOR; i++) {
            fail("acme/user" + i, "203.0.113.9");
        }
        assertEquals(60, wait("acme/someone-new", "203.0.113.9"));
        assertNull(wait("acme/someone-new", "198.51.100.7"));
    }

    @Test
    void guessingFromManyAddressesDelaysOnlyAddressesTheAccountDoesNotKnow() {
        succeed("/admin", "192.0.2.10");
        for (int i = 0; i < MAX * LoginThrottle.PER_ACCOUNT_FACTOR; i++) {
            fail("/admin", "203.0.113." + i);
        }
        assertEquals(60, wait("/admin", "198.51.100.7"), "an address never seen waits");
        assertNull(wait("/admin", "192.0.2.10"), "the administrator's usual address does not");
        assertNull(wait("acme/admin", "198.51.100.7"), "the same name in a tenant is another account");
    }

    @Test
    void aSuccessStartsTheCountsAgain() {
        fail("acme/carl", "203.0.113.9");
        fail("acme/carl", "203.0.113.9");
        succeed("acme/carl", "203.0.113.9");
        fail("acme/carl", "203.0.113.9");
        fail("acme/carl", "203.0.113.9");
        assertNull(wait("acme/carl", "203.0.113.9"));
        fail("acme/carl", "203.0.113.9");
        assertEquals(60, wait("acme/carl", "203.0.113.9"));
    }
}
