package org.leadline.server.platform.persistence;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Application-generated primary keys: time-ordered UUIDs (version 7). They sort by creation
 * time, so inserts append to indexes, and they are not guessable like a sequence.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    /** An id as a pattern, for request records: the canonical form {@link #isValid} accepts. */
    public static final String PATTERN = org.leadline.api.Ids.PATTERN;

    private Ids() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }

    /** True when {@code text} is a UUID in canonical form; anything else can never be an id. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
