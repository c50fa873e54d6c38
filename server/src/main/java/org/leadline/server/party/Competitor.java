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
import org.leadline.api.party.CompetitorStatus;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.timeline.LeadItem;

/** Another vendor the lead is talking to, and what we know of their offer. */
@Entity
@Table(name = "competitors")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Competitor implements LeadItem {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(nullable = false, length = 200) private String name;
    @Column(length = 2000) private String offer;
    @Column(length = 2000) private String strengths;
    @Column(length = 2000) private String weaknesses;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private CompetitorStatus status;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Version private long version;

    protected Competitor() {
    }

    static Competitor create(String leadId, CompetitorData data, String userId) {
        Competitor c = new Competitor();
        c.id = Ids.next();
        c.leadId = leadId;
        c.createdAt = Timestamps.now();
        c.createdBy = userId;
        c.apply(data, userId);
        return c;
    }

    void apply(CompetitorData data, String userId) {
        name = data.name();
        offer = data.offer();
        strengths = data.strengths();
        weaknesses = data.weaknesses();
        status = data.status() != null ? data.status() : CompetitorStatus.UNKNOWN;
        updatedAt = createdAt != null && updatedAt == null ? createdAt : Timestamps.now();
        updatedBy = userId;
    }

    @Override public String id() { return id; }
    @Override public String leadId() { return leadId; }
    @Override public long version() { return version; }
    public String name() { return name; }
    public String offer() { return offer; }
    public String strengths() { return strengths; }
    public String weaknesses() { return weaknesses; }
    public CompetitorStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
