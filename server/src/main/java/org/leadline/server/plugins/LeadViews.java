package org.leadline.server.plugins;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.Money;
import org.leadline.plugin.api.Rating;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadData;

/** Copies a lead into the read-only value a plugin sees; no entity ever crosses into plugin code. */
public final class LeadViews {

    private LeadViews() {
    }

    public static LeadView of(Lead lead) {
        LeadData d = lead.data();
        LeadData.Person p = d.person();
        LeadData.Company c = d.company();
        LeadData.Qualification q = d.qualification();
        return new LeadView(lead.id(), name(lead.status()), lead.rating() == null ? null : Rating.valueOf(lead.rating().name()),
                lead.score(), lead.stage(), lead.ownerId(),
                p.salutation(), p.firstName(), p.lastName(), p.jobTitle(), p.email(),
                p.businessPhone() != null ? p.businessPhone() : p.mobilePhone(),
                c == null ? null : c.name(), c == null ? null : c.industry(), c == null ? null : c.employees(),
                c == null ? null : money(c.annualRevenue()),
                c == null || c.address() == null ? null : c.address().country(),
                name(d.origin().source()), d.origin().detail(),
                q == null ? null : money(q.budget()), q == null ? null : q.need(),
                q == null ? null : name(q.purchaseTimeframe()), q == null ? null : q.decisionMaker(),
                d.topic(), lead.createdAt(), lead.updatedAt(), lead.version());
    }

    /** What is left of a deleted lead: its id. */
    static LeadView deleted(String leadId) {
        return new LeadView(leadId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, 0);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Money money(LeadData.Money m) {
        return m == null ? null : new Money(m.amount(), m.currency());
    }
}
