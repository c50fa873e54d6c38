package org.leadline.server.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstNamesTest {

    @Test
    void anInitialOrAPrefixMayBeTheSamePerson() {
        assertTrue(DuplicateRule.compatibleFirstNames("J.", "Jürgen"));
        assertTrue(DuplicateRule.compatibleFirstNames("Jurgen", "JÜRGEN"));
        assertTrue(DuplicateRule.compatibleFirstNames("Hans-Peter", "hans peter"));
        assertTrue(DuplicateRule.compatibleFirstNames("Chris", "Christine"));
        assertTrue(DuplicateRule.compatibleFirstNames(null, "Anna"));
    }

    @Test
    void differentNamesAreDifferentPeople() {
        assertFalse(DuplicateRule.compatibleFirstNames("Jens", "Jürgen"));
        assertFalse(DuplicateRule.compatibleFirstNames("A.", "Bernd"));
    }
}
