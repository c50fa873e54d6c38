package org.leadline.server.plugins;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way into plugin code. Every call runs on a guard thread with the plugin's class loader as
 * context class loader, under a time limit; whatever it throws (a {@link LinkageError} from a plugin
 * built against a different API, an {@link OutOfMemoryError} of its own making) is caught, logged
 * with the plugin id and counted. After {@code quarantineAfter} consecutive failures of one
 * extension for one tenant the extension is quarantined for that tenant: it is not called again
 * until an administrator re-enables it.
 *
 * <p>Plain Java without container types, so its cost can be measured outside the server.
 */
public final class Guard implements AutoCloseable {

    /** Tenant id used for calls made on behalf of the installation (reading declarations). */
    public static final String SYSTEM = "*";

    /** Who is called and for whom. */
    public record Target(String tenantId, String pluginId, String extensionId, ClassLoader loader) {

        String quarantineKey() {
            return tenantId + '|' + pluginId + '/' + extensionId;
        }
    }

    /** The result of a guarded call: a value, or why there is none. */
    public record Outcome<T>(T value, String failure, boolean skipped) {

        public boolean ok() {
            return failure == null && !skipped;
        }
    }

    /** Told when an extension becomes quarantined for a tenant, to record it durably. */
    public interface QuarantineListener {
        void quarantined(String tenantId, String pluginId, String extensionId, String reason);
    }

    /** Counters of one plugin since the server started. */
    public static final class PluginMetrics {
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder nanos = new LongAdder();

        public long calls() {
            return calls.sum();
        }

        public long failures() {
            return failures.sum();
        }

        public long timeouts() {
            return timeouts.sum();
        }

        public long skipped() {
            return skipped.sum();
        }

        public Map<String, Long> snapshot() {
            long n = calls.sum();
            return Map.of("calls", n, "failures", failures.sum(), "timeouts", timeouts.sum(),
                    "skippedQuarantined", skipped.sum(), "meanMicros", n == 0 ? 0 : nanos.sum() / n / 1000);
        }
    }

    private static final Logger LOG = Logger.getLogger(Guard.class.getName());

    private final ThreadPoolExecutor pool;
    private final long timeoutNanos;
    private final int quarantineAfter;
    private final QuarantineListener listener;
    private final Map<String, PluginMetrics> metrics = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> consecutiveFailures = new ConcurrentHashMap<>();
    private final Set<String> quarantined = ConcurrentHashMap.newKeySet();
    private volatile java.util.function.BiConsumer<String, PluginMetrics> onNewPlugin;

    public Guard(Duration timeout, int quarantineAfter, int maxThreads, QuarantineListener listener) {
        this.timeoutNanos = timeout.toNanos();
        this.quarantineAfter = quarantineAfter;
        this.listener = listener;
        AtomicInteger n = new AtomicInteger();
        // No queue: when every guard thread is busy (plugins hanging) a call fails at once instead of piling up.
        this.pool = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "leadline-plugin-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public <T> Outcome<T> call(Target target, Callable<T> body) {
        return call(target, timeoutNanos, body);
    }

    /** {@link #call(Target, Callable)} with its own time limit, for calls that talk to another server (a mailbox). */
    public <T> Outcome<T> call(Target target, Duration timeout, Callable<T> body) {
        return call(target, timeout.toNanos(), body);
    }

    private <T> Outcome<T> call(Target target, long timeoutNanos, Callable<T> body) {
        // Reading declarations at start is the host's work, not a use of the plugin: not counted.
        PluginMetrics m = SYSTEM.equals(target.tenantId()) ? new PluginMetrics() : metrics(target.pluginId());
        String key = target.quarantineKey();
        if (!quarantined.isEmpty() && quarantined.contains(key)) {
            m.skipped.increment();
            return new Outcome<>(null, null, true);
        }
        m.calls.increment();
        long start = System.nanoTime();
        String failure;
        Throwable cause = null;
        Future<T> future = null;
        try {
            future = pool.submit(() -> {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(target.loader());
                try {
                    return body.call();
                } finally {
                    thread.setContextClassLoader(previous);
                }
            });
            T value = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            m.nanos.add(System.nanoTime() - start);
            if (!consecutiveFailures.isEmpty()) {
                consecutiveFailures.remove(key);
            }
            return new Outcome<>(value, null, false);
        } catch (TimeoutException e) {
            future.cancel(true);
            m.timeouts.increment();
            failure = "did not answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms";
        } catch (ExecutionException e) {
            cause = e.getCause();
            failure = "threw " + cause;
        } catch (RejectedExecutionException e) {
            failure = "was not called: all " + pool.getMaximumPoolSize() + " plugin call threads are busy";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (future != null) {
                future.cancel(true);
            }
            failure = "was interrupted";
        } catch (Throwable e) {
            cause = e;
            failure = "failed: " + e;
        }
        m.nanos.add(System.nanoTime() - start);
        m.failures.increment();
        Logger.getLogger("leadline.plugin." + target.pluginId()).log(Level.WARNING, "Extension "
                + target.extensionId() + " of plugin " + target.pluginId() + " " + failure
                + (SYSTEM.equals(target.tenantId()) ? "" : " (tenant " + target.tenantId() + ")"), cause);
        if (!SYSTEM.equals(target.tenantId())) {
            countFailure(target, key, failure);
        }
        return new Outcome<>(null, failure, false);
    }

    private void countFailure(Target target, String key, String failure) {
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

    public boolean isQuarantined(String tenantId, String pluginId, String extensionId) {
        return quarantined.contains(tenantId + '|' + pluginId + '/' + extensionId);
    }

    /** Marks a quarantine found in the database at start. */
    public void quarantine(String tenantId, String pluginId, String extensionId) {
        quarantined.add(tenantId + '|' + pluginId + '/' + extensionId);
    }

    /** An administrator re-enabled the extension: it gets a fresh start. */
    public void release(String tenantId, String pluginId, String extensionId) {
        String key = tenantId + '|' + pluginId + '/' + extensionId;
        quarantined.remove(key);
        consecutiveFailures.remove(key);
    }

    /** The quarantines of one plugin's extensions, as {tenantId, extensionId}. */
    public java.util.List<String[]> quarantinesOf(String pluginId) {
        String infix = '|' + pluginId + '/';
        return quarantined.stream().filter(k -> k.contains(infix)).sorted()
                .map(k -> new String[] {k.substring(0, k.indexOf('|')), k.substring(k.indexOf(infix) + infix.length())})
                .toList();
    }

    public PluginMetrics metrics(String pluginId) {
        PluginMetrics m = metrics.get(pluginId);
        if (m != null) {
            return m;
        }
        PluginMetrics created = new PluginMetrics();
        PluginMetrics earlier = metrics.putIfAbsent(pluginId, created);
        if (earlier != null) {
            return earlier;
        }
        java.util.function.BiConsumer<String, PluginMetrics> hook = onNewPlugin;
        if (hook != null) {
            try {
                hook.accept(pluginId, created);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Publishing the counters of plugin " + pluginId + " failed", e);
            }
        }
        return created;
    }

    /** Told once per plugin id when its counters are created, e.g. to publish them as metrics. */
    public void onNewPlugin(java.util.function.BiConsumer<String, PluginMetrics> hook) {
        this.onNewPlugin = hook;
        metrics.forEach(hook);
    }



    @Override
    public void close() {
        pool.shutdownNow();
    }
}
