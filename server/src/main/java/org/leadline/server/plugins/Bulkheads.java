package org.leadline.server.plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounded concurrency for plugin calls: each plugin may run at most {@code perPlugin} calls at once,
 * and each tenant within it at most {@code perTenant}. A call that finds its plugin's or its
 * tenant's share in use waits for a free place, first come first served, at most as long as the
 * caller allows (the call's own time limit); if the share is still in use then, the call is not
 * made at all. The permits are given back when the plugin's code returns, not when the guard stops
 * waiting for it, so a plugin that hangs uses up its own share and nobody else's.
 *
 * <p>Waiting, not failing at once, because a share is in use for two reasons: a plugin that hangs
 * (its calls hold their places until the time limit and beyond, and a waiting call is turned away
 * after that limit, as its own call would have been), and a busy tenant whose quick calls overlap
 * on a saturated server (more requests in flight than places). Failing at once made the second look
 * like the first: a lead created under load lost a scoring rule's vote, a process view answered that
 * no process was available.
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

    /**
     * The permits for one call of the plugin for the tenant, waiting at most {@code waitNanos} in all
     * for them, or why there are none. An interrupted wait gives up at once, keeping the interrupt.
     */
    Object acquire(String pluginId, String tenantId, long waitNanos) {
        long deadline = System.nanoTime() + waitNanos;
        // fair: a call that waits is served before later ones (the timed acquire honours the order)
        Semaphore tenant = tenants.computeIfAbsent(tenantId + '|' + pluginId, k -> new Semaphore(perTenant, true));
        if (!take(tenant, deadline)) {
            return refused("all " + perTenant + " concurrent calls of plugin " + pluginId
                    + " for this tenant stayed in use for " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms ("
                    + PluginSettings.BULKHEAD_PER_TENANT + ")");
        }
        Semaphore plugin = plugins.computeIfAbsent(pluginId, k -> new Semaphore(perPlugin, true));
        if (!take(plugin, deadline)) {
            tenant.release();
            return refused("all " + perPlugin + " concurrent calls of plugin " + pluginId
                    + " stayed in use for " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms ("
                    + PluginSettings.BULKHEAD_PER_PLUGIN + ")");
        }
        return new Permit(plugin, tenant);
    }

    /** Why a call gets no permits: its share stayed in use, or its thread was interrupted while waiting. */
    private static Full refused(String shareInUse) {
        return new Full("was not called: " + (Thread.currentThread().isInterrupted()
                ? "interrupted while waiting for a place in its share" : shareInUse));
    }

    /** One permit, at once when one is free and nobody waits, else waiting in turn until {@code deadline}. */
    private static boolean take(Semaphore share, long deadline) {
        try {
            // the timed form, also when no time is left: the untimed one would jump the queue
            return share.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Calls of the plugin running now (for the administrator's view). */
    int inUse(String pluginId) {
        Semaphore s = plugins.get(pluginId);
        return s == null ? 0 : perPlugin - s.availablePermits();
    }
}
