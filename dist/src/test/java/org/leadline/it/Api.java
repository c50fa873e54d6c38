package org.leadline.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A small HTTP client for the Leadline API, as a client application would use it. */
public final class Api {

    // HTTP/1.1 as curl and most client libraries speak it: the JDK client's default h2c upgrade
    // loses the connection when the server answers an upgrade request before reading its body.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Every exchange is checked against the server's OpenAPI document ({@link Contract}); off with
     * {@code -Dleadline.it.contract=false}, and where the validator is not on the class path (the
     * benchmark programs, which measure rather than check).
     */
    private static final boolean CONTRACT = !"false".equals(System.getProperty("leadline.it.contract"))
            && validatorPresent();

    private static boolean validatorPresent() {
        try {
            Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator", false, Api.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private final String base;
    private final String token;
    private final boolean lenient;

    public Api(String base) {
        this(base, null, false);
    }

    private Api(String base, String token, boolean lenient) {
        this.base = base;
        this.token = token;
        this.lenient = lenient;
    }

    /** The same client, sending {@code Authorization: Bearer token}. */
    public Api as(String bearerToken) {
        return new Api(base, bearerToken, lenient);
    }

    /**
     * The same client, for requests spelt outside the API document on purpose (lower-case enum
     * values, comma-separated lists) that the server also takes: its answers are still checked.
     */
    public Api lenient() {
        return new Api(base, token, true);
    }

    /** Signs in as a platform administrator or a user of the default tenant and returns a client that uses the session token. */
    public Api login(String username, String password) {
        return login(null, username, password);
    }

    /** Signs in as a user of the tenant with the slug {@code tenant} and returns a client that uses the session token. */
    public Api login(String tenant, String username, String password) {
        var body = Json.createObjectBuilder().add("username", username).add("password", password);
        if (tenant != null) {
            body.add("tenant", tenant);
        }
        Response r = post("/api/v1/auth/login", body.build());
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return as(r.json().getString("token"));
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, headers);
    }

    /** A POST without a body, for actions that take none. */
    public Response post(String path) {
        return send("POST", path, null, null, Map.of());
    }

    public Response post(String path, JsonValue body) {
        return send("POST", path, body.toString(), "application/json", Map.of());
    }

    public Response post(String path, JsonValue body, Map<String, String> headers) {
        return send("POST", path, body.toString(), "application/json", headers);
    }

    public Response put(String path, JsonValue body, Map<String, String> headers) {
        return send("PUT", path, body.toString(), "application/json", headers);
    }

    public Response patch(String path, JsonValue body, Map<String, String> headers) {
        return send("PATCH", path, body.toString(), "application/merge-patch+json", headers);
    }

    public Response delete(String path, Map<String, String> headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** Sends raw text, for malformed or oversized bodies. */
    public Response send(String method, String path, String body, String contentType, Map<String, String> headers) {
        return sendBody(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType, headers, () -> body);
    }

    /** Sends raw bytes, e.g. an e-mail as message/rfc822. */
    public Response sendBytes(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        return sendBody(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, headers,
                () -> new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends a body without Content-Length (chunked transfer encoding), as a streaming client does. */
    public Response sendChunked(String method, String path, byte[] body, String contentType) {
        return sendBody(method, path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)),
                contentType, Map.of(), () -> new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A query parameter value, URL-encoded. */
    public static String q(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Response sendBody(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                          Map<String, String> headers, java.util.function.Supplier<String> textBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body);
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(", ", v)));
            if (CONTRACT && textBody != null) {
                Contract.check(base, method, path, request.headers().map(), textBody.get(), r.statusCode(),
                        responseHeaders, r.body(), lenient);
            }
            return new Response(r.statusCode(), responseHeaders, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP response with its body parsed on demand. */
    public record Response(int status, Map<String, String> headers, String body) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray items() {
            return json().getJsonArray("items");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String etag() {
            return header("etag");
        }

        /** The RFC 9457 problem type, e.g. {@code /problems/validation}. */
        public String problemType() {
            return json().getString("type");
        }

        /** The reason the problem gives for one field, or null. */
        public String fieldError(String field) {
            JsonArray errors = json().getJsonArray("errors");
            if (errors == null) {
                return null;
            }
            return errors.stream().map(JsonValue::asJsonObject)
                    .filter(e -> e.getString("field").equals(field))
                    .map(e -> e.getString("reason")).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
