package org.leadline.server.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadFieldsChanged;
import org.leadline.server.tenancy.TenantEntityManagers;

/**
 * Keeps a lead's timeline in step with the lead, inside the lead's own transaction: records the
 * field changes of every create and update, and removes the whole timeline with the lead.
 */
@ApplicationScoped
public class LeadTimelineKeeper {

    @Inject
    TenantEntityManagers entityManagers;

    void recordFieldChanges(@Observes LeadFieldsChanged change) {
        boolean created = change.before().isEmpty();
        AuditTrail.record(entityManagers.forTenant(change.tenantId()), change.leadId(), AuditSubject.LEAD, change.leadId(),
                created ? ChangeKind.CREATED : ChangeKind.UPDATED, change.userId(), change.at(),
                FieldDiff.between(change.before(), change.after()));
    }

    void removeTimeline(@Observes LeadEvent.Deleted deleted) {
        EntityManager em = entityManagers.forTenant(deleted.tenantId());
        for (String entity : new String[] {"TimelineEntry", "AuditChange", "AuditEntry", "NoteRevision", "Note",
                "Interaction", "SocialPost"}) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.leadId = :lead")
                    .setParameter("lead", deleted.leadId()).executeUpdate();
        }
    }

}
