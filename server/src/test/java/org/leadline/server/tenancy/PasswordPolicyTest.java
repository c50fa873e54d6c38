package org.leadline.server.tenancy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;

class PasswordPolicyTest {

    static String refusal(String password, String... context) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Passwords.checkPolicy("password", password, context), password);
        assertEquals(1, e.errors().size());
        assertEquals("password", e.errors().get(0).field());
        return e.errors().get(0).reason();
    }

    @Test
    void aPasswordOfOnlySpacesIsRefusedWhateverItsLength() {
        assertEquals("must not be only white space", refusal("            "));
        assertEquals("must not be only white space", refusal(" \t".repeat(20)));
    }

    @Test
    void breachedPasswordsAndSimplePatternsOfThemAreRefused() {
        for (String weak : List.of("passwordpassword", "iloveyou1234", "Password1234", "qwertyuiop12", "aaaaaaaaaaaa",
                "123456789012", "1q2w3e4r5t6y", "trustno1trustno1", "correct horse battery staple", "P@ssw0rd1234")) {
            assertEquals(PasswordBlocklist.REASON, refusal(weak));
        }
    }

    @Test
    void theAccountsOwnNameIsNotAPassword() {
        assertEquals(PasswordBlocklist.REASON, refusal("anna.schmidt.sales", "anna.schmidt.sales", "acme"));
        assertEquals(PasswordBlocklist.REASON, refusal("LEADLINE-LEADLINE"));
    }

    @Test
    void lengthAloneMakesAPasswordAcceptableWithoutCompositionRules() {
        for (String fine : List.of("demo-owner-password", "default-owner-secret", "platform-admin-secret",
                "lowercase only but long enough", "zebra kettle orbit march", "password-of-t-lx3k2j9a")) {
            assertDoesNotThrow(() -> Passwords.checkPolicy("password", fine, "owner"), fine);
        }
    }

    @Test
    void lengthsAreCheckedFirst() {
        assertEquals("must have at least 12 characters", refusal("short"));
        assertEquals("must have at most 200 characters", refusal("x".repeat(201)));
    }
}
