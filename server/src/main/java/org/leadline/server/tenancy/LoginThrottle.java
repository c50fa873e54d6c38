package org.leadline.server.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Slows down password guessing. After {@code leadline.auth.login.max-failures} failed sign-ins in a
 * row for one username, that username is locked for {@code leadline.auth.login.lockout}; every
 * further failure after a lock doubles the lock, up to 32 times the first one. While locked, sign-in
 * answers 429 with {@code Retry-After} without looking at the password, so guessing gains nothing.
 * A successful sign-in clears the record.
 *
 * <p>Unknown usernames are counted like known ones, so a lock reveals nothing about which accounts
 * exist. Counting is per username, not per client address: behind a reverse proxy every client has
 * the proxy's address, and locking that would lock everyone out. The records live in memory (one
 * server process); a restart forgets them. Records that have been quiet for a day are dropped.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_DOUBLINGS = 5;
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    public LoginThrottle() {
        this(Clock.systemUTC(), Settings.loginMaxFailures(), Settings.loginLockout());
    }

    LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        this.maxFailures = Math.max(1, maxFailures);
        this.lockout = lockout;
    }

    /** Throws a 429 problem while {@code username} is locked. */
    public void checkAllowed(String username) {
        Record r = records.get(key(username));
        if (r == null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = r.lockedUntil;
        if (until != null && now.isBefore(until)) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
            throw new ProblemException(ProblemType.RATE_LIMITED,
                    "Too many failed sign-ins for this username; try again in " + seconds + " s",
                    java.util.List.of(), Map.of("retryAfterSeconds", seconds),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (records.size() > SWEEP_ABOVE) {
            records.values().removeIf(r -> r.lastFailure.plus(FORGET_AFTER).isBefore(now));
        }
        records.compute(key(username), (k, r) -> {
            Record next = r == null ? new Record() : r;
            synchronized (next) {
                next.failures++;
                next.lastFailure = now;
                if (next.failures >= maxFailures) {
                    int doublings = Math.min(next.locks, MAX_DOUBLINGS);
                    next.lockedUntil = now.plus(lockout.multipliedBy(1L << doublings));
                    next.locks++;
                    // one more failure after the lock ends locks again, for longer
                    next.failures = maxFailures - 1;
                }
            }
            return next;
        });
    }

    public void succeeded(String username) {
        records.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Record {
        int failures;
        int locks;
        Instant lastFailure;
        Instant lockedUntil;
    }
}
