package org.leadline.server.merge;

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

/**
 * When a lead is removed for good, its merge records (with their copies of the merged-away
 * leads) and the redirects to it go too, in the same transaction: an erased lead leaves nothing.
 */
@ApplicationScoped
public class MergeCleanup {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    void removeMerges(@Observes LeadEvent.Deleted deleted) {
        EntityManager em = em(deleted.tenantId());
        em.createQuery("DELETE FROM LeadMerge m WHERE m.leadId = :lead")
                .setParameter("lead", deleted.leadId()).executeUpdate();
        em.createQuery("DELETE FROM LeadRedirect r WHERE r.survivorId = :lead")
                .setParameter("lead", deleted.leadId()).executeUpdate();
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
