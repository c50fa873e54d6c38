package org.leadline.server.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.leadline.server.tenancy.TenantPersistence;


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
        changesOf(em, ids).forEach(c -> changes.computeIfAbsent(c.entryId(), k -> new ArrayList<>()).add(c));
        for (AuditEntry e : entries) {
            List<AuditEntryView.Change> list = changes.getOrDefault(e.id(), List.of()).stream()
                    .map(c -> new AuditEntryView.Change(c.field(), c.oldValue(), c.newValue())).toList();
            out.put(e.id(), new AuditEntryView(e.id(), e.leadId(),
                    new AuditEntryView.Subject(e.subject(), e.subjectId()), e.change(), e.actorId(), e.occurredAt(),
                    list));
        }
        return out;
    }

    /**
     * The changes of the entries, by entry and in order. Derby's optimizer probes an index with an
     * IN list only when it expects few rows a value; until its statistics of {@code audit_changes}
     * catch up with a growing table (they are taken when a statement is compiled, in the background)
     * it expected a tenth of the table a value and read the whole table instead, for every timeline
     * page: so the query names the index (a comment to other databases). A native query bypasses
     * the multitenant filter, so it names the tenant itself.
     */
    @SuppressWarnings("unchecked")
    private static List<AuditChange> changesOf(EntityManager em, List<String> entryIds) {
        Query q = em.createNativeQuery("SELECT * FROM audit_changes --DERBY-PROPERTIES index=IX_AUDIT_CHANGES_BY_ENTRY\n"
                + "WHERE entry_id IN (" + String.join(", ", Collections.nCopies(entryIds.size(), "?"))
                + ") AND tenant_id = ? ORDER BY entry_id, seq", AuditChange.class);
        q.setHint("eclipselink.jdbc.allow-native-sql-query", true);
        int i = 1;
        for (String id : entryIds) {
            q.setParameter(i++, id);
        }
        return q.setParameter(i, em.getProperties().get(TenantPersistence.TENANT_PROPERTY)).getResultList();
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
