package org.leadline.server.qualification;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.server.lead.Rating;

/** A lead's current rating with the reasons and the recommended actions, open and decided. */
@Schema(name = "LeadRating", description = "The lead's rating by the tenant's rules and scoring plugins")
public record LeadRatingView(
        @NotNull Rating rating,
        @NotNull Integer score,
        @NotNull @Schema(description = "The rule set version used; 0 for none") Integer ruleSetVersion,
        @NotNull Instant ratedAt,
        @NotNull @Schema(description = "What gave the points") List<Reason> reasons,
        @NotNull @Schema(description = "The actions recommended and not yet decided") List<OpenRecommendation>
        recommendations,
        @NotNull @Schema(description = "The recommended actions marked done or dismissed")
        List<RecommendationDecisionView> decidedRecommendations) {

    /** One reason of the score. */
    @Schema(name = "RatingReason")
    public record Reason(
            @NotNull @Schema(description = "Who rated: rules (the tenant's rules) or a plugin") String origin,
            @NotNull @Schema(description = "The rule's id within its origin") String id,
            @NotNull String text,
            @NotNull Integer points) {
    }

    /** A recommended action not decided yet. */
    @Schema(name = "OpenRecommendation")
    public record OpenRecommendation(
            @NotNull String origin,
            @NotNull @Schema(description = "The recommending rule's id within its origin") String id,
            @NotNull String text,
            @NotNull @Schema(implementation = String.class, enumeration = {"CALL", "EMAIL", "MEETING", "PROPOSAL", "DEMO", "TASK", "OTHER"})
            RuleSetDefinition.ActionKind kind,
            @NotNull @Schema(implementation = String.class, enumeration = {"HIGH", "MEDIUM", "LOW"})
            RuleSetDefinition.Priority priority,
            Integer dueInDays,
            @NotNull @Schema(description = "Stays the same across re-ratings; use it to mark the action done or "
                    + "dismissed") String recommendationId,
            @Schema(description = "ratedAt plus dueInDays") Instant dueBy) {
    }
}
