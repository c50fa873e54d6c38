package org.leadline.server.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.leadline.server.tenancy.TenantEntityManagers;

/**
 * Keeps the search index ({@link LeadSearchTerm}) in step with the leads through the lead API,
 * inside the lead's own transaction: a lead's words are written when it is created, written again
 * when its fields are replaced (the rows carry the name and company keys), removed when it is
 * deleted softly and written again when it is restored. The import writes its rows itself in
 * JDBC batches, the same words with the same keys.
 *
 * <p>Only live leads are in the index, so a search page sorted and cut from the index is the
 * page of the list without reading a lead that the page does not show.
 */
@ApplicationScoped
public class SearchIndex {

    @Inject
    TenantEntityManagers entityManagers;

    /** Writes the words of a lead that has none yet (a new or restored lead). */
    static void write(EntityManager em, Lead lead) {
        for (String term : SearchTerms.of(lead)) {
            em.persist(new LeadSearchTerm(lead, term));
        }
    }

    /** Writes a lead's words again after its fields changed: its words or its sort keys may have. */
    static void rewrite(EntityManager em, Lead lead) {
        remove(em, lead.id());
        write(em, lead);
    }

    static void remove(EntityManager em, String leadId) {
        em.createQuery("DELETE FROM LeadSearchTerm t WHERE t.leadId = :id").setParameter("id", leadId).executeUpdate();
    }

    void softDeleted(@Observes LeadEvent.SoftDeleted deleted) {
        remove(entityManagers.forTenant(deleted.tenantId()), deleted.leadId());
    }

    void restored(@Observes LeadEvent.Restored restored) {
        EntityManager em = entityManagers.forTenant(restored.tenantId());
        Lead lead = em.find(Lead.class, restored.leadId());
        if (lead != null && lead.deletedAt() == null) {
            write(em, lead);
        }
    }
}
