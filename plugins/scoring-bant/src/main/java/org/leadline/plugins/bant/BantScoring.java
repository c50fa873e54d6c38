package org.leadline.plugins.bant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.scoring.RecommendedAction;
import org.leadline.plugin.api.scoring.ScoringResult;
import org.leadline.plugin.api.scoring.ScoringRule;
import org.pf4j.Extension;

/**
 * The classic BANT qualification: points for a budget of at least a minimum (in one currency; a
 * budget in another currency does not count, as no exchange rate is guessed), a decision maker
 * reached (authority: the contact person decides or, when that is not stated, one of the lead's
 * stakeholders does), a stated need, and a purchase soon enough (timeframe).
 */
@Extension
public class BantScoring implements ScoringRule {

    static final List<String> TIMEFRAMES = List.of("IMMEDIATE", "THIS_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "NEXT_YEAR");

    @Override
    public String id() {
        return "bant";
    }

    @Override
    public String description() {
        return "Points for budget, authority, need and timeframe; recommends a proposal when all four are met";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.of("minimumBudget", SettingType.DECIMAL).defaultValue("10000").range(0, 1_000_000_000_000_000L)
                        .help("The smallest budget that counts as budget"),
                Setting.of("currency", SettingType.STRING).defaultValue("EUR").pattern("[A-Z]{3}")
                        .help("The currency of the minimum budget (ISO 4217)"),
                Setting.of("latestTimeframe", SettingType.CHOICE).defaultValue("NEXT_QUARTER")
                        .options("IMMEDIATE", "THIS_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "NEXT_YEAR")
                        .help("The latest purchase timeframe that counts as timeframe"),
                Setting.of("pointsPerCriterion", SettingType.INTEGER).defaultValue("10").range(0, 250)
                        .help("Points for each of budget, authority, need and timeframe"));
    }

    @Override
    public ScoringResult evaluate(LeadView lead, PluginContext context) {
        BigDecimal minimum = context.config().decimal("minimumBudget").orElse(new BigDecimal("10000"));
        String currency = context.config().string("currency").orElse("EUR");
        String latest = context.config().string("latestTimeframe").orElse("NEXT_QUARTER");
        int each = Math.toIntExact(Math.max(0, Math.min(250, context.config().integer("pointsPerCriterion").orElse(10L))));

        List<String> reasons = new ArrayList<>();
        int met = 0;
        boolean budget = lead.budget() != null && lead.budget().currency().equalsIgnoreCase(currency)
                && lead.budget().amount().compareTo(minimum) >= 0;
        if (budget) {
            met++;
            reasons.add("budget of at least " + minimum.toPlainString() + " " + currency);
        }
        // The contact person decides; or, when that is not known, a stakeholder on the lead decides.
        boolean authority = Boolean.TRUE.equals(lead.decisionMaker());
        if (authority) {
            met++;
            reasons.add("decision maker reached");
        } else if (lead.decisionMaker() == null && Boolean.TRUE.equals(lead.decisionMakerAmongStakeholders())) {
            authority = true;
            met++;
            reasons.add("decision maker among the stakeholders");
        }
        boolean need = lead.need() != null && !lead.need().isBlank();
        if (need) {
            met++;
            reasons.add("need stated");
        }
        int rank = lead.purchaseTimeframe() == null ? -1 : TIMEFRAMES.indexOf(lead.purchaseTimeframe());
        boolean timeframe = rank >= 0 && rank <= TIMEFRAMES.indexOf(latest);
        if (timeframe) {
            met++;
            reasons.add("buying by " + latest);
        }
        List<RecommendedAction> actions = new ArrayList<>();
        if (met == 4) {
            actions.add(new RecommendedAction("PROPOSAL", "Send a proposal", "Budget, authority, need and timeframe are confirmed"));
        } else if (budget && need && !authority) {
            actions.add(new RecommendedAction("CALL", "Find the decision maker", "Budget and need are there; who decides?"));
        }
        return new ScoringResult(met * each, Optional.empty(), reasons, actions);
    }
}
