package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;


/**
 * The "imported" entry of a lead that a CSV import created.
 *
 * <p>An import writes its leads in bulk. Who imported which file and when is recorded once, on the
 * import job, and every lead it created keeps the job's id ({@code leads.import_id}) instead of an
 * audit entry of its own. The timeline and the audit history show this as the lead's first entry in
 * the shape of a stored one: a {@link ChangeKind#CREATED} audit entry of the lead, by the importing
 * user at the lead's creation, with the single change {@value #FIELD}: "CSV import <id> (<file>)".
 * Its id is the import's id. When a merge takes the lead away, the entry is stored for good on the
 * survivor ({@link #store}).
 */
public final class ImportedEntry {

    /** The audit field of an import entry. */
    public static final String FIELD = "import";

    /** The entry of one lead. */
    public record Entry(String id, String leadId, String actorId, Instant at, String label) {

        TimelineEntry timelineEntry() {
            return new TimelineEntry(id, leadId, TimelineKind.AUDIT, at, actorId);
        }

        /** Whether the entry comes after the keyset position (occurredAt, id) in newest-first order. */
        boolean after(Keyset cursor) {
            if (cursor == null) {
                return true;
            }
            Instant key = cursor.instantKey();
            return at.isBefore(key) || (at.equals(key) && id.compareTo(cursor.id()) < 0);
        }

        /** Whether the entry comes before a stored one in newest-first order. */
        boolean newerThan(Instant otherAt, String otherId) {
            return at.isAfter(otherAt) || (at.equals(otherAt) && id.compareTo(otherId) > 0);
        }

        AuditEntryView view() {
            return new AuditEntryView(id, leadId, new AuditEntryView.Subject(AuditSubject.LEAD, leadId),
                    ChangeKind.CREATED, actorId, at, List.of(new AuditEntryView.Change(FIELD, null, label)));
        }
    }

    private ImportedEntry() {
    }

    /** How an entry names an import: "CSV import <id> (<file>)". */
    public static String label(String importId, String fileName) {
        String label = "CSV import " + importId + (fileName == null || fileName.isBlank() ? "" : " (" + fileName + ")");
        return label.length() > 4000 ? label.substring(0, 4000) : label;
    }

    /**
     * The entry of a lead of the entity manager's tenant, if an import created the lead. The lead
     * comes from the persistence context, where reading a lead's timeline has already put it.
     */
    public static Optional<Entry> of(EntityManager em, String leadId) {
        org.leadline.server.lead.Lead lead = em.find(org.leadline.server.lead.Lead.class, leadId);
        if (lead == null || lead.importId() == null) {
            return Optional.empty();
        }
        // The import job is looked up by entity name: the import package builds on this one, not the reverse.
        List<String> files = em.createQuery("SELECT j.fileName FROM ImportJob j WHERE j.id = :id", String.class)
                .setParameter("id", lead.importId()).getResultList();
        return Optional.of(new Entry(lead.importId(), leadId, lead.createdBy(), lead.createdAt(),
                label(lead.importId(), files.isEmpty() ? null : files.get(0))));
    }

    /**
     * Where the entry goes in a newest-first page of stored entries: before the first one it is
     * newer than.
     */
    static <T> int position(Entry entry, List<T> page, Function<T, Instant> occurredAt, Function<T, String> id) {
        int at = 0;
        while (at < page.size() && !entry.newerThan(occurredAt.apply(page.get(at)), id.apply(page.get(at)))) {
            at++;
        }
        return at;
    }

    /**
     * Stores the entry of an imported lead as an ordinary audit entry on its timeline, for a lead
     * about to be merged away (whose own row, and with it the import id, goes).
     */
    public static void store(EntityManager em, String leadId) {
        of(em, leadId).ifPresent(e -> AuditTrail.record(em, leadId, AuditSubject.LEAD, leadId, ChangeKind.CREATED,
                e.actorId(), e.at(), List.of(new FieldDiff.Change(FIELD, null, e.label()))));
    }
}
