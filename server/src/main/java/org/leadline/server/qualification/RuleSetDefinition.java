package org.leadline.server.qualification;

import java.util.List;

import org.leadline.api.lead.LeadScoring;

/**
 * A tenant's qualification rules as data: each rule adds points when its condition holds and may
 * recommend actions; thresholds turn the score into HOT, WARM or COLD. What a tenant may save is
 * {@link RuleSetView}'s to say (its constraints and cross-field rules); {@link RuleSetView#definition()}
 * makes this from a saved or stored rule set.
 */
public record RuleSetDefinition(int hotFrom, int warmFrom, List<Rule> rules) {

    public static final int MAX_RULES = 100;
    public static final int MAX_DEPTH = 4;
    public static final int MAX_CONDITIONS_PER_GROUP = 20;
    public static final int MAX_RECOMMENDATIONS = 5;
    public static final int MAX_POINTS = 1000;

    /** Used until a tenant saves its first rule set: no own rules, so plugin rules alone decide. */
    public static final RuleSetDefinition EMPTY = new RuleSetDefinition(60, 30, List.of());

    public enum ActionKind { CALL, EMAIL, MEETING, PROPOSAL, DEMO, TASK, OTHER }

    public record Recommendation(String text, ActionKind kind, LeadScoring.Priority priority, Integer dueInDays) {
    }

    /** @param when null for a rule that always applies */
    public record Rule(String id, String name, int points, Condition when, List<Recommendation> recommend) {
    }

    public String rating(int score) {
        return score >= hotFrom ? "HOT" : score >= warmFrom ? "WARM" : "COLD";
    }
}
