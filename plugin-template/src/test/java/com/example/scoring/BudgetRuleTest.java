package com.example.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.Money;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.scoring.ScoringResult;

class BudgetRuleTest {

    private final BudgetRule rule = new BudgetRule();
    private final PluginContext context = new PluginContext("tenant", "budget-scoring", "budget-threshold",
            ExtensionConfig.of(Map.of("threshold", new BigDecimal("25000"), "points", 20L)), Clock.systemUTC(),
            System.getLogger("test"));

    @Test
    void aLeadWhoseBudgetReachesTheThresholdGetsThePoints() {
        ScoringResult result = rule.evaluate(lead(new Money(new BigDecimal("50000"), "EUR")), context);
        assertEquals(20, result.points());
        assertTrue(result.reasons().get(0).contains("50000 EUR"), result.toString());
    }

    @Test
    void aLeadWithoutABudgetGetsNothing() {
        assertEquals(ScoringResult.none(), rule.evaluate(lead(null), context));
    }

    private static LeadView lead(Money budget) {
        return new LeadView("00000000-0000-7000-8000-000000000001", "OPEN", null, null, null, null, null, "Vera",
                "Budget", null, null, null, "Budget GmbH", null, null, null, null, "WEB", null, budget, null, null,
                null, null, null, null, 0);
    }
}
