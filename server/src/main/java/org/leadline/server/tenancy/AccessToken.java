package org.leadline.server.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A bearer credential: a session token from signing in, or an API token for a machine client.
 * Only the SHA-256 of the secret is stored: the secret is 256 random bits, so a fast hash is
 * enough and a stolen database yields no usable token.
 */
@Entity
@Table(name = "access_tokens")
public class AccessToken {

    public enum Kind { SESSION, API }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AccessToken() {
    }

    public AccessToken(UserAccount user, Kind kind, String name, String tokenHash, Instant expiresAt, String createdBy) {
        this.id = Ids.next();
        this.userId = user.id();
        this.tenantId = user.tenantId();
        this.kind = kind;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = Timestamps.now();
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    public String id() { return id; }
    public String userId() { return userId; }
    public String tenantId() { return tenantId; }
    public Kind kind() { return kind; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant expiresAt() { return expiresAt; }
    public Instant revokedAt() { return revokedAt; }
    public Instant lastUsedAt() { return lastUsedAt; }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Timestamps.now();
        }
    }

    public void touch(Instant now) {
        this.lastUsedAt = now;
    }
}
