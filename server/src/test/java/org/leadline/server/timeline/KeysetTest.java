package org.leadline.server.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;

class KeysetTest {

    @Test
    void aCursorReadsBackAsItWasIssued() {
        Keyset k = new Keyset("timeline", "2026-01-05T10:00:00.123456Z", "0190b6a0-0000-7000-8000-000000000000");
        Keyset back = Keyset.decode(k.encode(), "timeline");
        assertEquals(k, back);
        assertEquals(Instant.parse("2026-01-05T10:00:00.123456Z"), back.instantKey());
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertNull(Keyset.decode(null, "timeline"));
        assertNull(Keyset.decode(" ", "timeline"));
    }

    @Test
    void aCursorOfAnotherListOrNoCursorAtAllIsRefusedNamingTheParameter() {
        String notes = new Keyset("Note", "2026-01-05T10:00:00Z", "x").encode();
        ProblemException other = assertThrows(ProblemException.class, () -> Keyset.decode(notes, "timeline"));
        assertEquals("cursor", other.errors().get(0).field());
        ProblemException garbage = assertThrows(ProblemException.class, () -> Keyset.decode("garbage!", "timeline"));
        assertEquals("cursor", garbage.errors().get(0).field());
        Keyset badKey = new Keyset("timeline", "yesterday", "x");
        assertThrows(ProblemException.class, badKey::instantKey);
    }
}
