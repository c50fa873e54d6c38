package org.leadline.server.process;

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

/** The sales process a tenant chose; at most one row per tenant. */
@Entity
@Table(name = "tenant_processes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class TenantProcess {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "plugin_id", nullable = false, length = 64) private String pluginId;
    @Column(name = "extension_id", nullable = false, length = 64) private String extensionId;
    @Column(name = "chosen_at", nullable = false) private Instant chosenAt;
    @Column(name = "chosen_by", nullable = false, length = 36) private String chosenBy;
    @Version private long version;

    protected TenantProcess() {
    }

    TenantProcess(String pluginId, String extensionId, String userId) {
        this.id = Ids.next();
        choose(pluginId, extensionId, userId);
    }

    void choose(String newPluginId, String newExtensionId, String userId) {
        pluginId = newPluginId;
        extensionId = newExtensionId;
        chosenAt = Timestamps.now();
        chosenBy = userId;
    }

    String key() {
        return pluginId + "/" + extensionId;
    }

    Instant chosenAt() {
        return chosenAt;
    }

    long version() {
        return version;
    }
}
