package org.leadline.server.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's notion of now, truncated to microseconds: the finest precision both databases
 * store, so a value read back equals the value written (keyset cursors depend on it).
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant as the UTC timestamp both databases store (for JDBC; entities use {@link UtcInstantConverter}). */
    public static java.sql.Timestamp sql(Instant instant) {
        return java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }

    /** A UTC timestamp read by JDBC as the instant it stands for; {@code null} stays {@code null}. */
    public static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }
}
