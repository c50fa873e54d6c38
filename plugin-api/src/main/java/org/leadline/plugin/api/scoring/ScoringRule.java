package org.leadline.plugin.api.scoring;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.PluginContext;

/**
 * Judges a lead: points towards its score, optionally a rating vote, reasons and recommended
 * actions. The server sums the points of all enabled rules, settles the rating from the votes and
 * the score, and shows reasons and actions with the lead.
 *
 * <p>Must be a pure function of the lead and the settings: it is called whenever a lead changes and
 * when a tenant re-rates all its leads. A result of {@code null}, an exception or a timeout counts as
 * a failure and the rule contributes nothing.
 */
public interface ScoringRule extends LeadlineExtension {

    ScoringResult evaluate(LeadView lead, PluginContext context);
}
