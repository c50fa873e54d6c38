package org.leadline.server.plugins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A tenant's choice about one extension. Without a row the installation's default applies (see
 * {@link Extensions#enabledByDefault}); settings are kept as JSON text of validated values, secrets
 * included, and survive disabling and plugin upgrades because they are keyed by plugin and
 * extension id, not version.
 *
 * <p>A row an upgrade wrote for an extension new in that version is off; when the extension declares
 * itself default-on and the tenant used the plugin, the row also awaits the platform administrator's
 * confirmation, which switches it on. The tenant's own enable or disable is a decision and ends the wait.
 */
@Entity
@Table(name = "tenant_extensions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class TenantExtension {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "plugin_id", nullable = false, length = 63)
    private String pluginId;

    @Column(name = "extension_id", nullable = false, length = 63)
    private String extensionId;

    @Column(nullable = false)
    private boolean enabled;

    @Lob
    @Column(name = "settings")
    private String settings;

    @Column(name = "quarantined_at")
    private Instant quarantinedAt;

    @Column(name = "quarantine_reason", length = 1000)
    private String quarantineReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "awaiting_default_on", nullable = false)
    private boolean awaitingDefaultOn;

    @Version
    private long version;

    protected TenantExtension() {
    }

    TenantExtension(String pluginId, String extensionId, boolean enabled) {
        this.id = Ids.next();
        this.pluginId = pluginId;
        this.extensionId = extensionId;
        this.enabled = enabled;
        this.settings = "{}";
        this.updatedAt = Timestamps.now();
    }

    public String pluginId() { return pluginId; }
    public String extensionId() { return extensionId; }
    public boolean enabled() { return enabled; }
    public String settings() { return settings == null ? "{}" : settings; }
    public Instant quarantinedAt() { return quarantinedAt; }
    public String quarantineReason() { return quarantineReason; }
    public long version() { return version; }
    public boolean awaitingDefaultOn() { return awaitingDefaultOn; }

    /** Off, kept for the platform administrator's confirmation of the extension's default-on. */
    void awaitDefaultOn() {
        this.awaitingDefaultOn = true;
        this.updatedAt = Timestamps.now();
    }

    /** The platform administrator confirmed (or the wait ended otherwise): on if {@code on}. */
    void endWait(boolean on) {
        this.awaitingDefaultOn = false;
        this.enabled = on;
        this.updatedAt = Timestamps.now();
    }

    void enable(boolean value) {
        this.enabled = value;
        this.awaitingDefaultOn = false;
        if (value) {
            quarantinedAt = null;
            quarantineReason = null;
        }
        this.updatedAt = Timestamps.now();
    }

    void replaceSettings(String json) {
        this.settings = json;
        this.updatedAt = Timestamps.now();
    }

    void quarantine(String reason) {
        this.quarantinedAt = Timestamps.now();
        this.quarantineReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.updatedAt = quarantinedAt;
    }
}
