package org.leadline.server.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadFieldsChanged;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Keeps a lead's timeline in step with the lead, inside the lead's own transaction: records the
 * field changes of every create and update, and removes the whole timeline with the lead.
 */
@ApplicationScoped
public class LeadTimelineKeeper {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    void recordFieldChanges(@Observes LeadFieldsChanged change) {
        boolean created = change.before().isEmpty();
        AuditTrail.record(em(change.tenantId()), change.leadId(), AuditSubject.LEAD, change.leadId(),
                created ? ChangeKind.CREATED : ChangeKind.UPDATED, change.userId(), change.at(),
                FieldDiff.between(change.before(), change.after()));
    }

    void removeTimeline(@Observes LeadEvent.Deleted deleted) {
        EntityManager em = em(deleted.tenantId());
        for (String entity : new String[] {"TimelineEntry", "AuditChange", "AuditEntry", "NoteRevision", "Note",
                "Interaction", "SocialPost"}) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.leadId = :lead")
                    .setParameter("lead", deleted.leadId()).executeUpdate();
        }
    }

    /**
     * The request's entity manager when the event comes from a request of that tenant (the same
     * persistence context as the lead's change); otherwise one bound to the event's tenant, as
     * jobs and imports fire these events without a request.
     */
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
