package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.api.page.PageInfo;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.Caller;

/**
 * Notes: only their author or a tenant administrator may edit or delete one, and every edit keeps
 * the text it replaced.
 */
@ApplicationScoped
public class NoteKind extends TimelineItemKind<Note, NoteView, NoteData> {

    @Override public Class<Note> type() { return Note.class; }
    @Override public String label() { return "Note"; }
    @Override public AuditSubject subject() { return AuditSubject.NOTE; }
    @Override public TimelineKind timelineKind() { return TimelineKind.NOTE; }
    @Override public Class<NoteView> bodyType() { return NoteView.class; }
    @Override public String sortAttribute() { return "createdAt"; }
    @Override public Instant sortKey(Note n) { return n.createdAt(); }
    @Override public Instant occurredAt(Note n) { return n.createdAt(); }
    @Override public String actorId(Note n) { return n.authorId(); }

    @Override
    public NoteData data(NoteView body) {
        return new NoteData(body.text());
    }

    @Override
    public Note create(String leadId, NoteData data, String userId) {
        return Note.create(leadId, data.text(), userId);
    }

    @Override
    public void authorizeChange(Note note, Caller caller) {
        if (!note.authorId().equals(caller.userId()) && !caller.has(Role.TENANT_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the note's author or a tenant administrator may change or delete it");
        }
    }

    @Override
    public void apply(EntityManager em, Note note, NoteData data, String userId) {
        if (note.text().equals(data.text())) {
            return;
        }
        Instant now = Timestamps.now();
        em.persist(new NoteRevision(note, userId, now));
        note.edit(data.text(), userId, now);
    }

    @Override
    public void beforeDelete(EntityManager em, Note note) {
        em.createQuery("DELETE FROM NoteRevision r WHERE r.noteId = :id").setParameter("id", note.id()).executeUpdate();
    }

    @Override
    public JsonObject writeData(Note n) {
        return JsonFields.of().with("text", n.text()).build();
    }

    @Override
    public NoteView view(Note n) {
        return new NoteView(n.id(), n.leadId(), n.text(), n.authorId(), n.createdAt(), n.updatedAt(), n.updatedBy(),
                n.revisions(), n.version());
    }

    @Override
    public NoteView.Page page(List<Note> items, PageInfo page) {
        return new NoteView.Page(items.stream().map(this::view).toList(), page);
    }
}
