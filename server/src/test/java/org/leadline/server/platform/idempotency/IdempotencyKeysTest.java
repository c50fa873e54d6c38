package org.leadline.server.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;

class IdempotencyKeysTest {

    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    @Test
    void theFingerprintIgnoresKeyOrderAndWhiteSpace() {
        String a = IdempotencyKeys.fingerprint(json("{\"a\":1,\"b\":{\"x\":[1,{\"q\":2,\"p\":3}],\"y\":\"z\"}}"));
        String b = IdempotencyKeys.fingerprint(json("{ \"b\" : { \"y\":\"z\", \"x\":[1, {\"p\":3,\"q\":2}] }, \"a\" : 1 }"));
        assertEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{64}"), a);
    }

    @Test
    void theFingerprintChangesWithAnyValue() {
        String base = IdempotencyKeys.fingerprint(json("{\"a\":1,\"l\":[1,2]}"));
        assertNotEquals(base, IdempotencyKeys.fingerprint(json("{\"a\":2,\"l\":[1,2]}")));
        assertNotEquals(base, IdempotencyKeys.fingerprint(json("{\"a\":1,\"l\":[2,1]}")), "array order matters");
        assertNotEquals(base, IdempotencyKeys.fingerprint(json("{\"a\":\"1\",\"l\":[1,2]}")));
        assertNotEquals(base, IdempotencyKeys.fingerprint(json("{\"a\":1,\"l\":[1,2],\"c\":null}")));
    }

    @Test
    void keysAreVisibleAsciiOfBoundedLength() {
        assertNull(IdempotencyKeys.validate(null));
        assertEquals("order-42_retry", IdempotencyKeys.validate("order-42_retry"));
        assertEquals("x".repeat(200), IdempotencyKeys.validate("x".repeat(200)));
        for (String bad : new String[] {"", "x".repeat(201), "with space", "tab\t", "ümlaut"}) {
            assertThrows(ProblemException.class, () -> IdempotencyKeys.validate(bad), bad);
        }
    }
}
