package org.leadline.server.capture;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leadline.server.platform.persistence.Timestamps;

/** A tenant's choices about lead capture; a tenant without a row has the defaults. */
@Entity
@Table(name = "capture_settings")
public class CaptureSettings {

    public static final DuplicatePolicy DEFAULT_POLICY = DuplicatePolicy.WARN;

    @Id
    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "duplicate_policy", nullable = false, length = 16)
    private DuplicatePolicy duplicatePolicy;

    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Version private long version;

    protected CaptureSettings() {
    }

    public CaptureSettings(String tenantId, DuplicatePolicy policy, String userId) {
        this.tenantId = tenantId;
        change(policy, userId);
    }

    public void change(DuplicatePolicy policy, String userId) {
        duplicatePolicy = policy;
        updatedAt = Timestamps.now();
        updatedBy = userId;
    }

    public DuplicatePolicy duplicatePolicy() { return duplicatePolicy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public long version() { return version; }
}
