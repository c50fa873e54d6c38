package com.example.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.scoring.ScoringResult;
import org.leadline.plugin.api.scoring.ScoringRule;
import org.pf4j.Extension;

/**
 * Adds points to a lead whose budget reaches the tenant's threshold. Stateless: the server calls the
 * one instance for every tenant from many threads at once.
 */
@Extension
public class BudgetRule implements ScoringRule {

    @Override
    public String id() {
        return "budget-threshold";
    }

    @Override
    public String description() {
        return "Points for a lead whose budget reaches a threshold";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.of("threshold", SettingType.DECIMAL).label("Budget threshold")
                        .help("The smallest budget that earns the points").range(BigDecimal.ZERO, new BigDecimal("1000000000"))
                        .defaultValue("25000"),
                Setting.of("points", SettingType.INTEGER).label("Points").range(0, 100).defaultValue("20"));
    }

    @Override
    public ScoringResult evaluate(LeadView lead, PluginContext context) {
        if (lead.budget() == null || lead.budget().amount() == null) {
            return ScoringResult.none();
        }
        BigDecimal threshold = context.config().decimal("threshold").orElse(new BigDecimal("25000"));
        if (lead.budget().amount().compareTo(threshold) < 0) {
            return ScoringResult.none();
        }
        int points = context.config().integer("points").orElse(20L).intValue();
        return ScoringResult.points(points, "Budget of " + lead.budget().amount().toPlainString() + " "
                + lead.budget().currency() + " reaches " + threshold.toPlainString());
    }
}
