package org.leadline.server.qualification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One test over a lead's facts. Groups ({@link All}, {@link Any}) nest the others; the parser
 * bounds how deep and how wide, so evaluating a rule set is cheap whatever a tenant saves.
 */
sealed interface Condition {

    boolean test(LeadFacts facts);

    /** How the condition reads in a reason, e.g. "budget >= 10000 EUR". */
    String describe();

    record All(List<Condition> conditions) implements Condition {
        public boolean test(LeadFacts f) {
            return conditions.stream().allMatch(c -> c.test(f));
        }

        public String describe() {
            return "(" + String.join(" and ", conditions.stream().map(Condition::describe).toList()) + ")";
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public boolean test(LeadFacts f) {
            return conditions.stream().anyMatch(c -> c.test(f));
        }

        public String describe() {
            return "(" + String.join(" or ", conditions.stream().map(Condition::describe).toList()) + ")";
        }
    }

    /** Budget at least one of the amounts given in the budget's own currency; no exchange rates are guessed. */
    record BudgetAtLeast(List<Money> minimums) implements Condition {
        public boolean test(LeadFacts f) {
            if (f.budgetAmount() == null || f.budgetCurrency() == null) {
                return false;
            }
            return minimums.stream().anyMatch(m -> m.currency().equalsIgnoreCase(f.budgetCurrency())
                    && f.budgetAmount().compareTo(m.amount()) >= 0);
        }

        public String describe() {
            return "budget >= " + String.join(" or ", minimums.stream().map(m -> m.amount().toPlainString() + " " + m.currency()).toList());
        }
    }

    record Money(BigDecimal amount, String currency) {
    }

    record TimeframeWithinMonths(int months) implements Condition {
        public boolean test(LeadFacts f) {
            Integer m = LeadFacts.timeframeMonths(f.purchaseTimeframe());
            return m != null && m <= months;
        }

        public String describe() {
            return "purchase timeframe within " + months + " months";
        }
    }

    record SourceIn(Set<String> sources) implements Condition {
        public boolean test(LeadFacts f) {
            return f.source() != null && sources.contains(f.source());
        }

        public String describe() {
            return "source in " + sources.stream().sorted().toList();
        }
    }

    record Present(String field) implements Condition {
        public boolean test(LeadFacts f) {
            String v = f.fields().get(field);
            return v != null && !v.isBlank();
        }

        public String describe() {
            return field + " is given";
        }
    }

    record FieldEquals(String field, String value) implements Condition {
        public boolean test(LeadFacts f) {
            String v = f.fields().get(field);
            return v != null && v.equalsIgnoreCase(value);
        }

        public String describe() {
            return field + " = " + value;
        }
    }

    /** A stakeholder whose role in the buying decision is DECISION_MAKER. */
    record DecisionMakerKnown(boolean expected) implements Condition {
        public boolean test(LeadFacts f) {
            return f.decisionMakerAmongStakeholders() == expected;
        }

        public String describe() {
            return expected ? "a decision maker is among the stakeholders" : "no decision maker among the stakeholders";
        }
    }

    record InteractionsAtLeast(int count) implements Condition {
        public boolean test(LeadFacts f) {
            return f.interactions() >= count;
        }

        public String describe() {
            return "at least " + count + " interactions";
        }
    }

    /** Last contact at most N days ago; a lead never contacted does not match. */
    record ContactedWithinDays(int days) implements Condition {
        public boolean test(LeadFacts f) {
            Long since = f.daysSinceLastContact();
            return since != null && since <= days;
        }

        public String describe() {
            return "last contact within " + days + " days";
        }
    }

    /** No contact for at least N days, or never contacted. */
    record NoContactForDays(int days) implements Condition {
        public boolean test(LeadFacts f) {
            Long since = f.daysSinceLastContact();
            return since == null || since >= days;
        }

        public String describe() {
            return "no contact for " + days + " days";
        }
    }
}
