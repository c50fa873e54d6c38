package org.leadline.api.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem, the body of every error answer ({@code application/problem+json}). Some
 * problems add members of their own (for example the candidates of a duplicate), as RFC 9457
 * allows.
 */
@Schema(description = "An error (RFC 9457). `errors` lists every refused field or parameter with the reason.",
        additionalProperties = Schema.True.class,
        example = """
                {"type": "/problems/validation", "title": "The request is not valid",
                 "status": 400, "detail": "2 fields are not valid",
                 "errors": [{"field": "person.lastName", "reason": "is required"},
                            {"field": "origin.source", "reason": "must be one of WEB, HOMEPAGE, TRADE_FAIR"}]}""")
public record Problem(
        @Schema(required = true, format = "uri-reference", description = "Identifies the kind of problem, e.g. /problems/validation") String type,
        @Schema(required = true, description = "A short summary of the kind of problem") String title,
        @Schema(required = true, description = "The HTTP status code") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "Identifies this occurrence") String instance,
        @Schema(description = "Each refused field, query parameter or header with the reason") List<FieldError> errors) {
}
