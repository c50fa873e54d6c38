package org.leadline.server.timeline;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.leadline.server.tenancy.TenantPersistence;

/** Reads a note's earlier texts, newest first. */
@RequestScoped
@Transactional
public class NoteHistory {

    private static final String LIST = "NoteRevision";

    @Inject
    TenantPersistence persistence;

    @Inject
    LeadItems items;

    @Inject
    NoteKind notes;

    public LeadItems.Page<NoteRevision> revisions(String leadId, String noteId, String cursorText, int limit) {
        items.find(notes, leadId, noteId);
        Keyset cursor = Keyset.decode(cursorText, LIST);
        // Revision ids are time-ordered, so id order is the order the edits happened in.
        TypedQuery<NoteRevision> q = persistence.em().createQuery(
                "SELECT r FROM NoteRevision r WHERE r.noteId = :note"
                        + (cursor != null ? " AND r.id < :cid" : "") + " ORDER BY r.id DESC", NoteRevision.class)
                .setParameter("note", noteId);
        if (cursor != null) {
            q.setParameter("cid", cursor.id());
        }
        List<NoteRevision> rows = q.setMaxResults(limit + 1).getResultList();
        if (rows.size() <= limit) {
            return new LeadItems.Page<>(rows, null);
        }
        List<NoteRevision> page = List.copyOf(rows.subList(0, limit));
        return new LeadItems.Page<>(page, new Keyset(LIST, "", page.get(limit - 1).id()));
    }
}
