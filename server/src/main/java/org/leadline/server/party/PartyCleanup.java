package org.leadline.server.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.leadline.server.lead.LeadEvent;
import org.leadline.server.tenancy.TenantEntityManagers;

/** Removes a lead's stakeholders and competitors in the transaction that deletes the lead. */
@ApplicationScoped
public class PartyCleanup {

    @Inject
    TenantEntityManagers entityManagers;

    void removeParties(@Observes LeadEvent.Deleted deleted) {
        EntityManager em = entityManagers.forTenant(deleted.tenantId());
        for (String entity : new String[] {"Stakeholder", "Competitor"}) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.leadId = :lead")
                    .setParameter("lead", deleted.leadId()).executeUpdate();
        }
    }

}
