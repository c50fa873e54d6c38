package org.leadline.server.merge;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadView;

/**
 * The answer of a merge as {@link MergeService} and {@link MergeResource} assemble it: what the merge
 * does (dry run) or did.
 */
@Schema(name = "LeadMergeResult", description = "What a merge does (dryRun true: result shows the survivor's data "
        + "after it) or did (mergeId, mergedAt, mergedBy and the survivor as lead). A replayed answer "
        + "(Idempotent-Replayed) lists for each field only field and from.")
public record MergeResult(
        @NotNull Boolean dryRun,
        @NotNull @Schema(format = "uuid") String survivorId,
        @Schema(description = "The leads merged into the survivor") List<String> mergedIds,
        @Schema(description = "For each field, the value the survivor gets and where it comes from")
        List<FieldChoice> fields,
        @Schema(description = "How many things move from the merged leads to the survivor") Moves moves,
        @Schema(description = "Dry run only: the survivor's writable members after the merge") LeadData result,
        @Schema(format = "uuid", description = "Done merges only: the id of the merge") String mergeId,
        @Schema(description = "Done merges only") Instant mergedAt,
        @Schema(format = "uuid", description = "Done merges only: the user who merged") String mergedBy,
        @Schema(description = "Done merges only: the survivor as it is now; the ETag carries its version")
        LeadView lead) {

    /** This answer with the survivor as it is after the merge. */
    public MergeResult withLead(LeadView survivor) {
        return new MergeResult(dryRun, survivorId, mergedIds, fields, moves, result, mergeId, mergedAt, mergedBy,
                survivor);
    }

    /** The value the survivor gets for a field, the lead it comes from and the values not taken. */
    @Schema(name = "LeadMergeFieldChoice")
    public record FieldChoice(
            @NotNull @Schema(description = "The field's path, e.g. person.email") String field,
            @Schema(description = "The value the survivor gets") JsonValue value,
            @NotNull @Schema(format = "uuid", description = "The lead the value comes from") String from,
            @Schema(description = "true when the request chose the lead for this field") Boolean chosen,
            @Schema(description = "The other leads' values") List<Alternative> alternatives) {
    }

    /** A value of a field on another lead of the merge. */
    @Schema(name = "LeadMergeAlternative")
    public record Alternative(@NotNull @Schema(format = "uuid") String leadId, JsonValue value) {
    }

    /** How many things of each kind move to the survivor. */
    @Schema(name = "LeadMergeMoves")
    public record Moves(
            @NotNull Long interactions,
            @NotNull Long notes,
            @NotNull Long noteRevisions,
            @NotNull Long socialPosts,
            @NotNull Long stakeholders,
            @NotNull Long competitors,
            @NotNull Long auditEntries,
            @NotNull Long disqualifications,
            @NotNull Long earlierMerges,
            @NotNull Long timelineEntries) {
    }
}
