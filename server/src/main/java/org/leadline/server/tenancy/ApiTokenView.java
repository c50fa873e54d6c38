package org.leadline.server.tenancy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/**
 * An API token as the API reads and writes it: the request of a create takes the writable members
 * (name, userId, expiresAt); its secret ({@code token}) appears in the answer to the create only.
 */
@Schema(name = "ApiToken", description = "A token a machine client sends as bearer token; it acts as one user of "
        + "the tenant, with that user's roles")
public record ApiTokenView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, enumeration = "API") String kind,
        @Schema(format = "uuid", description = "The user the token acts as; the caller when absent in a create")
        String userId,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(description = "When the token stops working: in the future, at most "
                + "leadline.auth.api-token.max-ttl (366 days by default) from now; 90 days from now when absent "
                + "in a create")
        Instant expiresAt,
        @NotNull(message = "is required") @Size(max = 100) String name,
        @Schema(readOnly = true, description = "When the token was last used") Instant lastUsedAt,
        @Schema(readOnly = true, description = "When the token was revoked; it no longer works") Instant revokedAt,
        @Schema(readOnly = true, description = "The secret to send as bearer token: in the answer to the create "
                + "only, never again") String token) {

    static ApiTokenView of(AccessToken t, String secret) {
        return new ApiTokenView(t.id(), t.kind().name(), t.userId(), t.createdAt(), t.expiresAt(), t.name(),
                t.lastUsedAt(), t.revokedAt(), secret);
    }

    /** A page of API tokens. */
    @Schema(name = "ApiTokenPage")
    public record Page(@NotNull List<ApiTokenView> items, @NotNull PageInfo page) {
    }
}
