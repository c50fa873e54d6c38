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
 *
 * <p>Since 1.1 the view also carries the facts around the lead that the tenant's own qualification
 * rules see: how many stakeholders it has and whether one of them is a decision maker, how many
 * competitors, interactions and notes are recorded on it, and when it was last contacted. They are
 * {@code null} when the server did not gather them (e.g. a view built by a server before 1.1, or
 * the view of a deleted lead).
 *
 * @param stakeholders the number of stakeholders recorded on the lead (since 1.1)
 * @param decisionMakerAmongStakeholders whether one of the stakeholders has the buying role of a
 *        decision maker (since 1.1); independent of {@link #decisionMaker()}, which says whether
 *        the lead's own contact person decides
 * @param competitors the number of competitors recorded on the lead (since 1.1)
 * @param interactions the number of interactions (calls, e-mails, meetings, ...) recorded (since 1.1)
 * @param lastContactAt when the latest interaction took place; {@code null} also when there is none (since 1.1)
 * @param notes the number of notes written on the lead (since 1.1)
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
        long version,
        Integer stakeholders,
        Boolean decisionMakerAmongStakeholders,
        Integer competitors,
        Integer interactions,
        Instant lastContactAt,
        Integer notes) {

    public LeadView {
        java.util.Objects.requireNonNull(id, "id");
    }

    /**
     * The view as plugin API 1.0 defined it, without the related facts (they are {@code null}).
     * Kept so that plugins compiled against 1.0 that build views, e.g. in their tests, still link.
     */
    public LeadView(String id, String status, Rating rating, Integer score, String stage, String ownerId,
                    String salutation, String firstName, String lastName, String jobTitle, String email, String phone,
                    String companyName, String industry, Integer employees, Money annualRevenue, String country,
                    String source, String sourceDetail, Money budget, String need, String purchaseTimeframe,
                    Boolean decisionMaker, String topic, Instant createdAt, Instant updatedAt, long version) {
        this(id, status, rating, score, stage, ownerId, salutation, firstName, lastName, jobTitle, email, phone,
                companyName, industry, employees, annualRevenue, country, source, sourceDetail, budget, need,
                purchaseTimeframe, decisionMaker, topic, createdAt, updatedAt, version, null, null, null, null, null, null);
    }

    /**
     * Whole days from the last contact to {@code now} (pass {@code PluginContext.clock().instant()}),
     * or {@code null} when the lead was never contacted or the facts were not gathered.
     *
     * @since 1.1
     */
    public Long daysSinceLastContact(Instant now) {
        return lastContactAt == null ? null : java.time.Duration.between(lastContactAt, now).toDays();
    }
}
