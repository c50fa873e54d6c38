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
 * <p>Each plugin, and each tenant within it, has a bounded share of the guard threads
 * ({@link Bulkheads}): a call finding its share in use waits for a free place at most as long as its
 * own time limit, and is not made if none frees up by then. Such a call is no failure of the
 * extension (nor of any other): it is counted as {@code rejectedBusy} and never towards a
 * quarantine. So one tenant's hanging plugin holds up its own calls only.
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
        final LongAdder rejected = new LongAdder();
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

        /** Calls not made because the plugin's or the tenant's share of guard threads was in use. */
        public long rejected() {
            return rejected.sum();
        }

        public Map<String, Long> snapshot() {
            long n = calls.sum();
            return Map.of("calls", n, "failures", failures.sum(), "timeouts", timeouts.sum(),
                    "skippedQuarantined", skipped.sum(), "rejectedBusy", rejected.sum(), "meanMicros", n == 0 ? 0 : nanos.sum() / n / 1000);
        }
    }

    private static final Logger LOG = Logger.getLogger(Guard.class.getName());

    private final ThreadPoolExecutor pool;
    private final Bulkheads bulkheads;
    private final long timeoutNanos;
    private final Quarantines quarantines;
    private final Map<String, PluginMetrics> metrics = new ConcurrentHashMap<>();
    private volatile java.util.function.BiConsumer<String, PluginMetrics> onNewPlugin;

    /** A guard whose only bound is its thread count, shared by every plugin (for measurements). */
    public Guard(Duration timeout, int quarantineAfter, int maxThreads, QuarantineListener listener) {
        this(timeout, quarantineAfter, maxThreads, maxThreads, maxThreads, listener);
    }

    /**
     * @param perPlugin calls one plugin may have running at once
     * @param perTenant calls one plugin may have running at once for one tenant
     */
    public Guard(Duration timeout, int quarantineAfter, int maxThreads, int perPlugin, int perTenant,
                 QuarantineListener listener) {
        this.bulkheads = new Bulkheads(perPlugin, perTenant);
        this.timeoutNanos = timeout.toNanos();
        this.quarantines = new Quarantines(quarantineAfter, listener);
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
        if (quarantines.isQuarantined(key)) {
            m.skipped.increment();
            return new Outcome<>(null, null, true);
        }
        Object admitted = admit(target, timeoutNanos);
        if (admitted instanceof Bulkheads.Full full) {
            return rejected(target, m, full.reason());
        }
        Bulkheads.Permit permit = (Bulkheads.Permit) admitted;
        m.calls.increment();
        long start = System.nanoTime();
        String failure;
        Throwable cause = null;
        Future<T> future = null;
        try {
            try {
                future = pool.submit(() -> {
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(target.loader());
                    try {
                        return body.call();
                    } finally {
                        thread.setContextClassLoader(previous);
                        release(permit);
                    }
                });
            } catch (RejectedExecutionException e) {
                release(permit);
                m.calls.decrement();
                return rejected(target, m, "was not called: all " + pool.getMaximumPoolSize()
                        + " plugin call threads are busy (" + PluginSettings.CALL_THREADS + ")");
            }
            T value = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            m.nanos.add(System.nanoTime() - start);
            quarantines.succeeded(key);
            return new Outcome<>(value, null, false);
        } catch (TimeoutException e) {
            future.cancel(true);
            m.timeouts.increment();
            failure = "did not answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms";
        } catch (ExecutionException e) {
            cause = e.getCause();
            failure = "failed: " + describe(cause);
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
        return failed(target, key, m, System.nanoTime() - start, failure, cause);
    }

    /**
     * What a plugin's exception says, for tenants' and administrators' eyes: an outbound connection
     * that failed says only "connection refused by policy" or "could not connect" (nothing that
     * tells an open port from a closed one), anything else its message, never a Java class name.
     * The server log keeps the whole exception.
     */
    static String describe(Throwable cause) {
        // A constructor or initializer called by reflection: what the plugin threw is inside.
        while ((cause instanceof java.lang.reflect.InvocationTargetException || cause instanceof ExceptionInInitializerError)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        java.util.Optional<org.leadline.plugin.api.net.EgressException> egress =
                org.leadline.plugin.api.net.EgressException.in(cause);
        if (egress.isPresent()) {
            return egress.get().getMessage();
        }
        String message = cause == null ? null : cause.getMessage();
        if (cause instanceof LinkageError) {
            // A plugin built against what is not there: the missing piece is what its author needs.
            return "could not be linked" + (message == null || message.isBlank() ? "" : ": " + message);
        }
        if (message == null || message.isBlank()) {
            return "an error without a message (see the server log)";
        }
        // Some libraries put a class name in front of the message of the exception they wrap.
        return message.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*", "").strip();
    }

    /** One call of {@link #callEach}: the plugin's answer for one input. */
    @FunctionalInterface
    public interface Each<I, T> {
        T call(I input) throws Exception;
    }

    /**
     * Calls {@code body} for each input in turn, handing the inputs to a guard thread once instead of
     * once per call: for calls per row of a batch (a re-rating), where the hand-over to a guard thread
     * would cost more than the call. Each call keeps the rules of a call of its own: its own time
     * limit (a call that exceeds it is abandoned, counted as a timeout, and the inputs after it are
     * handed to another guard thread), its own failure, counted towards the quarantine, and no call
     * once the extension is quarantined.
     *
     * @return one outcome per input, in their order
     */
    public <I, T> java.util.List<Outcome<T>> callEach(Target target, java.util.List<I> inputs, Each<I, T> body) {
        int n = inputs.size();
        @SuppressWarnings("unchecked")
        Outcome<T>[] out = new Outcome[n];
        PluginMetrics m = SYSTEM.equals(target.tenantId()) ? new PluginMetrics() : metrics(target.pluginId());
        String key = target.quarantineKey();
        int from = 0;
        while (from < n) {
            if (quarantines.isQuarantined(key)) {
                for (int i = from; i < n; i++) {
                    m.skipped.increment();
                    out[i] = new Outcome<>(null, null, true);
                }
                break;
            }
            Object admitted = admit(target, timeoutNanos);
            String refusal = admitted instanceof Bulkheads.Full full ? full.reason() : null;
            Future<?> future = null;
            BatchRun<I, T> run = null;
            if (refusal == null) {
                run = new BatchRun<>(inputs, from, body, target.loader(), (Bulkheads.Permit) admitted);
                try {
                    future = pool.submit(run);
                } catch (RejectedExecutionException e) {
                    release((Bulkheads.Permit) admitted);
                    refusal = "was not called: all " + pool.getMaximumPoolSize() + " plugin call threads are busy ("
                            + PluginSettings.CALL_THREADS + ")";
                }
            }
            if (refusal != null) {
                // No place in the share within a time limit, or no guard thread: the rest of the batch is not made either.
                for (int i = from; i < n; i++) {
                    out[i] = rejected(target, m, refusal);
                }
                break;
            }
            int next = n;
            try {
                while (true) {
                    int current = run.index;
                    long started = run.started;
                    long left = started + timeoutNanos - System.nanoTime();
                    try {
                        future.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (run.index == current && System.nanoTime() - started >= timeoutNanos) {
                            // This call is over its limit: abandon it, the inputs after it go to another thread.
                            run.abandoned = true;
                            future.cancel(true);
                            next = current + 1;
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.abandoned = true;
                future.cancel(true);
                next = -1;
            } catch (ExecutionException e) {
                // Run catches what a call throws; only the guard's own failure lands here.
                next = Math.max(run.index, from) + 1;
                LOG.log(Level.WARNING, "Guarded calls of " + target.pluginId() + " failed", e.getCause());
            }
            int end = next < 0 ? n : next;
            for (int i = from; i < end; i++) {
                m.calls.increment();
                Object[] r = run.results.get(i);
                if (r == null) {
                    String failure = next < 0 ? "was interrupted"
                            : i == end - 1 && run.abandoned ? "did not answer within "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms" : "was not called";
                    if (failure.startsWith("did not")) {
                        m.timeouts.increment();
                    }
                    out[i] = failed(target, key, m, timeoutNanos, failure, null);
                } else if (r[1] == null) {
                    m.nanos.add((Long) r[2]);
                    quarantines.succeeded(key);
                    @SuppressWarnings("unchecked")
                    T value = (T) r[0];
                    out[i] = new Outcome<>(value, null, false);
                } else {
                    Throwable cause = (Throwable) r[1];
                    out[i] = failed(target, key, m, (Long) r[2], "failed: " + describe(cause), cause);
                }
            }
            if (next < 0) {
                break;
            }
            from = end;
        }
        return java.util.Arrays.asList(out);
    }

    /** Counts, logs and (for a tenant's call) counts towards the quarantine a failed call. */
    private <T> Outcome<T> failed(Target target, String key, PluginMetrics m, long nanos, String failure, Throwable cause) {
        m.nanos.add(nanos);
        m.failures.increment();
        Logger.getLogger("leadline.plugin." + target.pluginId()).log(Level.WARNING, "Extension "
                + target.extensionId() + " of plugin " + target.pluginId() + " " + failure
                + (SYSTEM.equals(target.tenantId()) ? "" : " (tenant " + target.tenantId() + ")"), cause);
        if (!SYSTEM.equals(target.tenantId())) {
            quarantines.failed(target, key, failure);
        }
        return new Outcome<>(null, failure, false);
    }

    /**
     * The permits of a call for a tenant, waiting for them at most {@code waitNanos}, or why it may
     * not be made; calls for the installation are not bounded.
     */
    private Object admit(Target target, long waitNanos) {
        return SYSTEM.equals(target.tenantId()) ? null
                : bulkheads.acquire(target.pluginId(), target.tenantId(), waitNanos);
    }

    static void release(Bulkheads.Permit permit) {
        if (permit != null) {
            permit.release();
        }
    }

    /** A call not made for want of a free share: counted, logged briefly, never a failure of the extension. */
    private <T> Outcome<T> rejected(Target target, PluginMetrics m, String reason) {
        m.rejected.increment();
        Logger log = Logger.getLogger("leadline.plugin." + target.pluginId());
        if (log.isLoggable(Level.FINE)) {
            log.fine("Extension " + target.extensionId() + " of plugin " + target.pluginId() + " " + reason
                    + " (tenant " + target.tenantId() + ")");
        }
        return new Outcome<>(null, reason, false);
    }

    /** Calls of the plugin running now, across tenants. */
    public int running(String pluginId) {
        return bulkheads.inUse(pluginId);
    }

    public boolean isQuarantined(String tenantId, String pluginId, String extensionId) {
        return quarantines.isQuarantined(tenantId, pluginId, extensionId);
    }

    /** Marks a quarantine found in the database at start. */
    public void quarantine(String tenantId, String pluginId, String extensionId) {
        quarantines.quarantine(tenantId, pluginId, extensionId);
    }

    /** An administrator re-enabled the extension: it gets a fresh start. */
    public void release(String tenantId, String pluginId, String extensionId) {
        quarantines.release(tenantId, pluginId, extensionId);
    }

    /** The quarantines of one plugin's extensions, as {tenantId, extensionId}. */
    public java.util.List<String[]> quarantinesOf(String pluginId) {
        return quarantines.of(pluginId);
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
