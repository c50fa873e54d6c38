package org.leadline.server.platform.openapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leadline.server.platform.LeadlineApplication;
import org.leadline.server.platform.json.Json;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Serves the OpenAPI document at {@code /openapi}: YAML ({@code application/yaml}) by default,
 * JSON when the client asks with {@code Accept: application/json} or {@code ?format=json}. The
 * document is built once, from {@link LeadlineApplication#RESOURCES}.
 */
@WebServlet(urlPatterns = "/openapi")
public class OpenApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String YAML = "application/yaml";

    private transient volatile Documents documents;

    /** The document and its two renderings, built on first use. */
    private record Documents(JsonObject json, byte[] jsonBytes, byte[] yamlBytes, String etag) {
    }

    /** The API's document. */
    public static JsonObject document() {
        JsonObject info = Json.createObjectBuilder()
                .add("title", "Leadline API")
                .add("version", ApiDocument.VERSION)
                .add("description", """
                        Lead management: capture leads from forms, e-mail and CSV files, rate and qualify them, \
                        follow them through the Qualify → Develop → Propose → Close process and close them.

                        Every request but sign-in and the public forms carries a bearer token \
                        (`Authorization: Bearer …`). Errors are RFC 9457 problems \
                        (`application/problem+json`) that name each refused field. Collections page with \
                        `limit` and an opaque `cursor`; the next page's address is in `page.nextCursor` and \
                        the `Link: <…>; rel="next"` header. Changes to a resource send its `ETag` back in \
                        `If-Match`. Plugin-defined keys (process stages, extension ids) keep the case their \
                        plugin gives them; every enum of the core is UPPER_SNAKE_CASE.""")
                .add("license", Json.createObjectBuilder().add("name", "Apache-2.0")
                        .add("url", "https://www.apache.org/licenses/LICENSE-2.0"))
                .build();
        return ApiDocument.build(LeadlineApplication.PATH, LeadlineApplication.RESOURCES, LeadlineApplication.UNIONS,
                info);
    }

    private Documents documents() {
        Documents d = documents;
        if (d == null) {
            JsonObject json = document();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (JsonGenerator g = Json.provider().createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createGenerator(out, StandardCharsets.UTF_8)) {
                g.write(json);
            }
            byte[] jsonBytes = out.toByteArray();
            byte[] yamlBytes = yaml(json).getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(jsonBytes)) + "\"";
            d = new Documents(json, jsonBytes, yamlBytes, etag);
            documents = d;
        }
        return d;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Documents d = documents();
        String format = req.getParameter("format");
        boolean json;
        if (format != null) {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> json = true;
                case "yaml" -> json = false;
                default -> {
                    resp.setStatus(400);
                    resp.setContentType("application/problem+json");
                    resp.getOutputStream().write(("{\"type\":\"/problems/bad-parameter\",\"title\":\"A query parameter "
                            + "or header is not valid\",\"status\":400,\"errors\":[{\"field\":\"format\","
                            + "\"reason\":\"must be json or yaml\"}]}").getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
        } else {
            String accept = req.getHeader("Accept");
            json = accept != null && accept.toLowerCase(Locale.ROOT).contains("json")
                    && !accept.toLowerCase(Locale.ROOT).contains("yaml");
        }
        resp.setHeader("ETag", d.etag());
        resp.setHeader("Vary", "Accept");
        resp.setHeader("Cache-Control", "no-cache");
        if (d.etag().equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        byte[] body = json ? d.jsonBytes() : d.yamlBytes();
        resp.setContentType(json ? "application/json" : YAML);
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    /** The document as block-style YAML. */
    static String yaml(JsonObject json) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dump(plain(json));
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(plain(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
