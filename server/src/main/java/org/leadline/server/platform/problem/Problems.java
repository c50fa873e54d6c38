package org.leadline.server.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.Json;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    public static JsonObject body(ProblemType type, String detail, String instance, List<FieldError> errors,
                                  Map<String, Object> extensions) {
        return body(type, type.status(), detail, instance, errors, extensions);
    }

    /** As {@link #body(ProblemType, String, String, List, Map)}, for a status other than the type's usual one. */
    public static JsonObject body(ProblemType type, int status, String detail, String instance, List<FieldError> errors,
                                  Map<String, Object> extensions) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (instance != null) {
            b.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder arr = Json.createArrayBuilder();
            errors.forEach(e -> arr.add(Json.createObjectBuilder().add("field", e.field()).add("reason", e.reason())));
            b.add("errors", arr);
        }
        extensions.forEach((k, v) -> {
            if (v instanceof Number n) {
                b.add(k, n.longValue());
            } else if (v instanceof jakarta.json.JsonValue jv) {
                b.add(k, jv);
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b.build();
    }

    public static Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, List.of(), Map.of(), Map.of());
    }

    public static Response response(ProblemException e, String instance) {
        return response(e.type(), e.getMessage(), instance, e.errors(), e.extensions(), e.headers());
    }

    public static Response response(ProblemType type, String detail, String instance, List<FieldError> errors,
                                    Map<String, Object> extensions, Map<String, String> headers) {
        Response.ResponseBuilder rb = Response.status(type.status())
                .type(MEDIA)
                .entity(body(type, detail, instance, errors, extensions).toString());
        if (type == ProblemType.UNAUTHENTICATED) {
            rb.header("WWW-Authenticate", "Bearer realm=\"leadline\"");
        }
        headers.forEach(rb::header);
        return rb.build();
    }
}
