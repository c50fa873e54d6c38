package org.leadline.server.tenancy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A person or machine client that signs in. Usernames are unique within a tenant, so no tenant learns
 * * the usernames of another; signing in names the tenant (or falls back to the default tenant).
 * Platform administrators belong to no tenant and are unique among themselves.
 */
@Entity
@Table(name = "users")
public class UserAccount {

    public enum Status { ACTIVE, DISABLED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 200)
    private String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String tenantId, String username, String displayName, String email, Set<Role> roles) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.username = username.toLowerCase(java.util.Locale.ROOT);
        this.displayName = displayName;
        this.email = email;
        this.roles = encode(roles);
        this.status = Status.ACTIVE;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public boolean isActive() { return status == Status.ACTIVE; }

    public Set<Role> roles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    public void setPasswordHash(String hash) {
        this.passwordHash = hash;
        this.updatedAt = Timestamps.now();
    }

    public void changeStatus(Status newStatus) {
        this.status = newStatus;
        this.updatedAt = Timestamps.now();
    }

    public void update(String newDisplayName, String newEmail, Set<Role> newRoles) {
        this.displayName = newDisplayName;
        this.email = newEmail;
        this.roles = encode(newRoles);
        this.updatedAt = Timestamps.now();
    }
}
