package org.leadline.api.lead;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lead's rating by the tenant's qualification rules and the scoring plugins it enabled, with the
 * reasons and the recommended actions, open and decided: what the lead shows at its top. The
 * qualification feature makes it; the lead only shows it.
 */
@Schema(name = "LeadRating", description = "The lead's rating by the tenant's rules and scoring plugins")
public record LeadScoring(
        @NotNull Rating rating,
        @NotNull Integer score,
        @NotNull @Schema(description = "The rule set version used; 0 for none") Integer ruleSetVersion,
        @NotNull Instant ratedAt,
        @NotNull @Schema(description = "What gave the points") List<Reason> reasons,
        @NotNull @Schema(description = "The actions recommended and not yet decided") List<Recommendation>
        recommendations,
        @NotNull @Schema(description = "The recommended actions marked done or dismissed while still recommended")
        List<Decision> decidedRecommendations) {

    /** How urgent a recommended action is. */
    @Schema(name = "ActionPriority")
    public enum Priority { HIGH, MEDIUM, LOW }

    /** What a seller decided about a recommended action. */
    @Schema(name = "RecommendationState")
    public enum DecisionState { DONE, DISMISSED }

    /** One reason of the score. */
    @Schema(name = "RatingReason")
    public record Reason(
            @NotNull @Schema(description = "Who rated: rule (one of the tenant's rules) or plugin") String origin,
            @NotNull @Schema(description = "The rule's id within its origin (a plugin's is pluginId/extensionId)")
            String id,
            @NotNull String text,
            @NotNull Integer points) {
    }

    /** A recommended action not decided yet. */
    @Schema(name = "OpenRecommendation")
    public record Recommendation(
            @NotNull @Schema(description = "Who recommends: rule (one of the tenant's rules) or plugin") String origin,
            @NotNull @Schema(description = "The recommending rule's id within its origin") String id,
            @NotNull String text,
            @NotNull @Schema(description = "From the tenant's rules one of CALL, EMAIL, MEETING, PROPOSAL, DEMO, "
                    + "TASK, OTHER; from a plugin the plugin's own action code (plugin-defined case)") String kind,
            @NotNull Priority priority,
            @Schema(description = "Due so many days after the rating") Integer dueInDays,
            @NotNull @Schema(description = "Stays the same across re-ratings; use it to mark the action done or "
                    + "dismissed") String recommendationId,
            @Schema(description = "ratedAt plus dueInDays") Instant dueBy) {
    }

    /** A seller's decision about a recommended action: done or dismissed. */
    @Schema(name = "RecommendationDecision")
    public record Decision(
            @NotNull @Schema(format = "uuid") String id,
            @NotNull String recommendationId,
            @NotNull @Schema(description = "Who recommended: rule or plugin") String origin,
            @NotNull String ruleId,
            @NotNull String text,
            @NotNull @Schema(description = "The action's kind as recommended (see OpenRecommendation)") String kind,
            @NotNull DecisionState state,
            @NotNull Instant decidedAt,
            @NotNull @Schema(format = "uuid") String decidedBy,
            String comment,
            @Schema(description = "When a later decision replaced this one, or the rules stopped recommending the "
                    + "action") Instant clearedAt,
            @NotNull @Schema(description = "The decision's number among those made about this recommendation (1 for "
                    + "the first): the recommendation's version while the decision is in force, sent as the ETag of a "
                    + "decision. An open recommendation is at version 0.") Long version) {
    }
}
