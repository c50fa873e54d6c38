package org.leadline.server.qualification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadFieldsChanged;
import org.leadline.server.party.Competitor;
import org.leadline.server.party.Stakeholder;
import org.leadline.server.tenancy.TenantEntityManagers;
import org.leadline.server.timeline.Interaction;
import org.leadline.server.timeline.LeadItemChanged;
import org.leadline.server.timeline.Note;

/**
 * Re-rates a lead inside the transaction of every change the rules can see: its own fields, its
 * interactions, notes, stakeholders and competitors. The rating is thus never older than the lead.
 */
@ApplicationScoped
public class RatingKeeper {

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    Rater rater;

    /**
     * Fired on every create and update before the lead is written, so the new rating goes into the
     * same row write and the lead's version moves once per change.
     */
    void fieldsChanged(@Observes LeadFieldsChanged e) {
        rate(e.tenantId(), e.leadId(), e.userId(), e.creation());
    }

    void itemChanged(@Observes LeadItemChanged e) {
        // What the rules and the scoring plugins see of the lead's items (LeadViews.related).
        if (e.itemType() == Interaction.class || e.itemType() == Stakeholder.class || e.itemType() == Competitor.class
                || e.itemType() == Note.class) {
            rate(e.tenantId(), e.leadId(), e.userId(), false);
        }
    }

    void deleted(@Observes LeadEvent.Deleted e) {
        EntityManager em = entityManagers.forTenant(e.tenantId());
        em.createQuery("DELETE FROM LeadRating r WHERE r.leadId = :lead").setParameter("lead", e.leadId()).executeUpdate();
        em.createQuery("DELETE FROM RatingChange r WHERE r.leadId = :lead").setParameter("lead", e.leadId()).executeUpdate();
        em.createQuery("DELETE FROM RecommendationDecision d WHERE d.leadId = :lead").setParameter("lead", e.leadId())
                .executeUpdate();
    }

    private void rate(String tenantId, String leadId, String userId, boolean created) {
        EntityManager em = entityManagers.forTenant(tenantId);
        Lead lead = em.find(Lead.class, leadId);
        if (lead != null && created) {
            rater.rateNew(em, tenantId, lead, userId);
        } else if (lead != null) {
            rater.rate(em, tenantId, lead, userId);
        }
    }

}
