package org.leadline.server.tenancy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    final ManualClock clock = new ManualClock();
    final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(1));

    long retryAfter(String user) {
        ProblemException e = assertThrows(ProblemException.class, () -> throttle.checkAllowed(user));
        assertEquals(ProblemType.RATE_LIMITED, e.type());
        return Long.parseLong(e.headers().get("Retry-After"));
    }

    @Test
    void locksAfterTheConfiguredFailuresInARowAndOpensWhenTheLockEnds() {
        throttle.failed("Anna");
        throttle.failed("anna ");
        assertDoesNotThrow(() -> throttle.checkAllowed("anna"));
        throttle.failed("ANNA");
        assertEquals(61, retryAfter("anna"));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(31, retryAfter("anna"));
        clock.advance(Duration.ofSeconds(30));
        assertDoesNotThrow(() -> throttle.checkAllowed("anna"));
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongUpToALimit() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("bob");
        }
        long[] expected = {121, 241, 481, 961, 1921, 1921};
        for (long seconds : expected) {
            clock.advance(Duration.ofHours(1));
            throttle.failed("bob");
            assertEquals(seconds, retryAfter("bob"));
        }
    }

    @Test
    void successClearsTheRecordAndOtherUsersAreUnaffected() {
        throttle.failed("carl");
        throttle.failed("carl");
        throttle.succeeded("carl");
        throttle.failed("carl");
        throttle.failed("carl");
        assertDoesNotThrow(() -> throttle.checkAllowed("carl"));
        throttle.failed("carl");
        retryAfter("carl");
        assertDoesNotThrow(() -> throttle.checkAllowed("dora"));
    }
}
