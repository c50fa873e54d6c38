package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/** What an employee wrote down about the lead, e.g. their preferences. */
@Entity
@Table(name = "notes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Note implements LeadItem {

    public static final int MAX_TEXT = 10000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "author_id", nullable = false, length = 36) private String authorId;
    @Column(name = "body", nullable = false, length = MAX_TEXT) private String text;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Column(nullable = false) private int revisions;
    @Version private long version;

    protected Note() {
    }

    static Note create(String leadId, String text, String authorId) {
        Note n = new Note();
        n.id = Ids.next();
        n.leadId = leadId;
        n.authorId = authorId;
        n.text = text;
        n.createdAt = Timestamps.now();
        n.updatedAt = n.createdAt;
        n.updatedBy = authorId;
        return n;
    }

    /** Replaces the text; the caller keeps the text it replaces as a revision. */
    void edit(String newText, String userId, Instant at) {
        text = newText;
        updatedAt = at;
        updatedBy = userId;
        revisions++;
    }

    @Override public String id() { return id; }
    @Override public String leadId() { return leadId; }
    @Override public long version() { return version; }
    public String authorId() { return authorId; }
    public String text() { return text; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public int revisions() { return revisions; }
}
