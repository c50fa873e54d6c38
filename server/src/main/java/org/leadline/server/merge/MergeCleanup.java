package org.leadline.server.merge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.leadline.server.lead.LeadEvent;
import org.leadline.server.tenancy.TenantEntityManagers;

/**
 * When a lead is removed for good, its merge records (with their copies of the merged-away
 * leads) and the redirects to it go too, in the same transaction: an erased lead leaves nothing.
 */
@ApplicationScoped
public class MergeCleanup {

    @Inject
    TenantEntityManagers entityManagers;

    void removeMerges(@Observes LeadEvent.Deleted deleted) {
        EntityManager em = entityManagers.forTenant(deleted.tenantId());
        em.createQuery("DELETE FROM LeadMerge m WHERE m.leadId = :lead")
                .setParameter("lead", deleted.leadId()).executeUpdate();
        em.createQuery("DELETE FROM LeadRedirect r WHERE r.survivorId = :lead")
                .setParameter("lead", deleted.leadId()).executeUpdate();
    }

}
