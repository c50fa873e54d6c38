package org.leadline.server.lead;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Walks all of a tenant's leads (deleted ones included) in creation order, a batch at a time, for
 * jobs such as re-rating. A batch starts after the position of the last lead of the one before,
 * so a job that saves the position resumes where it stopped, and each batch reads one range of an
 * index however many leads the tenant has.
 */
public final class LeadWalk {

    /** Where a walk stands: the creation time and id of the last lead it took; {@link #START} before the first. */
    public record Position(Instant createdAt, String leadId) {
        public static final Position START = new Position(null, null);

        public static Position after(Lead lead) {
            return new Position(lead.createdAt(), lead.id());
        }
    }

    private LeadWalk() {
    }

    /** The next {@code size} leads after {@code position}, oldest first; empty at the end. */
    public static List<Lead> next(EntityManager em, Position position, int size) {
        // The first conjunct alone is a range the creation-time index starts from; the second
        // settles ties on the creation time by id.
        TypedQuery<Lead> q = position.createdAt() == null
                ? em.createQuery("SELECT l FROM Lead l ORDER BY l.createdAt, l.id", Lead.class)
                : em.createQuery("SELECT l FROM Lead l WHERE l.createdAt >= :at AND (l.createdAt > :at OR l.id > :id)"
                        + " ORDER BY l.createdAt, l.id", Lead.class)
                        .setParameter("at", position.createdAt()).setParameter("id", position.leadId());
        return q.setMaxResults(size).getResultList();
    }
}
