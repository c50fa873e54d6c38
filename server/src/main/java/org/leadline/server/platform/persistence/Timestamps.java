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
}
