package org.leadline.server.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

class PreconditionsTest {

    @Test
    void ifMatchNamesAVersionOrAny() {
        // The ETag itself (a strong, quoted version) needs a JAX-RS runtime; the black-box suite checks it.
        assertEquals(3L, Preconditions.requiredVersion("\"3\""));
        assertEquals(3L, Preconditions.requiredVersion("  \"3\" "));
        assertEquals(4L, Preconditions.requiredVersion("\"abc\", \"4\""), "the first tag of ours in a list");
        assertNull(Preconditions.requiredVersion("*"));
    }

    @Test
    void aMissingIfMatchIsPreconditionRequired() {
        for (String missing : new String[] {null, "", "   "}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Preconditions.requiredVersion(missing));
            assertEquals(ProblemType.PRECONDITION_REQUIRED, e.type());
            assertEquals(428, e.type().status());
        }
    }

    @Test
    void anIfMatchThatCannotMatchFails() {
        for (String bad : new String[] {"3", "W/\"3\"", "\"\"", "\"x\"", "\"99999999999999999999\"", "\""}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Preconditions.requiredVersion(bad), bad);
            assertEquals(ProblemType.PRECONDITION_FAILED, e.type(), bad);
            assertEquals(412, e.type().status());
        }
    }
}
