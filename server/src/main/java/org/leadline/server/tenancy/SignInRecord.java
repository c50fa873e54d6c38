package org.leadline.server.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One throttled key of {@link LoginThrottle}: failed sign-ins in a row, and the delay they earned. */
@Entity
@Table(name = "sign_in_throttle")
public class SignInRecord {

    @Id
    @Column(name = "throttle_key", length = 300)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(nullable = false)
    private int delays;

    @Column(name = "last_at", nullable = false)
    private Instant lastAt;

    @Column(name = "delayed_until")
    private Instant delayedUntil;

    protected SignInRecord() {
    }

    SignInRecord(String key, Instant now) {
        this.key = key;
        this.lastAt = now;
    }

    String key() { return key; }
    int failures() { return failures; }
    int delays() { return delays; }
    Instant lastAt() { return lastAt; }
    Instant delayedUntil() { return delayedUntil; }

    /**
     * Counts a failure; the {@code limit}-th in a row delays the key for {@code delay}, each further
     * delay twice as long as the one before (up to 2^{@code maxDoublings} times). After a delay one
     * more failure delays again.
     */
    void fail(Instant now, int limit, java.time.Duration delay, int maxDoublings) {
        failures++;
        lastAt = now;
        if (failures >= limit) {
            delayedUntil = now.plus(delay.multipliedBy(1L << Math.min(delays, maxDoublings)));
            delays++;
            failures = limit - 1;
        }
    }

    void seen(Instant now) {
        lastAt = now;
    }
}
