package org.leadline.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.leadline.plugin.api.PluginApi;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.problem.ProblemException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugin host: loads the plugin archives at start, keeps one cached instance of every extension,
 * and changes the set of plugins at runtime (install, upgrade, start, stop, unload, reload).
 *
 * <p>Every call into a plugin happens under the read lock and every change under the write lock, so
 * a call sees the old plugin or the new one, never one being closed ("zip file closed" and silently
 * missing extensions are what PF4J shows otherwise). Changes wait for running calls, which the
 * {@link Guard}'s time limit bounds.
 */
@ApplicationScoped
public class PluginHost {

    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

    /** The application's metric registry; absent where no metrics implementation runs. */
    @Inject
    jakarta.enterprise.inject.Instance<org.eclipse.microprofile.metrics.MetricRegistry> metricRegistry;

    @Inject
    PluginRecords records;

    @Inject
    TenantExtensions tenantExtensions;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, ExtensionInstances.Instances> extensionCache = new HashMap<>();
    /** Every outbound connection of every plugin goes through it. */
    private final org.leadline.server.plugins.egress.PolicedEgress egress =
            new org.leadline.server.plugins.egress.PolicedEgress(org.leadline.server.plugins.egress.EgressSettings.policy());

    private volatile Registry registry = Registry.EMPTY;
    private PluginRuntime runtime;
    private PluginStarter starter;
    private Guard guard;
    private Path builtInDir;
    private Path installedDir;
    private Set<String> builtInIds = Set.of();
    private Set<String> tenantDefaults;
    private volatile Duration loadTime = Duration.ZERO;
    private Duration startTimeout = Duration.ofSeconds(30);
    /** How long each plugin took to load and start, at server start or at its last install/start/reload. */
    private final Map<String, Duration> pluginLoadTimes = new ConcurrentHashMap<>();

    void onReady(@Observes Startup.Ready ready) {
        try {
            start();
        } catch (RuntimeException e) {
            // The core serves without plugins rather than not at all.
            LOG.log(Level.SEVERE, "The plugin host could not start; the server runs without plugins", e);
        }
    }

    private void start() {
        long t0 = System.nanoTime();
        builtInDir = PluginSettings.builtInDir();
        installedDir = PluginSettings.installedDir();
        tenantDefaults = PluginSettings.tenantDefaults();
        startTimeout = PluginSettings.startTimeout();
        try {
            Files.createDirectories(installedDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the folder for installed plugins " + installedDir, e);
        }
        guard = new Guard(PluginSettings.callTimeout(), PluginSettings.quarantineAfter(), PluginSettings.callThreads(),
                PluginSettings.bulkheadPerPlugin(), PluginSettings.bulkheadPerTenant(),
                (tenant, plugin, extension, reason) -> tenantExtensions.recordQuarantine(tenant, plugin, extension, reason));
        guard.onNewPlugin((id, m) -> PluginMetricsPublisher.publish(metricRegistry, id, m));
        for (Object[] q : tenantExtensions.quarantines()) {
            guard.quarantine((String) q[0], (String) q[1], (String) q[2]);
        }
        runtime = new PluginRuntime(List.of(builtInDir, installedDir), PluginApi.VERSION);
        starter = new PluginStarter(runtime, startTimeout, this::undoLateStart);
        Map<String, PluginRecord.State> states = records.all();

        List<PluginArchive> builtIn = PluginArchives.inspectAll(builtInDir, runtime, refusals);
        List<PluginArchive> installed = PluginArchives.inspectAll(installedDir, runtime, refusals);
        builtInIds = builtIn.stream().map(PluginArchive::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
        Map<String, PluginArchive> chosen = new LinkedHashMap<>();
        Stream.concat(builtIn.stream(), installed.stream()).forEach(a -> chosen.merge(a.id(), a,
                // The higher version wins; on a tie the uploaded copy, which came later.
                (x, y) -> runtime.getVersionManager().compareVersions(y.version(), x.version()) >= 0 ? y : x));
        int started = 0;
        // Under the write lock: a start() returning after its time limit changes the registry too.
        lock.writeLock().lock();
        try {
            started = loadAndStart(chosen.values(), states);
            rebuild();
        } finally {
            lock.writeLock().unlock();
        }
        loadTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("Plugins: " + started + " started, " + (registry.plugins().size() - started) + " not started, "
                + refusals.size() + " refused, " + registry.extensions().size() + " extensions, in "
                + loadTime.toMillis() + " ms (plugin API " + PluginApi.VERSION + ", from " + builtInDir + " and "
                + installedDir + ")");
    }

    private int loadAndStart(java.util.Collection<PluginArchive> archives, Map<String, PluginRecord.State> states) {
        int started = 0;
        for (PluginArchive a : archives) {
            PluginRecord.State recorded = states.get(a.id());
            if (recorded == PluginRecord.State.UNLOADED && builtInIds.contains(a.id())) {
                // Unloaded by an earlier version, which allowed it: a built-in is never gone, at most stopped.
                recorded = PluginRecord.State.STOPPED;
            }
            if (recorded == PluginRecord.State.UNLOADED) {
                continue;
            }
            long p0 = System.nanoTime();
            if (!load(a)) {
                continue;
            }
            long loaded = System.nanoTime();
            PluginState state;
            if (recorded == PluginRecord.State.STOPPED) {
                // Loaded, never started in this run: shown as the administrator left it.
                runtime.getPlugin(a.id()).setPluginState(PluginState.STOPPED);
                state = PluginState.STOPPED;
            } else {
                state = starter.start(a.id());
                if (state == PluginState.STARTED) {
                    started++;
                }
            }
            long done = System.nanoTime();
            pluginLoadTimes.put(a.id(), Duration.ofNanos(done - p0));
            LOG.info("Plugin " + a.id() + " " + a.version() + ": loaded in " + millis(loaded - p0) + " ms, "
                    + (state == PluginState.STOPPED ? "left stopped" : "start took " + millis(done - loaded) + " ms")
                    + ", " + state);
        }
        return started;
    }

    @PreDestroy
    void shutdown() {
        lock.writeLock().lock();
        try {
            if (runtime != null) {
                runtime.stopPlugins();
                runtime.unloadPlugins();
            }
            if (guard != null) {
                guard.close();
            }
            egress.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stopping plugins failed", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- reading

    public Registry registry() {
        return registry;
    }

    Guard guard() {
        return guard;
    }

    PluginRuntime runtime() {
        return runtime;
    }

    Path installedDir() {
        return installedDir;
    }

    Duration loadTime() {
        return loadTime;
    }

    /** How long the plugin took to load and start, if it was loaded in this run. */
    Optional<Duration> loadTime(String pluginId) {
        return Optional.ofNullable(pluginLoadTimes.get(pluginId));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    Map<String, String> refusals() {
        return Map.copyOf(refusals);
    }

    boolean builtIn(String pluginId) {
        return builtInIds.contains(pluginId);
    }

    /** Whether the plugin is one whose extensions a tenant has until it decides otherwise. */
    boolean defaultPlugin(String pluginId) {
        return tenantDefaults == null ? builtInIds.contains(pluginId) : tenantDefaults.contains(pluginId);
    }

    /**
     * Runs a call into plugin code under the read lock: a change (upgrade, stop, unload) waits for
     * it, so the call sees the old plugin or the new one, never one being closed.
     */
    <T> T underReadLock(java.util.function.Supplier<T> call) {
        lock.readLock().lock();
        try {
            return call.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the extension instance is still one of its plugin's started ones (checked under the read lock). */
    boolean isCurrent(Registry.Extension e) {
        Registry.Plugin p = registry.plugins().get(e.pluginId());
        if (p == null) {
            return false;
        }
        for (Registry.Extension x : p.extensions()) {
            if (x.instance() == e.instance()) {
                return true;
            }
        }
        return false;
    }

    org.leadline.server.plugins.egress.PolicedEgress egress() {
        return egress;
    }

    // ---- changing (platform administrator)

    /** The outcome of an upload: the plugin as it is now, and the version it replaced, if any. */
    record Installed(Registry.Plugin plugin, String previousVersion) {
    }

    /** Runs a change of the plugins under the write lock: running calls finish first, later ones see the result. */
    <T> T underWriteLock(java.util.function.Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    PluginStarter starter() {
        return starter;
    }

    /** Records how long the plugin took to load and start, and forgets refusals of its earlier archives. */
    void loaded(String id, Duration took) {
        pluginLoadTimes.put(id, took);
        refusals.keySet().removeIf(name -> name.startsWith(id + "-"));
    }

    Registry.Plugin startById(String id) {
        return change(id, () -> {
            records.clear(id);
            starter.start(id);
        });
    }

    Registry.Plugin stopById(String id) {
        return change(id, () -> {
            runtime.stopPlugin(id);
            records.set(id, PluginRecord.State.STOPPED);
        });
    }

    Registry.Plugin reloadById(String id) {
        return change(id, () -> {
            PluginWrapper w = runtime.getPlugin(id);
            Path path = w.getPluginPath();
            boolean stopped = w.getPluginState() == PluginState.STOPPED;
            runtime.unloadPlugin(id);
            String loaded = runtime.loadPlugin(path);
            if (!stopped) {
                starter.start(loaded);
            }
        });
    }

    void unloadById(String id) {
        lock.writeLock().lock();
        try {
            PluginWrapper w = runtime.getPlugin(id);
            if (w == null) {
                throw ProblemException.notFound("Plugin " + id);
            }
            if (builtInIds.contains(id)) {
                throw new ProblemException(org.leadline.server.platform.problem.ProblemType.CONFLICT, "Plugin " + id
                        + " is shipped with the server and cannot be unloaded; stop it instead (POST /api/v1/admin/plugins/"
                        + id + "/stop), which switches its extensions off for every tenant until it is started again");
            }
            Path path = w.getPluginPath();
            runtime.unloadPlugin(id);
            if (path.startsWith(installedDir)) {
                PluginArchives.deleteArchive(path);
            }
            starter.forget(id);
            pluginLoadTimes.remove(id);
            records.set(id, PluginRecord.State.UNLOADED);
            rebuild();
            LOG.info("Unloaded plugin " + id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Registry.Plugin change(String id, Runnable action) {
        lock.writeLock().lock();
        try {
            if (runtime.getPlugin(id) == null) {
                throw ProblemException.notFound("Plugin " + id);
            }
            action.run();
            rebuild();
            return registry.plugins().get(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- loading

    private boolean load(PluginArchive a) {
        try {
            runtime.loadPlugin(a.path());
            return true;
        } catch (Throwable e) {
            refusals.put(a.path().getFileName().toString(), "PF4J could not load it: " + e.getMessage());
            LOG.log(Level.SEVERE, "Cannot load plugin " + a.path(), e);
            return false;
        }
    }

    /** A start() that returned after the time limit: the plugin is stopped and stays FAILED. */
    private void undoLateStart(String id, PluginWrapper w) {
        lock.writeLock().lock();
        try {
            if (runtime.getPlugin(id) != w) {
                return;
            }
            if (w.getPluginState() == PluginState.STARTED) {
                runtime.stopPlugin(id);
            }
            w.setPluginState(PluginState.FAILED);
            LOG.warning("Plugin " + id + " returned from start() after the time limit; it was stopped and stays FAILED");
            rebuild();
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Plugin " + id + " returned from start() late and could not be stopped", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Builds the snapshot readers use; instances of plugins that did not change are kept. */
    void rebuild() {
        List<Registry.Plugin> plugins = new ArrayList<>();
        Set<String> present = new java.util.HashSet<>();
        for (PluginWrapper w : runtime.getPlugins()) {
            String id = w.getPluginId();
            present.add(id);
            ExtensionInstances.Instances cached = extensionCache.get(id);
            if (w.getPluginState() != PluginState.STARTED) {
                extensionCache.remove(id);
                cached = null;
            } else if (cached == null || cached.wrapper() != w) {
                cached = ExtensionInstances.instantiate(w, runtime, guard);
                extensionCache.put(id, cached);
            }
            var d = w.getDescriptor();
            String failure = w.getPluginState() == PluginState.FAILED
                    ? Optional.ofNullable(starter.failure(id)).orElse(String.valueOf(w.getFailedException())) : null;
            plugins.add(new Registry.Plugin(id, d.getVersion(), d.getProvider(), d.getPluginDescription(),
                    d.getRequires(), w.getPluginState().toString(), w.getPluginPath(), builtInIds.contains(id), failure,
                    cached == null ? List.of() : cached.extensions(), cached == null ? List.of() : cached.problems()));
        }
        extensionCache.keySet().retainAll(present);
        registry = Registry.of(plugins);
    }

    // ---- helpers

    /** Runs {@code f} on the current snapshot under the read lock. */
    <T> T read(Function<Registry, T> f) {
        lock.readLock().lock();
        try {
            return f.apply(registry);
        } finally {
            lock.readLock().unlock();
        }
    }
}
