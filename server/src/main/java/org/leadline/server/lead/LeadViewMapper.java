package org.leadline.server.lead;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadData.Company;
import org.leadline.api.lead.LeadData.Qualification;
import org.leadline.api.lead.LeadScoring;
import org.leadline.api.lead.LeadView;
import org.leadline.api.lead.LeadView.ConversionLinks;

/** Makes the API's representation of a lead ({@link LeadView}) from the stored lead. */
public final class LeadViewMapper {

    private LeadViewMapper() {
    }

    /** The representation of {@code lead} with the details other features show on it. */
    public static LeadView of(Lead lead, LeadScoring scoring) {
        return of(lead, scoring, null);
    }

    /** As {@link #of(Lead, LeadScoring)}, with what qualification made of the lead (null when not qualified). */
    public static LeadView of(Lead lead, LeadScoring scoring, ConversionLinks conversion) {
        LeadData d = lead.data();
        return new LeadView(scoring, lead.id(), d.person(), nonEmpty(d.company()), d.origin(),
                nonEmpty(d.qualification()), d.topic(), d.description(), d.ownerId(), lead.status(), lead.rating(),
                lead.score(), lead.stage(), lead.createdAt(), lead.createdBy(), lead.updatedAt(), lead.updatedBy(),
                lead.version(), null, null, conversion);
    }

    private static Company nonEmpty(Company c) {
        return c == null || (c.name() == null && c.website() == null && c.industry() == null && c.employees() == null
                && c.annualRevenue() == null && (c.address() == null || isEmpty(c.address()))) ? null
                : c.address() != null && isEmpty(c.address()) ? new Company(c.name(), c.website(), c.industry(),
                c.employees(), c.annualRevenue(), null) : c;
    }

    private static boolean isEmpty(LeadData.Address a) {
        return a.street() == null && a.postalCode() == null && a.city() == null && a.region() == null
                && a.country() == null;
    }

    private static Qualification nonEmpty(Qualification q) {
        return q == null || (q.budget() == null && q.need() == null && q.purchaseTimeframe() == null
                && q.decisionMaker() == null && q.decisionMakerName() == null && q.purchaseProcess() == null
                && q.purchaseProcessNotes() == null) ? null : q;
    }
}
