package org.leadline.server.platform.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Reads every JSON request body the API accepts, with an explicit size limit
 * ({@code leadline.api.max-body-bytes}) and strict parsing: duplicate keys are refused, a parse
 * error names its line and column, and the top level must be an object.
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json", "text/json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    private final int maxBytes = Settings.maxBodyBytes();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class || type == JsonStructure.class || type == JsonValue.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
                               MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
                               InputStream entityStream) throws IOException {
        return read(entityStream, maxBytes);
    }

    /**
     * Reads one JSON object from {@code entityStream}: at most {@code maxBytes}, duplicate keys
     * refused, the top level an object; every failure is a problem (malformed JSON, body too large).
     */
    public static JsonObject read(InputStream entityStream, int maxBytes) throws IOException {
        byte[] body = readLimited(entityStream, maxBytes);
        if (body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is empty; send a JSON object");
        }
        try (JsonReader reader = READERS.createReader(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProblemException(ProblemType.MALFORMED_JSON,
                        "The request body must be a JSON object, not " + value.getValueType().name().toLowerCase());
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            var loc = e.getLocation();
            String where = loc != null ? " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() : "";
            throw new ProblemException(ProblemType.MALFORMED_JSON, "Malformed JSON" + where + ": " + e.getMessage());
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "Malformed JSON: " + e.getMessage());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson reports some limits (e.g. nesting deeper than 1000) with a plain RuntimeException.
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The JSON cannot be read: " + e.getMessage());
        }
    }

    /** Reads the whole stream, refusing more than {@code limit} bytes. */
    public static byte[] readLimited(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > limit) {
                throw new ProblemException(ProblemType.BODY_TOO_LARGE,
                        "The request body exceeds the limit of " + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
