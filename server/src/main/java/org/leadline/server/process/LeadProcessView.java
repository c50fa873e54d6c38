package org.leadline.server.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.FieldError;

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

    static LeadProcessView of(ProcessService.LeadProcess p) {
        List<Stage> stages = new ArrayList<>();
        int current = p.index(p.currentStage());
        for (int i = 0; i < p.stages().size(); i++) {
            StageProgress s = p.stages().get(i);
            Duration spent = p.timeInStage().get(s.stage().key());
            stages.add(new Stage(s.stage().key(), s.stage().name(), i == current, i <= current,
                    List.copyOf(s.stage().steps()),
                    s.fields().stream().map(r -> new RequiredField(r.name(), r.done())).toList(),
                    s.checklist().stream().map(r -> new ChecklistItem(r.name(), r.done())).toList(),
                    s.complete(), List.copyOf(s.missing()), spent == null ? 0L : spent.toSeconds()));
        }
        boolean hasNext = p.next().isPresent();
        return new LeadProcessView(p.lead().id(), new ProcessRef(p.process().key(), p.process().description()),
                p.currentStage(), p.current().stage().name(),
                hasNext ? Json.createValue(p.next().get().stage().key()) : JsonValue.NULL,
                hasNext && p.current().complete(), List.copyOf(p.current().missing()), stages,
                p.history().stream().map(StageChangeView::of).toList(), p.lead().version());
    }

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

        static StageChangeView of(StageChange c) {
            return new StageChangeView(c.id(), c.fromStage() == null ? JsonValue.NULL : Json.createValue(c.fromStage()),
                    c.toStage(), c.changedAt(), c.changedBy());
        }
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
            @NotNull @jakarta.validation.constraints.Size(max = ProcessService.MAX_ITEM_LENGTH)
            @Schema(description = "One of the stage's checklist items") String item,
            @Schema(description = "true (the default) ticks, false unticks") Boolean done) {
    }

    /** A process the tenant may use. */
    @Schema(name = "ProcessOffer")
    public record Offer(
            @NotNull @Schema(description = "pluginId/extensionId") String id,
            @NotNull String pluginId,
            @NotNull String extensionId,
            @NotNull String description,
            @NotNull List<OfferStage> stages) {

        static Offer of(org.leadline.server.plugins.PluginHost.ProcessOffer o) {
            return new Offer(o.key(), o.pluginId(), o.extensionId(), o.description(), o.stages().stream()
                    .map(s -> new OfferStage(s.key(), s.name(), List.copyOf(s.steps()), List.copyOf(s.requiredFields()),
                            List.copyOf(s.exitCriteria()))).toList());
        }
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

        static Choice of(ProcessService.Choice c) {
            return new Choice(c.available().stream().map(Offer::of).toList(),
                    c.current() == null ? JsonValue.NULL : Json.createValue(c.current().key()), c.version());
        }
    }

    /** Chooses the tenant's process. */
    @Schema(name = "ProcessChoiceRequest")
    public record ChoiceRequest(
            @NotNull @Schema(description = "The id of one of the available processes", example = "process-sales/sales")
            String process) {
    }
}
