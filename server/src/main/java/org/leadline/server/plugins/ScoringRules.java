package org.leadline.server.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.scoring.ScoringResult;
import org.leadline.plugin.api.scoring.ScoringRule;
import org.leadline.server.lead.Lead;

/**
 * The guarded invocation path of {@link ScoringRule}s. The rating (qualification) orchestrates:
 * it sums the answers into a lead's score and rating.
 */
@ApplicationScoped
public class ScoringRules {

    /** One scoring rule's answer for a lead. */
    public record Scored(String pluginId, String extensionId, ScoringResult result) {
    }

    @Inject
    Extensions extensions;

    @Inject
    ExtensionCalls calls;

    /** Whether the tenant has any scoring rule enabled: lets the rating skip building a view. */
    public boolean wantsScoring(String tenantId) {
        return extensions.any(tenantId, ExtensionKind.SCORING_RULE);
    }

    /**
     * Asks the tenant's enabled scoring rules about leads of one tenant; a rule that fails, times
     * out, answers {@code null} (a failure by the contract), is quarantined or finds its bulkhead full
     * is left out for that lead. Each rule is handed all of them in one go ({@link Guard#callEach}),
     * each lead's evaluation still under its own time limit and failure count. Never throws.
     *
     * @return each lead's answers, by lead id (a lead without any is absent)
     */
    public Map<String, List<Scored>> scoreAll(String tenantId, List<Lead> leads, Map<String, LeadViews.Related> related) {
        Map<String, List<Scored>> out = new HashMap<>();
        List<LeadView> views = null;
        for (Extensions.Enabled e : extensions.enabled(tenantId, ExtensionKind.SCORING_RULE)) {
            if (views == null) {
                views = new ArrayList<>(leads.size());
                for (Lead lead : leads) {
                    views.add(LeadViews.of(lead, related.getOrDefault(lead.id(), LeadViews.Related.NONE)));
                }
            }
            ScoringRule rule = (ScoringRule) e.extension().instance();
            List<Guard.Outcome<ScoringResult>> answers = calls.callEach(tenantId, e, views, (v, context) -> {
                ScoringResult r = rule.evaluate(v, context);
                if (r == null) {
                    // The contract: null is a failure (counted, towards the quarantine too).
                    throw new IllegalStateException("returned null instead of a ScoringResult"
                            + " (return ScoringResult.none() when the rule does not apply)");
                }
                return r;
            });
            for (int i = 0; i < answers.size(); i++) {
                Guard.Outcome<ScoringResult> o = answers.get(i);
                if (o.ok() && o.value() != null) {
                    out.computeIfAbsent(leads.get(i).id(), k -> new ArrayList<>()).add(new Scored(e.pluginId(), e.id(), o.value()));
                }
            }
        }
        return out;
    }
}
