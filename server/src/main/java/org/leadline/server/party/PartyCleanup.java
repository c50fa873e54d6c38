package org.leadline.server.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.leadline.server.lead.LeadEvent;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/** Removes a lead's stakeholders and competitors in the transaction that deletes the lead. */
@ApplicationScoped
public class PartyCleanup {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    void removeParties(@Observes LeadEvent.Deleted deleted) {
        EntityManager em = em(deleted.tenantId());
        for (String entity : new String[] {"Stakeholder", "Competitor"}) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.leadId = :lead")
                    .setParameter("lead", deleted.leadId()).executeUpdate();
        }
    }

    /** The request's entity manager, or one bound to the event's tenant when there is no request. */
    private EntityManager em(String tenantId) {
        try {
            if (caller.isPresent() && tenantId.equals(caller.get().tenantId())) {
                return persistence.em();
            }
        } catch (ContextNotActiveException e) {
            // no request: fall through
        }
        EntityManager em = TenantPersistence.open(emf, tenantId);
        em.joinTransaction();
        return em;
    }
}
