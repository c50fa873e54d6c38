package org.leadline.api.process;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.problem.FieldError;

/**
 * Where a lead stands in the tenant's sales process. Members that may be null are sent as null
 * (not left out); they are JSON values here so that the record writes them.
 */
@Schema(name = "LeadProcess", description = "A lead's position in the tenant's sales process: its stage, what is "
        + "missing to move on, every stage with its requirements, and the stage changes so far")
public record LeadProcessView(
        @NotNull @Schema(format = "uuid") String leadId,
        @NotNull ProcessRef process,
        @NotNull @Schema(description = "The key of the current stage") String stage,
        @NotNull String stageName,
        @Schema(implementation = String.class, required = true, nullable = true,
                description = "The key of the next stage; null on the last stage") JsonValue nextStage,
        @NotNull @Schema(description = "Whether the current stage is complete, so the lead may move on") Boolean canAdvance,
        @NotNull @Schema(description = "What the current stage still lacks") List<FieldError> missing,
        @NotNull List<Stage> stages,
        @NotNull @Schema(description = "The stage changes, oldest first") List<StageChangeView> history,
        @NotNull @Schema(description = "The lead's version (its ETag); send it as If-Match to move the lead")
        Long leadVersion) {

    /** The process the lead goes through. */
    @Schema(name = "LeadProcessRef")
    public record ProcessRef(
            @NotNull @Schema(description = "pluginId/extensionId") String id,
            @NotNull String description) {
    }

    /** One stage of the process and how far the lead has met it. */
    @Schema(name = "LeadProcessStage")
    public record Stage(
            @NotNull String key,
            @NotNull String name,
            @NotNull Boolean current,
            @NotNull @Schema(description = "The current stage or one before it") Boolean reached,
            @NotNull @Schema(description = "What the seller does in this stage") List<String> steps,
            @NotNull @Schema(description = "Lead fields the stage requires, and whether each is filled")
            List<RequiredField> requiredFields,
            @NotNull @Schema(description = "The stage's exit criteria, and whether each is ticked")
            List<ChecklistItem> checklist,
            @NotNull @Schema(description = "Every required field filled and every checklist item ticked")
            Boolean complete,
            @NotNull List<FieldError> missing,
            @NotNull @Schema(description = "Time the lead has spent in this stage") Long timeSpentSeconds) {
    }

    /** A lead field a stage requires. */
    @Schema(name = "LeadProcessRequiredField")
    public record RequiredField(@NotNull String field, @NotNull Boolean done) {
    }

    /** An exit criterion of a stage. */
    @Schema(name = "LeadProcessChecklistItem")
    public record ChecklistItem(@NotNull String item, @NotNull Boolean done) {
    }

    /** A move of the lead from one stage to another. */
    @Schema(name = "StageChange")
    public record StageChangeView(
            @NotNull @Schema(format = "uuid") String id,
            @Schema(implementation = String.class, required = true, nullable = true,
                    description = "The stage left; null for the lead's first stage") JsonValue from,
            @NotNull String to,
            @NotNull Instant changedAt,
            @NotNull @Schema(format = "uuid") String changedBy) {
    }

    /** Moves the lead to another stage. */
    @Schema(name = "StageMoveRequest", example = """
            {"stage": "develop"}""")
    public record StageMove(@NotNull @Schema(description = "The key of the target stage") String stage) {
    }

    /** Ticks or unticks an exit criterion. */
    @Schema(name = "ChecklistTickRequest", example = """
            {"stage": "qualify", "item": "The need was confirmed with the lead", "done": true}""")
    public record ChecklistTick(
            @NotNull @Schema(description = "The key of the stage") String stage,
            @NotNull @jakarta.validation.constraints.Size(max = ChecklistTick.MAX_ITEM_LENGTH)
            @Schema(description = "One of the stage's checklist items") String item,
            @Schema(description = "true (the default) ticks, false unticks") Boolean done) {

        /** The longest checklist item. */
        public static final int MAX_ITEM_LENGTH = 500;
    }

    /** A process the tenant may use. */
    @Schema(name = "ProcessOffer")
    public record Offer(
            @NotNull @Schema(description = "pluginId/extensionId") String id,
            @NotNull String pluginId,
            @NotNull String extensionId,
            @NotNull String description,
            @NotNull List<OfferStage> stages) {
    }

    /** A stage of an offered process. */
    @Schema(name = "ProcessOfferStage")
    public record OfferStage(
            @NotNull String key,
            @NotNull String name,
            @NotNull List<String> steps,
            @NotNull @Schema(description = "Lead fields the stage requires") List<String> requiredFields,
            @NotNull @Schema(description = "The stage's exit criteria") List<String> checklist) {
    }

    /** The processes the tenant may use and the one it uses. */
    @Schema(name = "ProcessChoice")
    public record Choice(
            @NotNull List<Offer> items,
            @Schema(implementation = String.class, required = true, nullable = true,
                    description = "The id of the process the tenant uses; null when none is available")
            JsonValue current,
            @Schema(readOnly = true, required = true, description = "The version of the tenant's choice: increases "
                    + "with every change, 0 until an administrator chooses; the ETag carries it") Long version) {
    }

    /** Chooses the tenant's process. */
    @Schema(name = "ProcessChoiceRequest")
    public record ChoiceRequest(
            @NotNull @Schema(description = "The id of one of the available processes", example = "process-sales/sales")
            String process) {
    }
}
