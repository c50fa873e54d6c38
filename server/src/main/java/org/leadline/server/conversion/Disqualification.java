package org.leadline.server.conversion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/** A lead set aside, with why; reopening the lead closes the record. */
@Entity
@Table(name = "lead_disqualifications")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Disqualification {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(nullable = false, length = 64) private String reason;
    @Column(length = 2000) private String note;
    @Column(name = "disqualified_at", nullable = false) private Instant disqualifiedAt;
    @Column(name = "disqualified_by", nullable = false, length = 36) private String disqualifiedBy;
    @Column(name = "reopened_at") private Instant reopenedAt;

    protected Disqualification() {
    }

    Disqualification(String leadId, String reason, String note, String userId) {
        this.id = Ids.next();
        this.leadId = leadId;
        this.reason = reason;
        this.note = note;
        this.disqualifiedAt = Timestamps.now();
        this.disqualifiedBy = userId;
    }

    void reopened() {
        reopenedAt = Timestamps.now();
    }

    String reason() { return reason; }
    String note() { return note; }
    Instant disqualifiedAt() { return disqualifiedAt; }
    String disqualifiedBy() { return disqualifiedBy; }
    Instant reopenedAt() { return reopenedAt; }
}
