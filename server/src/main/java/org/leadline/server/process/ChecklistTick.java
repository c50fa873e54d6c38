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
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A checklist item of a stage that someone confirmed for a lead. Stored by the item's text: the
 * process plugin defines the items, and a reworded item is a new item to confirm.
 */
@Entity
@Table(name = "lead_checklist_ticks")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class ChecklistTick {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "stage_key", nullable = false, length = 64) private String stageKey;
    @Column(nullable = false, length = 500) private String item;
    @Column(name = "ticked_at", nullable = false) private Instant tickedAt;
    @Column(name = "ticked_by", nullable = false, length = 36) private String tickedBy;

    protected ChecklistTick() {
    }

    ChecklistTick(String leadId, String stageKey, String item, String userId) {
        this.id = Ids.next();
        this.leadId = leadId;
        this.stageKey = stageKey;
        this.item = item;
        this.tickedAt = Timestamps.now();
        this.tickedBy = userId;
    }

    String stageKey() { return stageKey; }
    String item() { return item; }
    Instant tickedAt() { return tickedAt; }
    String tickedBy() { return tickedBy; }
}
