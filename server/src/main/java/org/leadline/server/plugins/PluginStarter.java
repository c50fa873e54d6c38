package org.leadline.server.plugins;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Runs plugins' {@code start()} under a time limit and keeps why a start failed, for the
 * administrator's view.
 */
final class PluginStarter {

    private final PluginRuntime runtime;
    private final Duration startTimeout;
    /** Told when a start() returns after it was given up on (the host stops the plugin again). */
    private final BiConsumer<String, PluginWrapper> lateStart;
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();

    PluginStarter(PluginRuntime runtime, Duration startTimeout, BiConsumer<String, PluginWrapper> lateStart) {
        this.runtime = runtime;
        this.startTimeout = startTimeout;
        this.lateStart = lateStart;
    }

    /** Why the plugin failed to start, if it did. */
    String failure(String id) {
        return startFailures.get(id);
    }

    void forget(String id) {
        startFailures.remove(id);
    }

    /**
     * Starts a loaded plugin; a plugin whose start fails, or does not return within the start time
     * limit, ends FAILED and the server carries on. {@code start()} runs on a thread of its own so a
     * hanging one can be left behind; should it return after all, the plugin is stopped again and
     * stays FAILED, so an administrator's later start is the only way it runs.
     */
    PluginState start(String id) {
        startFailures.remove(id);
        PluginWrapper w = runtime.getPlugin(id);
        // 0 running, 1 returned in time, 2 given up on
        java.util.concurrent.atomic.AtomicInteger outcome = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.FutureTask<PluginState> task = new java.util.concurrent.FutureTask<>(() -> {
            PluginState state = runtime.startPlugin(id);
            if (!outcome.compareAndSet(0, 1)) {
                lateStart.accept(id, w);
            }
            return state;
        });
        Thread thread = new Thread(task, "leadline-plugin-start-" + id);
        thread.setDaemon(true);
        thread.setContextClassLoader(w == null ? getClass().getClassLoader() : w.getPluginClassLoader());
        thread.start();
        try {
            PluginState state;
            try {
                state = task.get(startTimeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (outcome.compareAndSet(0, 2)) {
                    String reason = "start() did not return within " + startTimeout.toMillis() + " ms ("
                            + PluginSettings.START_TIMEOUT + ")";
                    w.setPluginState(PluginState.FAILED);
                    w.setFailedException(new java.util.concurrent.TimeoutException(reason));
                    startFailures.put(id, reason);
                    thread.interrupt();
                    Logger.getLogger(PluginStarter.class.getName()).severe("Plugin " + id + " failed to start: " + reason + "; the server carries on without it");
                    return PluginState.FAILED;
                }
                // It returned just as the time ran out.
                state = task.get();
            }
            if (state == PluginState.FAILED && w.getFailedException() != null) {
                startFailures.put(id, String.valueOf(w.getFailedException()));
            }
            return state;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(id, w, e);
        } catch (java.util.concurrent.ExecutionException e) {
            return fail(id, w, e.getCause());
        } catch (Throwable e) {
            return fail(id, w, e);
        }
    }

    private PluginState fail(String id, PluginWrapper w, Throwable e) {
        if (w != null) {
            w.setPluginState(PluginState.FAILED);
            w.setFailedException(e);
        }
        startFailures.put(id, String.valueOf(e));
        Logger.getLogger(PluginStarter.class.getName()).log(Level.SEVERE, "Plugin " + id + " failed to start", e);
        return PluginState.FAILED;
    }

}
