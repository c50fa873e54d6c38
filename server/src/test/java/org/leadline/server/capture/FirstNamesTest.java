package org.leadline.server.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstNamesTest {

    @Test
    void anInitialOrAPrefixMayBeTheSamePerson() {
        assertTrue(DuplicateFinder.compatibleFirstNames("J.", "Jürgen"));
        assertTrue(DuplicateFinder.compatibleFirstNames("Jurgen", "JÜRGEN"));
        assertTrue(DuplicateFinder.compatibleFirstNames("Hans-Peter", "hans peter"));
        assertTrue(DuplicateFinder.compatibleFirstNames("Chris", "Christine"));
        assertTrue(DuplicateFinder.compatibleFirstNames(null, "Anna"));
    }

    @Test
    void differentNamesAreDifferentPeople() {
        assertFalse(DuplicateFinder.compatibleFirstNames("Jens", "Jürgen"));
        assertFalse(DuplicateFinder.compatibleFirstNames("A.", "Bernd"));
    }
}
