package org.leadline.server.timeline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;

/**
 * The position after the last row of a page: the list it belongs to, that row's sort key and id.
 * Opaque to clients (base64url JSON) and checked on the way back in.
 */
public record Keyset(String list, String key, String id) {

    public String encode() {
        String json = Json.createObjectBuilder().add("l", list).add("k", key).add("i", id).build().toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor a client sent back; null text means the first page. */
    public static Keyset decode(String text, String expectedList) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)))) {
            JsonObject o = reader.readObject();
            Keyset k = new Keyset(o.getString("l"), o.getString("k"), o.getString("i"));
            if (!k.list.equals(expectedList)) {
                throw ProblemException.parameter("cursor", "belongs to another list");
            }
            return k;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.parameter("cursor", "is not a cursor this server issued");
        }
    }

    public java.time.Instant instantKey() {
        try {
            return java.time.Instant.parse(key);
        } catch (RuntimeException e) {
            throw ProblemException.parameter("cursor", "is not a cursor this server issued");
        }
    }
}
