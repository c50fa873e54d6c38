package org.leadline.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Holds every exchange of the black-box suite to the server's own OpenAPI document ({@code /openapi}):
 * a response must match its operation (a documented status code, the documented media type, a body
 * that matches its schema, no undocumented member, the API's headers documented), and a request
 * the document refuses must be refused by the server too (4xx).
 */
public final class Contract {

    /** Headers the API itself sets; each must be documented for the response that carries it. */
    private static final Set<String> API_HEADERS = Set.of("etag", "location", "link", "retry-after",
            "idempotent-replayed");

    private static final Map<String, Spec> SPECS = new ConcurrentHashMap<>();
    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final Path REPORT = Path.of("target", "contract-exchanges.txt");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.createDirectories(REPORT.getParent());
                Files.writeString(REPORT, VALIDATED.get() + " exchanges validated against /openapi\n");
            } catch (IOException e) {
                // the count is for the report only
            }
        }));
    }

    private Contract() {
    }

    private record Spec(OpenApiInteractionValidator validator, JsonObject document, List<Operation> operations) {
    }

    private record Operation(String method, Pattern path, JsonObject operation) {
    }

    static int validated() {
        return VALIDATED.get();
    }

    /**
     * Checks one exchange; throws AssertionError when it breaks the contract. A lenient request is one
     * a test sends outside the document on purpose (a spelling the server also takes); its answer is
     * still checked.
     */
    public static void check(String base, String method, String pathAndQuery, Map<String, List<String>> requestHeaders,
                      String requestBody, int status, Map<String, String> responseHeaders, String responseBody,
                      boolean lenient) {
        URI uri = URI.create(base + pathAndQuery);
        String path = uri.getRawPath();
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        Spec spec = SPECS.computeIfAbsent(base, Contract::load);
        SimpleRequest.Builder rb = new SimpleRequest.Builder(method, path);
        requestHeaders.forEach((name, values) -> rb.withHeader(name, values));
        if (requestBody != null && !requestBody.isEmpty()) {
            rb.withBody(requestBody);
        }
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                rb.withQueryParam(name, value);
            }
        }
        ValidationReport request = spec.validator().validateRequest(rb.build());

        SimpleResponse.Builder sb = SimpleResponse.Builder.status(status);
        responseHeaders.forEach(sb::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            sb.withBody(responseBody);
        }
        Request.Method m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        ValidationReport response = spec.validator().validateResponse(path, m, sb.build());

        String exchange = method + " " + pathAndQuery + " → " + status;
        boolean unknownOperation = request.getMessages().stream().anyMatch(msg ->
                msg.getKey().equals("validation.request.path.missing")
                        || msg.getKey().equals("validation.request.operation.notAllowed"));
        if (unknownOperation) {
            // not in the document: the server must refuse it (401 before routing, 404, 405), with a problem
            if (status != 401 && status != 404 && status != 405) {
                throw new AssertionError("An operation the API document does not have answered: " + exchange);
            }
            if (!responseHeaders.getOrDefault("content-type", "").startsWith("application/problem+json")) {
                throw new AssertionError("An unknown operation was not answered with a problem: " + exchange);
            }
            VALIDATED.incrementAndGet();
            return;
        }
        if (response.hasErrors()) {
            throw new AssertionError("The answer breaks the API document: " + exchange + "\n" + messages(response)
                    + "\nbody: " + abbreviate(responseBody));
        }
        if (request.hasErrors() && status < 400 && !lenient) {
            throw new AssertionError("The server accepted a request the API document refuses: " + exchange + "\n"
                    + messages(request));
        }
        JsonObject operation = operation(spec, method, path);
        if (operation != null) {
            JsonObject documented = operation.getJsonObject("responses").getJsonObject(Integer.toString(status));
            JsonObject response0 = documented == null ? null : resolve(spec.document(), documented);
            Set<String> headers = response0 == null || !response0.containsKey("headers") ? Set.of()
                    : lower(response0.getJsonObject("headers").keySet());
            for (String header : responseHeaders.keySet()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (API_HEADERS.contains(h) && !headers.contains(h)) {
                    throw new AssertionError("The answer carries an undocumented header " + header + ": " + exchange);
                }
            }
        }
        VALIDATED.incrementAndGet();
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonObject resolve(JsonObject document, JsonObject maybeRef) {
        if (!maybeRef.containsKey("$ref")) {
            return maybeRef;
        }
        String[] parts = maybeRef.getString("$ref").split("/");
        return document.getJsonObject(parts[1]).getJsonObject(parts[2]).getJsonObject(parts[3]);
    }

    private static JsonObject operation(Spec spec, String method, String path) {
        for (Operation o : spec.operations()) {
            if (o.method().equalsIgnoreCase(method) && o.path().matcher(path).matches()) {
                return o.operation();
            }
        }
        return null;
    }

    private static String messages(ValidationReport report) {
        StringBuilder b = new StringBuilder();
        report.getMessages().stream().filter(msg -> msg.getLevel() == ValidationReport.Level.ERROR)
                .forEach(msg -> b.append("  ").append(msg.getKey()).append(": ").append(msg.getMessage()).append('\n'));
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    private static Spec load(String base) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(base + "/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /openapi answered " + r.statusCode() + ": " + abbreviate(r.body()));
            }
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(r.body())
                    .withLevelResolver(LevelResolver.create()
                            // the suite sends requests without or with bad tokens on purpose; the
                            // answer (401) is validated
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            // clients send Accept: application/json to every operation, even one that
                            // answers 204 or an error (then application/problem+json)
                            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                            // a client may send read-only members back unchanged (documented)
                            .withLevel("validation.request.body.schema.readOnly", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            JsonObject document;
            try (var reader = Json.createReader(new java.io.StringReader(r.body()))) {
                document = reader.readObject();
            }
            List<Operation> operations = new java.util.ArrayList<>();
            document.getJsonObject("paths").forEach((template, item) -> item.asJsonObject().forEach((method, op) ->
                    operations.add(new Operation(method, Pattern.compile(
                            template.replaceAll("\\{[^}]+}", "[^/]+")), op.asJsonObject()))));
            // literal segments win over templates (/leads/export before /leads/{id})
            operations.sort(java.util.Comparator.comparingInt(o -> o.path().pattern().split("\\[\\^/]\\+", -1).length));
            return new Spec(validator, document, operations);
        } catch (IOException e) {
            throw new IllegalStateException("GET /openapi failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
