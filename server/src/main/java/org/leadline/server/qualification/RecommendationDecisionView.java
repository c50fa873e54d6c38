package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A seller's decision about a recommended action: done or dismissed. */
@Schema(name = "RecommendationDecision")
public record RecommendationDecisionView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull String recommendationId,
        @NotNull @Schema(description = "Who recommended: rules or a plugin") String origin,
        @NotNull String ruleId,
        @NotNull String text,
        @NotNull String kind,
        @NotNull @Schema(implementation = String.class, enumeration = {"DONE", "DISMISSED"})
        RecommendationDecision.State state,
        @NotNull Instant decidedAt,
        @NotNull @Schema(format = "uuid") String decidedBy,
        String comment,
        @Schema(description = "When a later decision replaced this one") Instant clearedAt) {

    static RecommendationDecisionView of(RecommendationDecision d) {
        return new RecommendationDecisionView(d.id(), d.recommendationId(), d.origin(), d.ruleId(), d.text(), d.kind(),
                d.state(), d.decidedAt(), d.decidedBy(), d.comment(), d.clearedAt());
    }

    /** What the seller decided. */
    @Schema(name = "RecommendationDecisionRequest")
    public record Request(
            @NotNull(message = "is required: DONE or DISMISSED")
            @Schema(implementation = String.class, enumeration = {"DONE", "DISMISSED"})
            RecommendationDecision.State state,
            @Size(max = RecommendationDecision.MAX_COMMENT) String comment) {
    }
}
