package org.leadline.server.lead;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * What is left of a lead that was merged into another: its id, pointing at the lead that now
 * holds its data. Reading the old id answers a permanent redirect; writing to it is refused with
 * a problem naming the survivor.
 */
@Entity
@Table(name = "lead_redirects")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class LeadRedirect {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "survivor_id", nullable = false, length = 36) private String survivorId;
    @Column(name = "merge_id", nullable = false, length = 36) private String mergeId;
    @Column(name = "merged_at", nullable = false) private Instant mergedAt;

    protected LeadRedirect() {
    }

    public LeadRedirect(String mergedId, String survivorId, String mergeId, Instant mergedAt) {
        this.id = mergedId;
        this.survivorId = survivorId;
        this.mergeId = mergeId;
        this.mergedAt = mergedAt;
    }

    public String mergedId() { return id; }
    public String survivorId() { return survivorId; }
    public String mergeId() { return mergeId; }
    public Instant mergedAt() { return mergedAt; }
}
