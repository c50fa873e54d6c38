package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;

/** A text a note had before an edit replaced it: who wrote it when, and who replaced it when. */
@Entity
@Table(name = "note_revisions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class NoteRevision {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "note_id", nullable = false, length = 36) private String noteId;
    @Column(name = "body", nullable = false, length = Note.MAX_TEXT) private String text;
    @Column(name = "written_by", nullable = false, length = 36) private String writtenBy;
    @Column(name = "written_at", nullable = false) private Instant writtenAt;
    @Column(name = "replaced_by", nullable = false, length = 36) private String replacedBy;
    @Column(name = "replaced_at", nullable = false) private Instant replacedAt;

    protected NoteRevision() {
    }

    NoteRevision(Note before, String replacedBy, Instant replacedAt) {
        this.id = Ids.next();
        this.leadId = before.leadId();
        this.noteId = before.id();
        this.text = before.text();
        this.writtenBy = before.updatedBy();
        this.writtenAt = before.updatedAt();
        this.replacedBy = replacedBy;
        this.replacedAt = replacedAt;
    }

    public String id() { return id; }
    public String noteId() { return noteId; }
    public String text() { return text; }
    public String writtenBy() { return writtenBy; }
    public Instant writtenAt() { return writtenAt; }
    public String replacedBy() { return replacedBy; }
    public Instant replacedAt() { return replacedAt; }
}
