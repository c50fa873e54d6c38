package org.leadline.server.plugins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.leadline.server.platform.persistence.Timestamps;

/**
 * An administrator's decision about a plugin of the installation that outlives a restart. A plugin
 * without a record runs if its archive is present.
 */
@Entity
@Table(name = "plugin_records")
public class PluginRecord {

    public enum State {
        /** Loaded but not started: its extensions are not called. */
        STOPPED,
        /** Not loaded, even though a built-in archive is present. */
        UNLOADED
    }

    @Id
    @Column(name = "plugin_id", length = 63)
    private String pluginId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PluginRecord() {
    }

    PluginRecord(String pluginId, State state) {
        this.pluginId = pluginId;
        this.state = state;
        this.updatedAt = Timestamps.now();
    }

    public String pluginId() { return pluginId; }
    public State state() { return state; }

    void change(State newState) {
        this.state = newState;
        this.updatedAt = Timestamps.now();
    }
}
