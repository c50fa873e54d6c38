package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.persistence.EntityManager;

/**
 * Writes the timeline's index rows. Every feature that shows something on the timeline calls
 * these in the transaction that changes the item, with the tenant-bound entity manager it uses.
 */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    public static void add(EntityManager em, String leadId, TimelineKind kind, String itemId, Instant occurredAt,
                           String actorId) {
        em.persist(new TimelineEntry(itemId, leadId, kind, occurredAt, actorId));
    }

    /** After an item's time or person changed. */
    public static void move(EntityManager em, String itemId, Instant occurredAt, String actorId) {
        TimelineEntry entry = em.find(TimelineEntry.class, itemId);
        if (entry != null) {
            entry.move(occurredAt, actorId);
        }
    }

    public static void remove(EntityManager em, String itemId) {
        em.createQuery("DELETE FROM TimelineEntry t WHERE t.id = :id").setParameter("id", itemId).executeUpdate();
    }
}
