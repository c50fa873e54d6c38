package org.leadline.server.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;


/**
 * The field-level audit history of a lead and of everything kept on it. Each change is written in
 * the transaction that makes it, and shows on the timeline as an {@link TimelineKind#AUDIT} entry.
 */
public final class AuditTrail {

    private AuditTrail() {
    }

    /**
     * Records a change; nothing is recorded for an update that changed no field.
     *
     * @return the entry, or null when there was nothing to record
     */
    public static AuditEntry record(EntityManager em, String leadId, AuditSubject subject, String subjectId,
                                    ChangeKind change, String actorId, Instant at, List<FieldDiff.Change> changes) {
        if (change == ChangeKind.UPDATED && changes.isEmpty()) {
            return null;
        }
        AuditEntry entry = new AuditEntry(leadId, subject, subjectId, change, actorId, at);
        em.persist(entry);
        int seq = 0;
        for (FieldDiff.Change c : changes) {
            em.persist(new AuditChange(entry, seq++, c));
        }
        TimelineEntries.add(em, leadId, TimelineKind.AUDIT, entry.id(), at, actorId);
        return entry;
    }

    /** The entries with their changes, in the order of {@code entries}. */
    static Map<String, AuditEntryView> write(EntityManager em, List<AuditEntry> entries) {
        Map<String, AuditEntryView> out = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return out;
        }
        List<String> ids = entries.stream().map(AuditEntry::id).toList();
        Map<String, List<AuditChange>> changes = new HashMap<>();
        em.createQuery("SELECT c FROM AuditChange c WHERE c.entryId IN :ids ORDER BY c.entryId, c.seq",
                        AuditChange.class)
                .setParameter("ids", ids).getResultList()
                .forEach(c -> changes.computeIfAbsent(c.entryId(), k -> new ArrayList<>()).add(c));
        for (AuditEntry e : entries) {
            List<AuditEntryView.Change> list = changes.getOrDefault(e.id(), List.of()).stream()
                    .map(c -> new AuditEntryView.Change(c.field(), c.oldValue(), c.newValue())).toList();
            out.put(e.id(), new AuditEntryView(e.id(), e.leadId(),
                    new AuditEntryView.Subject(e.subject(), e.subjectId()), e.change(), e.actorId(), e.occurredAt(),
                    list));
        }
        return out;
    }

    /** The entries as the timeline embeds them. */
    static Map<String, AuditEntryView> render(EntityManager em, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return write(em, em.createQuery("SELECT e FROM AuditEntry e WHERE e.id IN :ids", AuditEntry.class)
                .setParameter("ids", ids).getResultList());
    }
}
