package org.leadline.plugin.api;

import java.time.Instant;

/**
 * A read-only snapshot of a lead as it was when the server called the extension. Changing a lead is
 * never done through a view; extension points that may influence a lead return a result instead.
 *
 * <p>Any field except {@code id} may be {@code null} when the lead has no value for it. Enumerated
 * values are passed as their names so that a new value in a later server version does not break a
 * plugin: {@code status} is {@code OPEN}, {@code QUALIFIED} or {@code DISQUALIFIED}; {@code source}
 * is {@code WEB}, {@code HOMEPAGE}, {@code TRADE_FAIR}, {@code CAMPAIGN}, {@code EMAIL}, {@code PHONE},
 * {@code REFERRAL}, {@code PARTNER}, {@code SOCIAL}, {@code IMPORT} or {@code OTHER};
 * {@code purchaseTimeframe} is {@code IMMEDIATELY}, {@code THIS_QUARTER}, {@code NEXT_QUARTER},
 * {@code THIS_YEAR}, {@code LATER} or {@code UNKNOWN}. Treat values you do not know like {@code OTHER}.
 */
@Stable(since = "1.0")
public record LeadView(
        String id,
        String status,
        Rating rating,
        Integer score,
        String stage,
        String ownerId,
        String salutation,
        String firstName,
        String lastName,
        String jobTitle,
        String email,
        String phone,
        String companyName,
        String industry,
        Integer employees,
        Money annualRevenue,
        String country,
        String source,
        String sourceDetail,
        Money budget,
        String need,
        String purchaseTimeframe,
        Boolean decisionMaker,
        String topic,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public LeadView {
        java.util.Objects.requireNonNull(id, "id");
    }
}
