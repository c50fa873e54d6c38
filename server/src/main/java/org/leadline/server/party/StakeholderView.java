package org.leadline.server.party;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;
import org.leadline.api.party.Attitude;
import org.leadline.api.party.BuyingRole;

/**
 * A stakeholder as the API reads and writes it ({@link StakeholderKind#view}). The writable
 * members are those of {@link StakeholderData}.
 */
@Schema(name = "LeadStakeholder", description = "A person at the lead's company who takes part in the buying "
        + "decision")
public record StakeholderView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, format = "uuid") String leadId,
        @NotBlank(message = "is required") @Size(max = 200) String name,
        @NotNull(message = "is required") BuyingRole role,
        @Size(max = 128) String jobTitle,
        @Size(max = 254) @Email(message = "must be a valid e-mail address") String email,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}",
                message = "must be a phone number of digits, spaces and + ( ) / . -") String phone,
        @Schema(description = "UNKNOWN when not sent; always present in answers") Attitude attitude,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true, format = "uuid") String createdBy,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version) {

    /** A page of stakeholders. */
    @Schema(name = "LeadStakeholderPage")
    public record Page(@NotNull List<StakeholderView> items, @NotNull PageInfo page) {
    }
}
