package org.leadline.server.platform.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * Remembers which resource a creating request with an {@code Idempotency-Key} produced, and a
 * fingerprint of that request, so a retry returns the first result and a different request with
 * the same key is refused.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class IdempotencyRecord {

    @Id
    @Column(length = 40)
    private String scope;

    @Id
    @Column(name = "idem_key", length = 200)
    private String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "resource_id", nullable = false, length = 36)
    private String resourceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(String scope, String key, String requestHash, String resourceId) {
        this.scope = scope;
        this.key = key;
        this.requestHash = requestHash;
        this.resourceId = resourceId;
        this.createdAt = Timestamps.now();
    }

    public String requestHash() { return requestHash; }
    public String resourceId() { return resourceId; }
    public Instant createdAt() { return createdAt; }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String scope;
        private String key;

        public Key() {
        }

        public Key(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, key);
        }
    }
}
