package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripAndIsUrlSafe() {
        Cursor c = new Cursor("-lastName", "müller & söhne/?", "0190a1b2-0000-7000-8000-000000000001");
        String text = c.encode();
        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
        assertEquals(c, Cursor.decode(text, "-lastName"));
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String text = new Cursor("createdAt", "2026-01-01T00:00:00Z", "0190a1b2-0000-7000-8000-000000000001").encode();
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(text, "-createdAt"));
        assertEquals(ProblemType.BAD_PARAMETER, e.type());
        assertEquals("cursor", e.errors().get(0).field());
        assertTrue(e.errors().get(0).reason().contains("createdAt"));
    }

    @Test
    void garbageIsRefusedAsABadParameter() {
        for (String bad : new String[] {"", "!!!", "abc", b64("[]"), b64("{}"), b64("{\"s\":1,\"k\":\"x\",\"i\":\"y\"}"),
                b64("{\"s\":\"lastName\"}"), b64("not json"),
                new Cursor("lastName", "x", "not-an-id").encode(),
                new Cursor("lastName", "a\u0000", "0190a1b2-0000-7000-8000-000000000001").encode()}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(bad, "lastName"), bad);
            assertEquals(ProblemType.BAD_PARAMETER, e.type(), bad);
        }
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
