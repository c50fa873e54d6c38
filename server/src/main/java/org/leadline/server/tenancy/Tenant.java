package org.leadline.server.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/** A customer organisation using this installation; all of its data is invisible to every other tenant. */
@Entity
@Table(name = "tenants")
public class Tenant {

    public enum Status { ACTIVE, DISABLED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 63)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String slug, String name) {
        this.id = Ids.next();
        this.slug = slug;
        this.name = name;
        this.status = Status.ACTIVE;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    public String id() { return id; }
    public String slug() { return slug; }
    public String name() { return name; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public boolean isActive() { return status == Status.ACTIVE; }

    public void rename(String newName) {
        this.name = newName;
        this.updatedAt = Timestamps.now();
    }

    public void changeStatus(Status newStatus) {
        this.status = newStatus;
        this.updatedAt = Timestamps.now();
    }
}
