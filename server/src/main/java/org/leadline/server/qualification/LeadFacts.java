package org.leadline.server.qualification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the rules look at: the lead's own fields and the facts around it (stakeholders, timeline),
 * gathered once per rating so a rule set is evaluated without touching the database.
 *
 * @param fields the lead's fields by their API name, as text, for "present" and "equals" tests
 */
public record LeadFacts(String source, BigDecimal budgetAmount, String budgetCurrency, String purchaseTimeframe,
                        Map<String, String> fields, boolean decisionMakerAmongStakeholders, int interactions,
                        Instant lastContactAt, Instant now) {

    /** The lead fields a rule can name in "present" and "equals". */
    static final java.util.Set<String> FIELDS = java.util.Set.of("need", "budget", "purchaseTimeframe", "decisionMaker",
            "decisionMakerName", "purchaseProcess", "source", "sourceDetail", "topic", "email", "phone", "jobTitle",
            "companyName", "industry", "country", "employees", "website", "language");

    Long daysSinceLastContact() {
        return lastContactAt == null ? null : Duration.between(lastContactAt, now).toDays();
    }

    /** The purchase timeframe as the latest month it reaches; UNKNOWN and none reach no month. */
    static Integer timeframeMonths(String timeframe) {
        if (timeframe == null) {
            return null;
        }
        return switch (timeframe) {
            case "IMMEDIATE" -> 0;
            case "THIS_QUARTER" -> 3;
            case "NEXT_QUARTER" -> 6;
            case "THIS_YEAR" -> 12;
            case "NEXT_YEAR" -> 24;
            default -> null;
        };
    }
}
