package org.leadline.server.lead;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;

/**
 * The position after the last lead of a page: the sort it belongs to, that lead's sort key and
 * id. Opaque to clients (base64url JSON) and checked on the way back in.
 */
record Cursor(String sort, String key, String id) {

    String encode() {
        String json = Json.createObjectBuilder().add("s", sort).add("k", key).add("i", id).build().toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, String expectedSort) {
        try (JsonReader reader = Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)))) {
            JsonObject o = reader.readObject();
            Cursor c = new Cursor(o.getString("s"), o.getString("k"), o.getString("i"));
            if (!Ids.isValid(c.id) || !JsonInput.isStorableText(c.key)) {
                throw new IllegalArgumentException("not issued here");
            }
            if (!c.sort.equals(expectedSort)) {
                throw ProblemException.parameter("cursor", "belongs to sort " + c.sort + "; repeat the sort parameter of the page it came from");
            }
            return c;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.parameter("cursor", "is not a cursor this server issued");
        }
    }
}
