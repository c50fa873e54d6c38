package org.leadline.server.qualification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.LeadScoring;

/** What the seller decided about a recommended action. */
@Schema(name = "RecommendationDecisionRequest")
public record RecommendationDecisionRequest(
        @NotNull(message = "is required: DONE or DISMISSED") LeadScoring.DecisionState state,
        @Size(max = RecommendationDecision.MAX_COMMENT) String comment) {
}
