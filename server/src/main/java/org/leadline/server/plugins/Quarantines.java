package org.leadline.server.plugins;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Guard}'s quarantines: after {@code quarantineAfter} consecutive failures of one
 * extension for one tenant it is not called for that tenant again until an administrator
 * re-enables it. Keys are {@code tenant|plugin/extension}.
 */
final class Quarantines {

    private static final Logger LOG = Logger.getLogger(Guard.class.getName());

    private final int quarantineAfter;
    private final Guard.QuarantineListener listener;
    private final Map<String, AtomicInteger> consecutiveFailures = new ConcurrentHashMap<>();
    private final Set<String> quarantined = ConcurrentHashMap.newKeySet();

    Quarantines(int quarantineAfter, Guard.QuarantineListener listener) {
        this.quarantineAfter = quarantineAfter;
        this.listener = listener;
    }

    private static String key(String tenantId, String pluginId, String extensionId) {
        return tenantId + '|' + pluginId + '/' + extensionId;
    }

    boolean isQuarantined(String key) {
        return !quarantined.isEmpty() && quarantined.contains(key);
    }

    boolean isQuarantined(String tenantId, String pluginId, String extensionId) {
        return quarantined.contains(key(tenantId, pluginId, extensionId));
    }

    /** A call succeeded: the run of failures is over. */
    void succeeded(String key) {
        if (!consecutiveFailures.isEmpty()) {
            consecutiveFailures.remove(key);
        }
    }

    /** A call failed: one more in a row, and the quarantine when there are enough. */
    void failed(Guard.Target target, String key, String failure) {
        int count = consecutiveFailures.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (count >= quarantineAfter && quarantined.add(key)) {
            consecutiveFailures.remove(key);
            String reason = count + " consecutive failures, the last: " + failure;
            LOG.warning("Quarantined extension " + target.extensionId() + " of plugin " + target.pluginId()
                    + " for tenant " + target.tenantId() + ": " + reason);
            try {
                listener.quarantined(target.tenantId(), target.pluginId(), target.extensionId(), reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record the quarantine; it holds until the server restarts", e);
            }
        }
    }

    void quarantine(String tenantId, String pluginId, String extensionId) {
        quarantined.add(key(tenantId, pluginId, extensionId));
    }

    void release(String tenantId, String pluginId, String extensionId) {
        String key = key(tenantId, pluginId, extensionId);
        quarantined.remove(key);
        consecutiveFailures.remove(key);
    }

    /** The quarantines of one plugin's extensions, as {tenantId, extensionId}. */
    List<String[]> of(String pluginId) {
        String infix = '|' + pluginId + '/';
        return quarantined.stream().filter(k -> k.contains(infix)).sorted()
                .map(k -> new String[] {k.substring(0, k.indexOf('|')), k.substring(k.indexOf(infix) + infix.length())})
                .toList();
    }
}
