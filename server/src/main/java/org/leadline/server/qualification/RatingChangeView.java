package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.Rating;

/** A change of a lead's rating, as the timeline shows it. */
@Schema(name = "RatingChange", description = "The lead's rating changed, by a rule change, a plugin or its own data")
public record RatingChangeView(
        @NotNull @Schema(format = "uuid") String id,
        @Schema(required = true, nullable = true, description = "The rating before; null for the first rating")
        Rating from,
        @NotNull Rating to,
        @NotNull @Schema(description = "The score that gave the new rating") Integer score,
        @NotNull @Schema(description = "The rule set version used; 0 for none") Integer ruleSetVersion,
        @NotNull Instant changedAt) {

    static RatingChangeView of(RatingChange c) {
        return new RatingChangeView(c.id(), c.fromRating() == null ? null : Rating.valueOf(c.fromRating()),
                Rating.valueOf(c.toRating()), c.score(), c.ruleSetVersion(), c.changedAt());
    }
}
