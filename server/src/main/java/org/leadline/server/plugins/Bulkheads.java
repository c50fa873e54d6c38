package org.leadline.server.plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounded concurrency for plugin calls: each plugin may run at most {@code perPlugin} calls at once,
 * and each tenant within it at most {@code perTenant}. A call that finds its plugin's or its
 * tenant's share in use is not made at all (it fails fast); the permits are given back when the
 * plugin's code returns, not when the guard stops waiting for it, so a plugin that hangs uses up its
 * own share and nobody else's.
 */
final class Bulkheads {

    /** The permits one call holds; {@link #release()} gives them back once. */
    static final class Permit {
        private final Semaphore plugin;
        private final Semaphore tenant;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        private Permit(Semaphore plugin, Semaphore tenant) {
            this.plugin = plugin;
            this.tenant = tenant;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                plugin.release();
                tenant.release();
            }
        }
    }

    /** Why a call was not made: which share was in use. */
    record Full(String reason) {
    }

    private final int perPlugin;
    private final int perTenant;
    private final Map<String, Semaphore> plugins = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> tenants = new ConcurrentHashMap<>();

    Bulkheads(int perPlugin, int perTenant) {
        if (perPlugin < 1 || perTenant < 1) {
            throw new IllegalArgumentException("Bulkhead sizes must be at least 1: " + perPlugin + ", " + perTenant);
        }
        this.perPlugin = perPlugin;
        this.perTenant = Math.min(perTenant, perPlugin);
    }

    int perPlugin() {
        return perPlugin;
    }

    int perTenant() {
        return perTenant;
    }

    /** The permits for one call of the plugin for the tenant, or why there are none. Never waits. */
    Object tryAcquire(String pluginId, String tenantId) {
        Semaphore tenant = tenants.computeIfAbsent(tenantId + '|' + pluginId, k -> new Semaphore(perTenant));
        if (!tenant.tryAcquire()) {
            return new Full("was not called: all " + perTenant + " concurrent calls of plugin " + pluginId
                    + " for this tenant are in use (" + PluginSettings.BULKHEAD_PER_TENANT + ")");
        }
        Semaphore plugin = plugins.computeIfAbsent(pluginId, k -> new Semaphore(perPlugin));
        if (!plugin.tryAcquire()) {
            tenant.release();
            return new Full("was not called: all " + perPlugin + " concurrent calls of plugin " + pluginId
                    + " are in use (" + PluginSettings.BULKHEAD_PER_PLUGIN + ")");
        }
        return new Permit(plugin, tenant);
    }

    /** Calls of the plugin running now (for the administrator's view). */
    int inUse(String pluginId) {
        Semaphore s = plugins.get(pluginId);
        return s == null ? 0 : perPlugin - s.availablePermits();
    }
}
