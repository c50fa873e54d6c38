package org.leadline.server.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.RecordBodyReader;
import org.leadline.server.platform.problem.ProblemException;

class RatingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static RuleSetDefinition parse(String text) {
        return RecordBodyReader.bind(json(text), RuleSetView.class).definition();
    }

    private static List<FieldError> problems(String text) {
        try {
            RecordBodyReader.bind(json(text), RuleSetView.class);
            return List.of();
        } catch (ProblemException e) {
            return e.errors();
        }
    }

    private static LeadFacts lead(String source, String budget, String currency, String timeframe, String need,
                                  boolean decider, int interactions, Instant lastContact) {
        return new LeadFacts(source, budget == null ? null : new BigDecimal(budget), currency, timeframe,
                need == null ? Map.of() : Map.of("need", need), decider, interactions, lastContact, NOW);
    }

    private static final String SET = "{'thresholds':{'hot':60,'warm':30},'rules':["
            + "{'id':'budget-and-need','name':'Budget and need match','points':50,"
            + " 'when':{'all':[{'budgetAtLeast':[{'amount':20000,'currency':'EUR'},{'amount':25000,'currency':'USD'}]},{'present':'need'}]},"
            + " 'recommend':[{'text':'Send a proposal','kind':'PROPOSAL','priority':'HIGH','dueInDays':3}]},"
            + "{'id':'soon-or-fair','points':20,'when':{'any':[{'timeframeWithinMonths':3},{'sourceIn':['TRADE_FAIR']}]}},"
            + "{'id':'decider','points':15,'when':{'decisionMakerKnown':true}},"
            + "{'id':'engaged','points':10,'when':{'all':[{'interactionsAtLeast':2},{'contactedWithinDays':14}]}},"
            + "{'id':'gone-quiet','points':-25,'when':{'noContactForDays':90}}]}";

    @Test
    void budgetAndNeedMakeATradeFairLeadHotWithAProposal() {
        Rating.Outcome o = Rating.evaluate(parse(SET), lead("TRADE_FAIR", "50000", "EUR", "THIS_YEAR", "CRM",
                false, 0, NOW.minus(Duration.ofDays(1))), List.of());
        assertEquals(70, o.score());
        assertEquals("HOT", o.rating());
        assertEquals(List.of("budget-and-need", "soon-or-fair"), o.reasons().stream().map(Rating.Reason::id).toList());
        assertEquals(50, o.reasons().get(0).points());
        assertEquals("Send a proposal", o.recommendations().get(0).text());
        assertEquals(3, o.recommendations().get(0).dueInDays());
    }

    @Test
    void aBudgetCountsOnlyInItsOwnCurrency() {
        RuleSetDefinition d = parse(SET);
        assertEquals(0, Rating.evaluate(d, lead("WEB", "50000", "GBP", null, "CRM", false, 0, null), List.of()).score() + 25);
        assertEquals(50 - 25, Rating.evaluate(d, lead("WEB", "25000", "USD", null, "CRM", false, 0, null), List.of()).score());
        assertEquals(-25, Rating.evaluate(d, lead("WEB", "24999.99", "USD", null, "CRM", false, 0, null), List.of()).score());
    }

    @Test
    void timelineAndStakeholderFactsCount() {
        RuleSetDefinition d = parse(SET);
        Rating.Outcome quiet = Rating.evaluate(d, lead("WEB", null, null, "NEXT_YEAR", null, false, 5,
                NOW.minus(Duration.ofDays(120))), List.of());
        assertEquals(-25, quiet.score());
        assertEquals("COLD", quiet.rating());
        Rating.Outcome engaged = Rating.evaluate(d, lead("WEB", null, null, "UNKNOWN", null, true, 2,
                NOW.minus(Duration.ofDays(3))), List.of());
        assertEquals(25, engaged.score());
        Rating.Outcome warm = Rating.evaluate(d, lead("WEB", null, null, "IMMEDIATE", null, true, 2,
                NOW.minus(Duration.ofDays(3))), List.of());
        assertEquals(45, warm.score());
        assertEquals("WARM", warm.rating());
    }

    @Test
    void pluginPointsAddUpWithTheTenantsRules() {
        Rating.Outcome o = Rating.evaluate(parse(SET), lead("WEB", null, null, null, null, false, 0, NOW),
                List.of(new Rating.PluginContribution("scoring-bant", "bant", 45, List.of("need stated"),
                        List.of(new Rating.Recommendation("plugin", "scoring-bant/bant", "Call", "CALL", "MEDIUM", null)))));
        assertEquals(45, o.score());
        assertEquals("WARM", o.rating());
        assertEquals("scoring-bant/bant", o.reasons().get(0).id());
        assertEquals("Call", o.recommendations().get(0).text());
    }

    @Test
    void everyProblemNamesItsField() {
        assertTrue(problems("{'rules':[]}").contains(new FieldError("thresholds", "is required")));
        assertEquals("thresholds.warm", problems("{'thresholds':{'hot':10,'warm':10},'rules':[]}").get(0).field());
        assertEquals("rules[0].points", problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':5000}]}").get(0).field());
        assertEquals("rules[1].id", problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1},{'id':'a','points':1}]}").get(0).field());
        assertEquals("rules[0].when.budgetAtLeast.currency",
                problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'when':{'budgetAtLeast':{'amount':1,'currency':'eur'}}}]}").get(0).field());
        assertEquals("rules[0].when.sourceIn[1]",
                problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'when':{'sourceIn':['WEB','FAX']}}]}").get(0).field());
        assertEquals("rules[0].when.all[0].smell",
                problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'when':{'all':[{'smell':1}]}}]}").get(0).field());
        assertEquals("rules[0].recommend[0].dueInDays",
                problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'recommend':[{'text':'x','dueInDays':999}]}]}").get(0).field());
        assertEquals("rules[0].colour",
                problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'colour':'red'}]}").get(0).field());
    }

    @Test
    void limitsAreExplicit() {
        String deep = "{'present':'need'}";
        for (int i = 0; i < RuleSetDefinition.MAX_DEPTH; i++) {
            deep = "{'all':[" + deep + "]}";
        }
        List<FieldError> tooDeep = problems("{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'when':" + deep + "}]}");
        assertTrue(tooDeep.get(0).reason().contains("too deep"), tooDeep.toString());
        StringBuilder many = new StringBuilder("{'thresholds':{'hot':10,'warm':5},'rules':[");
        for (int i = 0; i <= RuleSetDefinition.MAX_RULES; i++) {
            many.append(i == 0 ? "" : ",").append("{'id':'r").append(i).append("','points':1}");
        }
        assertEquals("rules", problems(many.append("]}").toString()).get(0).field());
    }

    @Test
    void aConditionHasExactlyOneMemberAndABudgetIsOneAmountOrAList() {
        String head = "{'thresholds':{'hot':10,'warm':5},'rules':[{'id':'a','points':1,'when':";
        List<FieldError> two = problems(head + "{'present':'need','decisionMakerKnown':true}}]}");
        assertEquals("rules[0].when", two.get(0).field());
        assertTrue(two.get(0).reason().startsWith("must have exactly one of all, any, budgetAtLeast"), two.toString());
        assertEquals("rules[0].when", problems(head + "{}}]}").get(0).field());
        assertEquals(List.of(new FieldError("rules[0].when.all[0].smell", "is not a known field")),
                problems(head + "{'all':[{'smell':1}]}}]}"));
        assertEquals("rules[0].when.budgetAtLeast[1].currency",
                problems(head + "{'budgetAtLeast':[{'amount':1,'currency':'EUR'},{'amount':1,'currency':'eur'}]}}]}").get(0).field());
        assertEquals("rules[0].when.budgetAtLeast.amount",
                problems(head + "{'budgetAtLeast':{'amount':-1,'currency':'EUR'}}}]}").get(0).field());
        assertEquals("rules[0].when.present", problems(head + "{'present':'shoeSize'}}]}").get(0).field());
        assertEquals("rules[0].when.equals.value", problems(head + "{'equals':{'field':'need','value':[1]}}}]}").get(0).field());
        RuleSetDefinition d = parse(head + "{'any':[{'budgetAtLeast':{'amount':100,'currency':'EUR'}},"
                + "{'sourceIn':['web']},{'equals':{'field':'topic','value':'crm'}}]}}]}");
        assertEquals("(budget >= 100 EUR or source in [WEB] or topic = crm)", d.rules().get(0).when().describe());
        List<FieldError> wide = problems(head + "{'all':[" + "{'present':'need'},".repeat(21) + "{'present':'need'}]}}]}");
        assertEquals("rules[0].when.all", wide.get(0).field());
    }
}
