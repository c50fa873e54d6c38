package org.leadline.server.process;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;

/** A lead moved from one stage to another: the stage history, and a timeline item. */
@Entity
@Table(name = "lead_stage_changes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class StageChange {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "from_stage", length = 64) private String fromStage;
    @Column(name = "to_stage", nullable = false, length = 64) private String toStage;
    @Column(name = "changed_at", nullable = false) private Instant changedAt;
    @Column(name = "changed_by", nullable = false, length = 36) private String changedBy;

    protected StageChange() {
    }

    StageChange(String leadId, String fromStage, String toStage, Instant changedAt, String changedBy) {
        this.id = Ids.next();
        this.leadId = leadId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public String fromStage() { return fromStage; }
    public String toStage() { return toStage; }
    public Instant changedAt() { return changedAt; }
    public String changedBy() { return changedBy; }
}
