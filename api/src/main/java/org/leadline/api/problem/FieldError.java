package org.leadline.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reason why one field of a request was refused.
 *
 * @param field the field's path in the request body (e.g. {@code person.email}) or the name of a
 *              query parameter or header
 * @param reason a sentence a client developer can act on
 */
public record FieldError(
        @Schema(required = true, example = "person.email") String field,
        @Schema(required = true, example = "must be a valid e-mail address") String reason) {
}
