package org.leadline.server.conversion;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/**
 * An account as the API writes it ({@link CustomerJson#account}): every member is present, the
 * optional ones as null when they have no value.
 */
@Schema(name = "Account", description = "A company the tenant does business with, made from a qualified lead's "
        + "company. Optional members are sent as null when they have no value.")
public record AccountView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull String name,
        @Schema(nullable = true, description = "Null when none") String website,
        @Schema(nullable = true, description = "Null when none") String industry,
        @Schema(nullable = true, description = "ISO 3166 two-letter country code; null when none", example = "DE") String country,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull @Schema(description = "Increases with every change; the ETag carries it") Long version) {

    /** A page of accounts, oldest first. */
    @Schema(name = "AccountPage")
    public record Page(@NotNull List<AccountView> items, @NotNull PageInfo page) {
    }

    /** The members a merge patch of an account may carry; null clears an optional one. */
    @Schema(name = "AccountChanges", description = "An RFC 7396 merge patch: members sent replace the stored ones, "
            + "null clears an optional one, absent members stay")
    public record Changes(
            @NotNull @Size(max = 200) @Schema(description = "Cannot be cleared") String name,
            @Size(max = 500) String website,
            @Size(max = 100) String industry,
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code like DE")
            @Schema(description = "ISO 3166 two-letter country code; stored upper-case",
                    example = "DE") String country) {
    }
}
