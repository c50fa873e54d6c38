package org.leadline.server.capture;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * What the last poll of one mailbox of a tenant (a lead source's extension) did: one row per
 * tenant and mailbox, replaced by every poll, so that the figures and the schedule outlive a
 * restart. See {@link MailboxPolls}.
 *
 * <p>Not {@code @Multitenant}: the tenant is part of the key and named in every lookup. Mailboxes
 * of different tenants have the same plugin and extension ids, and EclipseLink's tenant
 * discriminator, when it is not part of the key, is left out of the {@code WHERE} of an update, which
 * would then change every tenant's row of that mailbox.
 */
@Entity
@Table(name = "mailbox_polls")
@IdClass(MailboxPoll.Key.class)
public class MailboxPoll {

    static final int MAX_ERROR = 1000;

    @Id
    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Id
    @Column(name = "plugin_id", length = 63)
    private String pluginId;

    @Id
    @Column(name = "extension_id", length = 63)
    private String extensionId;

    @Column(name = "polled_at", nullable = false) private Instant polledAt;
    @Column(nullable = false) private int fetched;
    /** Messages per intake outcome, as a JSON object: {@code {"CREATED": 2, "IGNORED": 1}}. */
    @Column(nullable = false, length = 500) private String outcomes;
    @Column(name = "over_limit", nullable = false) private int overLimit;
    @Column(nullable = false) private int failed;
    @Column(nullable = false) private int moved;
    @Column(length = MAX_ERROR) private String error;
    @Column(name = "last_error_at") private Instant lastErrorAt;
    @Column(name = "last_error", length = MAX_ERROR) private String lastError;

    protected MailboxPoll() {
    }

    MailboxPoll(String tenantId, String pluginId, String extensionId) {
        this.tenantId = tenantId;
        this.pluginId = pluginId;
        this.extensionId = extensionId;
    }

    void record(Instant polledAt, int fetched, String outcomes, int overLimit, int failed, int moved, String error,
                Instant lastErrorAt, String lastError) {
        this.polledAt = polledAt;
        this.fetched = fetched;
        this.outcomes = outcomes;
        this.overLimit = overLimit;
        this.failed = failed;
        this.moved = moved;
        this.error = error;
        this.lastErrorAt = lastErrorAt;
        this.lastError = lastError;
    }

    public String tenantId() { return tenantId; }
    public String pluginId() { return pluginId; }
    public String extensionId() { return extensionId; }
    public Instant polledAt() { return polledAt; }
    public int fetched() { return fetched; }
    public String outcomes() { return outcomes; }
    public int overLimit() { return overLimit; }
    public int failed() { return failed; }
    public int moved() { return moved; }
    public String error() { return error; }
    public Instant lastErrorAt() { return lastErrorAt; }
    public String lastError() { return lastError; }

    /** The composite key: tenant and mailbox. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String tenantId;
        private String pluginId;
        private String extensionId;

        public Key() {
        }

        public Key(String tenantId, String pluginId, String extensionId) {
            this.tenantId = tenantId;
            this.pluginId = pluginId;
            this.extensionId = extensionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(pluginId, k.pluginId)
                    && Objects.equals(extensionId, k.extensionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, pluginId, extensionId);
        }
    }
}
