package org.leadline.api.lead;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's live leads counted in the database, for the dashboard. */
@Schema(name = "LeadStatistics", description = "The tenant's leads (deleted ones left out) counted by rating, status, "
        + "source and process stage, and the leads created in each of the last 12 weeks")
public record LeadStatistics(
        @NotNull Long total,
        @NotNull @Schema(description = "Per rating; key null for leads not rated yet") List<Count> byRating,
        @NotNull List<Count> byStatus,
        @NotNull List<Count> bySource,
        @NotNull @Schema(description = "Open leads per process stage; key null for the process's first stage")
        List<Count> byStage,
        @NotNull @Schema(description = "The last 12 weeks (Monday to Sunday, UTC), oldest first, the current one "
                + "last") List<Week> newPerWeek,
        @NotNull @Schema(description = "The funnel: per process stage, the leads (deleted ones left out) that reached "
                + "it; key null for the process's first stage, which every lead starts in") List<Count> reachedStage,
        @NotNull @Schema(description = "Opportunities won, the funnel's end") Long won,
        @NotNull @Schema(description = "Per process stage, the stays that ended (the lead moved on or back) and "
                + "their average length; key null for the first stage, counted from the lead's creation")
        List<StageTime> timeInStage) {

    /** How long leads stayed in a stage. */
    @Schema(name = "LeadStageTime")
    public record StageTime(@Schema(nullable = true, required = true) String key,
                            @NotNull @Schema(description = "Stays that ended") Long stays,
                            @NotNull @Schema(description = "Their average length in seconds") Long averageSeconds) {
    }

    /** A key and how many leads have it. */
    @Schema(name = "LeadCount")
    public record Count(@Schema(nullable = true, required = true) String key, @NotNull Long count) {
    }

    /** The leads created in a week. */
    @Schema(name = "LeadWeek")
    public record Week(@NotNull @Schema(description = "The week's Monday") LocalDate weekOf, @NotNull Long count) {
    }
}
