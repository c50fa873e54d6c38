package org.leadline.server.merge;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merge as the surviving lead's timeline shows it: who was merged in, by whom, what moved. */
@Schema(name = "LeadMergeEntry", description = "Leads merged into this one")
public record MergeEntryView(
        @NotNull @Schema(format = "uuid", description = "The merge's id") String id,
        @NotNull @Schema(format = "uuid") String survivorId,
        @NotNull List<MergedLead> mergedLeads,
        @NotNull Instant mergedAt,
        @NotNull @Schema(format = "uuid") String mergedBy,
        @NotNull @Schema(description = "For each field, the lead its value came from") List<MergeResult.FieldChoice>
        fields,
        @NotNull MergeResult.Moves moves) {

    /** A lead merged away, as it was just before the merge. */
    @Schema(name = "LeadMergeMergedLead")
    public record MergedLead(
            @NotNull @Schema(format = "uuid") String id,
            @Schema(required = true, nullable = true) String firstName,
            @Schema(required = true, nullable = true) String lastName,
            @Schema(required = true, nullable = true) String email,
            @Schema(required = true, nullable = true) String companyName,
            @Schema(required = true, nullable = true, description = "The process stage it had reached") String stage,
            @NotNull @Schema(description = "Its moves between stages, which stay with it") List<StageStep> stageHistory) {
    }

    /** A move of a merged lead between stages. */
    @Schema(name = "LeadMergeStageStep")
    public record StageStep(
            @Schema(required = true, nullable = true, description = "null for the first stage") String from,
            @NotNull String to,
            @NotNull Instant changedAt,
            @NotNull @Schema(format = "uuid") String changedBy) {
    }
}
