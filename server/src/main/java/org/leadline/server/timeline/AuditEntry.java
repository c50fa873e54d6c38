package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;

/** One recorded change: who created, changed or deleted what on a lead, and when. */
@Entity
@Table(name = "audit_entries")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class AuditEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36)
    private String leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = 32)
    private AuditSubject subject;

    @Column(name = "subject_id", nullable = false, length = 36)
    private String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 16)
    private ChangeKind change;

    @Column(name = "actor_id", nullable = false, length = 36)
    private String actorId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditEntry() {
    }

    AuditEntry(String leadId, AuditSubject subject, String subjectId, ChangeKind change, String actorId,
               Instant occurredAt) {
        this.id = Ids.next();
        this.leadId = leadId;
        this.subject = subject;
        this.subjectId = subjectId;
        this.change = change;
        this.actorId = actorId;
        this.occurredAt = occurredAt;
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public AuditSubject subject() { return subject; }
    public String subjectId() { return subjectId; }
    public ChangeKind change() { return change; }
    public String actorId() { return actorId; }
    public Instant occurredAt() { return occurredAt; }
}
