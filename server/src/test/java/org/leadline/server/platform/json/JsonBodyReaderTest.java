package org.leadline.server.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

class JsonBodyReaderTest {

    private static ProblemException refused(byte[] body) {
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBodyReader.parse(body));
        assertEquals(ProblemType.MALFORMED_JSON, e.type(), e.getMessage());
        return e;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDocumentNestedDeeperThanTheLimitIsRefusedNamingTheLimit() {
        ProblemException e = refused(utf8("[".repeat(10_000) + "]".repeat(10_000)));
        assertTrue(e.getMessage().contains("64 levels"), e.getMessage());
        assertEquals(64, e.extensions().get("limit"));
        int depth = JsonBodyReader.MAX_DEPTH;
        assertEquals(JsonValue.ValueType.ARRAY, JsonBodyReader.parse(utf8("[".repeat(depth) + "]".repeat(depth))).getValueType());
        refused(utf8("[".repeat(depth + 1) + "]".repeat(depth + 1)));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffsetNotReplaced() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', 'x', (byte) 0xff, '"', '}'};
        ProblemException e = refused(body);
        assertTrue(e.getMessage().contains("not valid UTF-8") && e.getMessage().contains("offset 7"), e.getMessage());
        refused(new byte[] {'"', (byte) 0xc3, (byte) 0x28, '"'});
        refused(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}); // an encoded surrogate
        assertEquals("\"Müller 🙂\"", JsonBodyReader.parse(utf8("\"Müller 🙂\"")).toString());
    }

    @Test
    void textAfterTheDocumentIsRefusedWhiteSpaceIsNot() {
        assertTrue(refused(utf8("{\"a\":1} {\"x\":1}")).getMessage().contains("text follows the JSON document"));
        refused(utf8("{\"a\":1}x"));
        refused(utf8("[1] ]"));
        assertEquals("{\"a\":1}", JsonBodyReader.parse(utf8(" {\"a\":1} \r\n\t")).toString());
    }

    @Test
    void duplicateKeysAndEmptyBodiesAreMalformed() {
        assertTrue(refused(utf8("{\"a\":1,\"a\":2}")).getMessage().contains("Duplicate key"));
        refused(utf8("   "));
    }
}
