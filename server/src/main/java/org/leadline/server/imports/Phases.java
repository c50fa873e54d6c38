package org.leadline.server.imports;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.StringJoiner;

/**
 * Where an import's time went, phase by phase, summed over its chunks and logged once when the
 * import ends; what docs/performance.md measures the import by. Each thread of the import (the
 * planner and the writer) keeps its own.
 */
final class Phases {

    enum Phase {
        READ("reading and validating rows"),
        DUPLICATE_CHECK("duplicate look-ups"),
        PREPARE("making COPY rows"),
        PLAN_WAIT("planner waiting for the writer"),
        WRITER_WAIT("writer waiting for the planner"),
        LEADS("writing leads"),
        WORDS("writing search words"),
        UPDATES("updating leads"),
        ANNOUNCE("outbox entries"),
        PROGRESS("errors and progress"),
        COMMIT("commits"),
        ANALYZE("planner statistics");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    /** Concurrent: the writer reads the planner's times when the import ends. */
    private final Map<Phase, Long> nanos = new ConcurrentSkipListMap<>();
    private long mark = System.nanoTime();

    /** Starts timing the next phase from now. */
    void start() {
        mark = System.nanoTime();
    }

    /** Adds the time since the last mark to {@code phase} and marks now. */
    void end(Phase phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    /** Adds another thread's times. */
    Phases with(Phases other) {
        other.nanos.forEach((p, n) -> nanos.merge(p, n, Long::sum));
        return this;
    }

    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ");
        nanos.forEach((p, n) -> s.add(String.format(java.util.Locale.ROOT, "%s %.1f s", p.label, n / 1e9)));
        return s.toString();
    }
}
