package org.leadline.server.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * The machine-readable problem types the API answers with (RFC 9457 {@code type}).
 *
 * <p>Each type is a relative URI under {@code /problems/}; {@code docs/rest-api.md} describes
 * each one. Clients switch on the type, never on the human-readable title or detail.
 */
public enum ProblemType {
    VALIDATION("validation", Status.BAD_REQUEST, "The request is not valid"),
    MALFORMED_JSON("malformed-json", Status.BAD_REQUEST, "The request body is not valid JSON"),
    BAD_PARAMETER("bad-parameter", Status.BAD_REQUEST, "A query parameter or header is not valid"),
    /** The request cannot be read at all (a header or the address); the container found it first. */
    BAD_REQUEST("bad-request", Status.BAD_REQUEST, "The request cannot be read"),
    UNAUTHENTICATED("unauthenticated", Status.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN("forbidden", Status.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", Status.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", Status.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", Status.CONFLICT, "Conflict"),
    /** The lead was merged into another; {@code mergedInto} names it. */
    LEAD_MERGED("lead-merged", Status.CONFLICT, "The lead was merged into another lead"),
    PRECONDITION_FAILED("precondition-failed", Status.PRECONDITION_FAILED,
            "The resource was changed since you read it"),
    BODY_TOO_LARGE("body-too-large", Status.REQUEST_ENTITY_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED("rate-limited", Status.TOO_MANY_REQUESTS, "Too many requests"),
    BUSY("busy", Status.SERVICE_UNAVAILABLE, "The data is busy"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", null, "The Idempotency-Key was used for a different request"),
    PRECONDITION_REQUIRED("precondition-required", null, "If-Match is required"),
    UNPROCESSABLE("unprocessable", null, "The request cannot be processed"),
    INTERNAL("internal", Status.INTERNAL_SERVER_ERROR, "Internal server error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, Status status, String title) {
        this.slug = slug;
        this.status = status != null ? status.getStatusCode() : switch (slug) {
            case "idempotency-key-reused", "unprocessable" -> 422;
            case "precondition-required" -> 428;
            default -> 500;
        };
        this.title = title;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
