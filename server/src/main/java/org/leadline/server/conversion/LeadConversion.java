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

/**
 * The record that a lead was qualified, with the result as answered. Unique per lead: a retried
 * or concurrent qualification finds it, or fails on it and then finds it.
 */
@Entity
@Table(name = "lead_conversions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class LeadConversion {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(nullable = false, length = 4000) private String result;
    @Column(name = "converted_at", nullable = false) private Instant convertedAt;
    @Column(name = "converted_by", nullable = false, length = 36) private String convertedBy;

    protected LeadConversion() {
    }

    LeadConversion(String leadId, String userId) {
        this.id = Ids.next();
        this.leadId = leadId;
        this.result = "{}";
        this.convertedAt = Timestamps.now();
        this.convertedBy = userId;
    }

    void result(String json) {
        result = json;
    }

    String result() { return result; }
    String leadId() { return leadId; }
}
