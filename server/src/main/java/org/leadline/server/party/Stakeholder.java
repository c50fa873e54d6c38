package org.leadline.server.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.api.party.Attitude;
import org.leadline.api.party.BuyingRole;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.timeline.LeadItem;

/** A person at the lead's company who has a say in the purchase. */
@Entity
@Table(name = "stakeholders")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Stakeholder implements LeadItem {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(nullable = false, length = 200) private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "buying_role", nullable = false, length = 20) private BuyingRole role;
    @Column(name = "job_title", length = 128) private String jobTitle;
    @Column(length = 254) private String email;
    @Column(length = 40) private String phone;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Attitude attitude;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Version private long version;

    protected Stakeholder() {
    }

    static Stakeholder create(String leadId, StakeholderData data, String userId) {
        Stakeholder s = new Stakeholder();
        s.id = Ids.next();
        s.leadId = leadId;
        s.createdAt = Timestamps.now();
        s.createdBy = userId;
        s.apply(data, userId);
        return s;
    }

    void apply(StakeholderData data, String userId) {
        name = data.name();
        role = data.role();
        jobTitle = data.jobTitle();
        email = data.email();
        phone = data.phone();
        attitude = data.attitude() != null ? data.attitude() : Attitude.UNKNOWN;
        updatedAt = createdAt != null && updatedAt == null ? createdAt : Timestamps.now();
        updatedBy = userId;
    }

    @Override public String id() { return id; }
    @Override public String leadId() { return leadId; }
    @Override public long version() { return version; }
    public String name() { return name; }
    public BuyingRole role() { return role; }
    public String jobTitle() { return jobTitle; }
    public String email() { return email; }
    public String phone() { return phone; }
    public Attitude attitude() { return attitude; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
