package org.leadline.server.party;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;
import org.leadline.api.party.CompetitorStatus;

/**
 * A competitor as the API reads and writes it ({@link CompetitorKind#view}). The writable members
 * are those of {@link CompetitorData}.
 */
@Schema(name = "LeadCompetitor", description = "Another vendor the lead is considering, with its offer, strengths "
        + "and weaknesses")
public record CompetitorView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, format = "uuid") String leadId,
        @NotBlank(message = "is required") @Size(max = 200) String name,
        @Size(max = 2000) String offer,
        @Size(max = 2000) String strengths,
        @Size(max = 2000) String weaknesses,
        @Schema(description = "UNKNOWN when not sent; always present in answers") CompetitorStatus status,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true, format = "uuid") String createdBy,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version) {

    /** A page of competitors. */
    @Schema(name = "LeadCompetitorPage")
    public record Page(@NotNull List<CompetitorView> items, @NotNull PageInfo page) {
    }
}
