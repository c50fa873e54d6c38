package org.leadline.server.conversion;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/**
 * A contact as the API writes it ({@link CustomerJson#contact}): every member is present, the
 * optional ones as null when they have no value.
 */
@Schema(name = "Contact", description = "A person the tenant does business with, made from a qualified lead's person. "
        + "Optional members are sent as null when they have no value.")
public record ContactView(
        @NotNull @Schema(format = "uuid") String id,
        @Schema(nullable = true, format = "uuid", description = "The account the contact works for; null when none") String accountId,
        @Schema(nullable = true, description = "Null when none") String salutation,
        @Schema(nullable = true, description = "Null when none") String firstName,
        @NotNull String lastName,
        @Schema(nullable = true, description = "Null when none") String jobTitle,
        @Schema(nullable = true, format = "email", description = "Null when none") String email,
        @Schema(nullable = true, description = "Null when none") String phone,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull @Schema(description = "Increases with every change; the ETag carries it") Long version) {

    /** A page of contacts, oldest first. */
    @Schema(name = "ContactPage")
    public record Page(@NotNull List<ContactView> items, @NotNull PageInfo page) {
    }

    /** The members a merge patch of a contact may carry; null clears an optional one. */
    @Schema(name = "ContactChanges", description = "An RFC 7396 merge patch: members sent replace the stored ones, "
            + "null clears an optional one, absent members stay")
    public record Changes(
            @Size(max = 20) String salutation,
            @Size(max = 100) String firstName,
            @NotNull @Size(max = 100) @Schema(description = "Cannot be cleared") String lastName,
            @Size(max = 128) String jobTitle,
            @Size(max = 254) @jakarta.validation.constraints.Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                    message = "must be an e-mail address") @Schema(format = "email") String email,
            @Size(max = 40) String phone) {
    }
}
