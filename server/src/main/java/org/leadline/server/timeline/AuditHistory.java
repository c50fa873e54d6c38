package org.leadline.server.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.leadline.server.tenancy.TenantPersistence;

/** Reads a lead's audit history, newest first, optionally for one field or one subject. */
@RequestScoped
@Transactional
public class AuditHistory {

    static final String LIST = "audit";

    @Inject
    TenantPersistence persistence;

    @Inject
    LeadItems items;

    public record Page(List<AuditEntryView> items, Keyset next) {
    }

    public Page page(String leadId, String field, AuditSubject subject, String subjectId, String cursorText,
                     int limit) {
        items.requireLead(leadId);
        Keyset cursor = Keyset.decode(cursorText, LIST);
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntry e WHERE e.leadId = :lead");
        if (field != null) {
            jpql.append(" AND e.id IN (SELECT c.entryId FROM AuditChange c WHERE c.leadId = :lead AND c.field = :field)");
        }
        if (subject != null) {
            jpql.append(" AND e.subject = :subject");
        }
        if (subjectId != null) {
            jpql.append(" AND e.subjectId = :subjectId");
        }
        if (cursor != null) {
            jpql.append(" AND (e.occurredAt < :ck OR (e.occurredAt = :ck AND e.id < :cid))");
        }
        jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
        TypedQuery<AuditEntry> q = persistence.em().createQuery(jpql.toString(), AuditEntry.class)
                .setParameter("lead", leadId);
        if (field != null) {
            q.setParameter("field", field);
        }
        if (subject != null) {
            q.setParameter("subject", subject);
        }
        if (subjectId != null) {
            q.setParameter("subjectId", subjectId);
        }
        if (cursor != null) {
            q.setParameter("ck", cursor.instantKey()).setParameter("cid", cursor.id());
        }
        List<AuditEntry> rows = q.setMaxResults(limit + 1).getResultList();
        Optional<ImportedEntry.Entry> imported = ImportedEntry.of(persistence.em(), leadId)
                .filter(e -> field == null || field.equals(ImportedEntry.FIELD))
                .filter(e -> subject == null || subject == AuditSubject.LEAD)
                .filter(e -> subjectId == null || subjectId.equals(leadId))
                .filter(e -> e.after(cursor));
        // The stored entries, the imported one in its place.
        List<AuditEntryView> items = new ArrayList<>(AuditTrail.write(persistence.em(), rows).values());
        imported.ifPresent(e -> items.add(ImportedEntry.position(e, rows, AuditEntry::occurredAt, AuditEntry::id), e.view()));
        Keyset next = null;
        if (items.size() > limit) {
            AuditEntryView last = items.get(limit - 1);
            next = new Keyset(LIST, last.occurredAt().toString(), last.id());
        }
        return new Page(List.copyOf(items.subList(0, Math.min(limit, items.size()))), next);
    }
}
