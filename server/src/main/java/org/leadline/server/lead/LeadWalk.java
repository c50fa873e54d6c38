package org.leadline.server.lead;

import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * The leads after {@code from} up to and including {@code to}, oldest first: one of the runs
     * that {@link #ends} divided the walk into, however many leads were created in it since.
     */
    public static List<Lead> between(EntityManager em, Position from, Position to) {
        return query(em, Lead.class, "SELECT l FROM Lead l", from, to).getResultList();
    }

    /** The ids of the leads {@link #between} returns, in the same order. */
    public static List<String> idsBetween(EntityManager em, Position from, Position to) {
        return query(em, String.class, "SELECT l.id FROM Lead l", from, to).getResultList();
    }

    /**
     * Where each of the next {@code count} runs of {@code size} leads after {@code position} ends
     * (the last may be shorter), so that the runs can be worked on side by side; empty at the end.
     * Reads the creation times and ids of the leads only.
     */
    public static List<Position> ends(EntityManager em, Position position, int size, int count) {
        List<Object[]> keys = query(em, Object[].class, "SELECT l.createdAt, l.id FROM Lead l", position, null)
                .setMaxResults(Math.multiplyExact(size, count)).getResultList();
        List<Position> ends = new ArrayList<>(count);
        for (int i = size - 1; i < keys.size() + size - 1; i += size) {
            Object[] key = keys.get(Math.min(i, keys.size() - 1));
            ends.add(new Position((Instant) key[0], (String) key[1]));
        }
        return ends;
    }

    private static <T> TypedQuery<T> query(EntityManager em, Class<T> type, String select, Position after, Position upTo) {
        // The first conjunct of each bound alone is a range the creation-time index starts from; the
        // second settles ties on the creation time by id.
        List<String> where = new ArrayList<>(2);
        if (after.createdAt() != null) {
            where.add("l.createdAt >= :at AND (l.createdAt > :at OR l.id > :id)");
        }
        if (upTo != null) {
            where.add("l.createdAt <= :toAt AND (l.createdAt < :toAt OR l.id <= :toId)");
        }
        TypedQuery<T> q = em.createQuery(select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY l.createdAt, l.id", type);
        if (after.createdAt() != null) {
            q.setParameter("at", after.createdAt()).setParameter("id", after.leadId());
        }
        if (upTo != null) {
            q.setParameter("toAt", upTo.createdAt()).setParameter("toId", upTo.leadId());
        }
        return q;
    }
}
