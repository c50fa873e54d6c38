package org.leadline.plugin.api.scoring;

import java.util.List;
import java.util.Optional;

import org.leadline.plugin.api.Rating;

/**
 * What a {@link ScoringRule} concluded about a lead.
 *
 * @param points     points added to the lead's score; negative to subtract; between -1000 and 1000
 * @param ratingVote a rating this rule votes for, if it has a firm opinion
 * @param reasons    short sentences a salesperson reads, e.g. "Budget of 50,000 EUR matches"
 * @param actions    what to do next
 */
public record ScoringResult(int points, Optional<Rating> ratingVote, List<String> reasons,
                            List<RecommendedAction> actions) {

    public ScoringResult {
        if (points < -1000 || points > 1000) {
            throw new IllegalArgumentException("points must be between -1000 and 1000: " + points);
        }
        ratingVote = ratingVote == null ? Optional.empty() : ratingVote;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The rule does not apply to this lead. */
    public static ScoringResult none() {
        return new ScoringResult(0, Optional.empty(), List.of(), List.of());
    }

    public static ScoringResult points(int points, String reason) {
        return new ScoringResult(points, Optional.empty(), List.of(reason), List.of());
    }
}
