package org.leadline.server.platform.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
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
 * error names its line and column, the bytes must be UTF-8, nesting is limited, nothing may follow
 * the document, and the top level must be an object.
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json", "text/json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

    /** The deepest nesting of objects and arrays a body may have; the API's documents use fewer than ten. */
    public static final int MAX_DEPTH = 64;

    private static final JsonParserFactory PARSERS = Json.provider().createParserFactory(
            // Parsson refuses the level at which its count reaches the limit: one more lets MAX_DEPTH through
            Map.of("org.eclipse.parsson.rejectDuplicateKeys", true, "org.eclipse.parsson.maxDepth", MAX_DEPTH + 1));

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
        JsonValue value = parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The request body must be a JSON object, not " + value.getValueType().name().toLowerCase());
        }
        return value.asJsonObject();
    }

    /**
     * Parses one JSON document strictly: the bytes must be UTF-8 (a malformed sequence is refused,
     * never replaced), nesting is limited to {@link #MAX_DEPTH} levels, duplicate keys are refused,
     * and nothing but white space may follow the document. Every failure is a
     * {@code malformed-json} problem that says what is wrong and where.
     */
    public static JsonValue parse(byte[] body) {
        String text = utf8(body);
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body holds no JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                // Parsson's hasNext() throws for anything but white space after the document.
                throw new ProblemException(ProblemType.MALFORMED_JSON, "Text follows the JSON document");
            }
            return value;
        } catch (JsonParsingException e) {
            var loc = e.getLocation();
            String where = loc != null ? " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() : "";
            String reason = e.getMessage() != null && e.getMessage().startsWith("Expected EOF")
                    ? "text follows the JSON document" : e.getMessage();
            throw new ProblemException(ProblemType.MALFORMED_JSON, "Malformed JSON" + where + ": " + reason);
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "Malformed JSON: " + e.getMessage());
        } catch (ProblemException e) {
            throw e;
        } catch (IllegalStateException e) {
            // Parsson refuses a duplicate key this way ("Duplicate key 'x' is not allowed").
            throw new ProblemException(ProblemType.MALFORMED_JSON, "Malformed JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // Parsson reports nesting beyond its configured depth with a plain RuntimeException; that
            // is the only plain one its parser throws. Its stack is not logged: it is the client's error.
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The JSON nests deeper than the limit of " + MAX_DEPTH + " levels of objects and arrays",
                    java.util.List.of(), Map.of("limit", MAX_DEPTH), Map.of());
        }
    }

    /** The body as text; a byte sequence that is not UTF-8 is refused with its offset. */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The request body is not valid UTF-8: invalid byte sequence at byte offset " + in.position());
        }
        return out.flip().toString();
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
