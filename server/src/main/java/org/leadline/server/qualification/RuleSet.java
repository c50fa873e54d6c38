package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One saved version of a tenant's rule set; versions are never changed, a save adds the next one. */
@Entity
@Table(name = "qualification_rule_sets")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class RuleSet {

    @Id
    @Column(length = 36)
    private String id;
    @Column(nullable = false) private int version;
    @Column(nullable = false, length = 32000) private String definition;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;

    protected RuleSet() {
    }

    RuleSet(String id, int version, String definition, Instant createdAt, String createdBy) {
        this.id = id;
        this.version = version;
        this.definition = definition;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String id() { return id; }
    public int version() { return version; }
    public String definition() { return definition; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
