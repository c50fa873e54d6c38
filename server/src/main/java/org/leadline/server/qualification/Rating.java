package org.leadline.server.qualification;

import java.util.ArrayList;
import java.util.List;

/**
 * The rating engine: the tenant's rules, then what the tenant's scoring plugins said, summed into
 * one score that the thresholds turn into HOT, WARM or COLD. Pure: the facts come in, the outcome
 * goes out, so re-rating many leads is a loop over this.
 */
public final class Rating {

    private Rating() {
    }

    /** Which rule (or plugin extension) gave how many points, and why. */
    public record Reason(String origin, String id, String text, int points) {
    }

    /** An action a rule recommends; {@code dueInDays} null when the rule set none. */
    public record Recommendation(String origin, String id, String text, String kind, String priority, Integer dueInDays) {
    }

    /** A plugin's contribution, already obtained through the plugin guard. */
    public record PluginContribution(String pluginId, String extensionId, int points, List<String> reasons,
                                     List<Recommendation> actions) {
    }

    public record Outcome(String rating, int score, List<Reason> reasons, List<Recommendation> recommendations) {
    }

    public static Outcome evaluate(RuleSetDefinition rules, LeadFacts facts, List<PluginContribution> plugins) {
        long score = 0;
        List<Reason> reasons = new ArrayList<>();
        List<Recommendation> recs = new ArrayList<>();
        for (RuleSetDefinition.Rule r : rules.rules()) {
            if (r.when() != null && !r.when().test(facts)) {
                continue;
            }
            score += r.points();
            reasons.add(new Reason("rule", r.id(), r.when() == null ? r.name() : r.name() + ": " + r.when().describe(),
                    r.points()));
            for (RuleSetDefinition.Recommendation a : r.recommend()) {
                recs.add(new Recommendation("rule", r.id(), a.text(), a.kind().name(), a.priority().name(), a.dueInDays()));
            }
        }
        for (PluginContribution p : plugins) {
            String id = p.pluginId() + "/" + p.extensionId();
            if (p.points() != 0 || !p.reasons().isEmpty()) {
                score += p.points();
                reasons.add(new Reason("plugin", id, p.reasons().isEmpty() ? id : String.join("; ", p.reasons()), p.points()));
            }
            recs.addAll(p.actions());
        }
        int bounded = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, score));
        return new Outcome(rules.rating(bounded), bounded, List.copyOf(reasons), List.copyOf(recs));
    }
}
