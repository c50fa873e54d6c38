package org.leadline.server.conversion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/** A company the tenant does business with, created from a qualified lead or matched by name or website. */
@Entity
@Table(name = "accounts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Account {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200) private String name;
    @Column(name = "name_key", nullable = false, length = 200) private String nameKey;
    @Column(length = 500) private String website;
    @Column(name = "website_key", length = 500) private String websiteKey;
    @Column(length = 100) private String industry;
    @Column(length = 2) private String country;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Version private long version;

    protected Account() {
    }

    Account(String name, String website, String industry, String country) {
        this.id = Ids.next();
        this.createdAt = Timestamps.now();
        update(name, website, industry, country);
    }

    void update(String newName, String newWebsite, String newIndustry, String newCountry) {
        name = newName;
        nameKey = Matching.companyKey(newName);
        website = newWebsite;
        websiteKey = Matching.websiteKey(newWebsite);
        industry = newIndustry;
        country = newCountry;
        updatedAt = Timestamps.now();
    }

    public String id() { return id; }
    public String name() { return name; }
    public String website() { return website; }
    public String industry() { return industry; }
    public String country() { return country; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
