package org.leadline.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
import jakarta.json.JsonObject;

import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.PluginApi;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
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
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final Map<String, CachedExtensions> extensionCache = new HashMap<>();
    private final Map<String, System.Logger> pluginLoggers = new ConcurrentHashMap<>();
    /** Every outbound connection of every plugin goes through it. */
    private final org.leadline.server.plugins.egress.PolicedEgress egress =
            new org.leadline.server.plugins.egress.PolicedEgress(org.leadline.server.plugins.egress.EgressSettings.policy());
    private final Clock clock = Clock.systemUTC();

    private volatile Registry registry = Registry.EMPTY;
    private PluginRuntime runtime;
    private Guard guard;
    private Path builtInDir;
    private Path installedDir;
    private Set<String> builtInIds = Set.of();
    private Set<String> tenantDefaults;
    private volatile Duration loadTime = Duration.ZERO;
    private Duration startTimeout = Duration.ofSeconds(30);
    /** How long each plugin took to load and start, at server start or at its last install/start/reload. */
    private final Map<String, Duration> pluginLoadTimes = new ConcurrentHashMap<>();

    /** Extension instances of one loaded plugin, valid as long as that very wrapper is loaded. */
    private record CachedExtensions(PluginWrapper wrapper, List<Registry.Extension> extensions, List<String> problems) {
    }

    void onReady(@Observes Startup.Ready ready) {
        try {
            start();
        } catch (RuntimeException e) {
            // The core serves without plugins rather than not at all.
            LOG.log(Level.SEVERE, "The plugin host could not start; the server runs without plugins", e);
        }
    }

    /**
     * Publishes a plugin's guard counters at {@code /metrics} (application scope, tag {@code plugin}):
     * {@code leadline_plugin_calls}, {@code leadline_plugin_failures}, {@code leadline_plugin_timeouts},
     * {@code leadline_plugin_skipped_quarantined} and {@code leadline_plugin_rejected_busy}, each a running total since the server started.
     */
    private void publishMetrics(String pluginId, Guard.PluginMetrics m) {
        if (metricRegistry == null || !metricRegistry.isResolvable()) {
            return;
        }
        org.eclipse.microprofile.metrics.MetricRegistry registry = metricRegistry.get();
        org.eclipse.microprofile.metrics.Tag tag = new org.eclipse.microprofile.metrics.Tag("plugin", pluginId);
        registry.gauge("leadline.plugin.calls", m, Guard.PluginMetrics::calls, tag);
        registry.gauge("leadline.plugin.failures", m, Guard.PluginMetrics::failures, tag);
        registry.gauge("leadline.plugin.timeouts", m, Guard.PluginMetrics::timeouts, tag);
        registry.gauge("leadline.plugin.skipped.quarantined", m, Guard.PluginMetrics::skipped, tag);
        registry.gauge("leadline.plugin.rejected.busy", m, Guard.PluginMetrics::rejected, tag);
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
        guard.onNewPlugin(this::publishMetrics);
        for (Object[] q : tenantExtensions.quarantines()) {
            guard.quarantine((String) q[0], (String) q[1], (String) q[2]);
        }
        runtime = new PluginRuntime(List.of(builtInDir, installedDir), PluginApi.VERSION);
        Map<String, PluginRecord.State> states = records.all();

        List<PluginArchive> builtIn = inspectAll(builtInDir);
        List<PluginArchive> installed = inspectAll(installedDir);
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
            if (states.get(a.id()) == PluginRecord.State.UNLOADED) {
                continue;
            }
            long p0 = System.nanoTime();
            if (!load(a)) {
                continue;
            }
            long loaded = System.nanoTime();
            PluginState state;
            if (states.get(a.id()) == PluginRecord.State.STOPPED) {
                // Loaded, never started in this run: shown as the administrator left it.
                runtime.getPlugin(a.id()).setPluginState(PluginState.STOPPED);
                state = PluginState.STOPPED;
            } else {
                state = startPlugin(a.id());
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

    /** Whether a tenant without a choice of its own has this extension enabled. */
    boolean enabledByDefault(Registry.Extension e) {
        boolean defaultPlugin = tenantDefaults == null ? builtInIds.contains(e.pluginId()) : tenantDefaults.contains(e.pluginId());
        return defaultPlugin && ExtensionSettings.missingRequired(e.settings(), jakarta.json.JsonValue.EMPTY_JSON_OBJECT).isEmpty();
    }

    /** The tenant's settings for an enabled extension, or empty when the tenant has it off. */
    Optional<JsonObject> enabledSettings(String tenantId, Registry.Extension e) {
        TenantExtensions.Choice c = tenantExtensions.choices(tenantId).get(e.key());
        if (c == null) {
            return enabledByDefault(e) ? Optional.of(jakarta.json.JsonValue.EMPTY_JSON_OBJECT) : Optional.empty();
        }
        return c.enabled() ? Optional.of(c.settings()) : Optional.empty();
    }

    /** Whether any listener wanting this kind of event is enabled for the tenant: the core's cheap pre-check. */
    boolean wantsLifecycleEvents(String tenantId) {
        List<Registry.Extension> listeners = registry.lifecycleListeners();
        if (listeners.isEmpty()) {
            return false;
        }
        for (Registry.Extension e : listeners) {
            if (enabledSettings(tenantId, e).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Delivers a lead event to the tenant's enabled listeners of the given delivery, each through the
     * guard. Never throws: a listener's failure is the listener's.
     */
    void deliver(String tenantId, LeadLifecycleEvent event, LeadLifecycleListener.Delivery delivery) {
        lock.readLock().lock();
        try {
            for (Registry.Extension e : registry.lifecycleListeners()) {
                if (e.delivery() != delivery || !e.kinds().contains(event.kind())) {
                    continue;
                }
                Optional<JsonObject> settings = enabledSettings(tenantId, e);
                if (settings.isEmpty()) {
                    continue;
                }
                PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
                LeadLifecycleListener listener = (LeadLifecycleListener) e.instance();
                guard.call(new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()), () -> {
                    listener.onEvent(event, context);
                    return null;
                });
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Delivering " + event.kind() + " of lead " + event.lead().id() + " failed", ex);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One scoring rule's answer for a lead. */
    public record Scored(String pluginId, String extensionId, org.leadline.plugin.api.scoring.ScoringResult result) {
    }

    /** Whether the tenant has any scoring rule enabled: lets the rating skip building a view. */
    public boolean wantsScoring(String tenantId) {
        for (Registry.Extension e : registry.extensions()) {
            if (e.kind() == ExtensionKind.SCORING_RULE && enabledSettings(tenantId, e).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the tenant's enabled scoring rules about leads of one tenant; a rule that fails, times
     * out or is quarantined is left out for that lead. Each enabled rule is handed all of them in one go
     * ({@link Guard#callEach}), each lead's evaluation still under its own time limit, failure count
     * and quarantine check. For batches (a re-rating), where one hand-over to a guard thread per lead
     * would cost more than the rules. Never throws.
     *
     * @return each lead's answers, by lead id (a lead without any is absent)
     */
    public Map<String, List<Scored>> scoreAll(String tenantId, List<org.leadline.server.lead.Lead> leads,
                                              Map<String, LeadViews.Related> related) {
        Map<String, List<Scored>> out = new java.util.HashMap<>();
        lock.readLock().lock();
        try {
            List<LeadView> views = null;
            for (Registry.Extension e : registry.extensions()) {
                if (e.kind() != ExtensionKind.SCORING_RULE) {
                    continue;
                }
                Optional<JsonObject> settings = enabledSettings(tenantId, e);
                if (settings.isEmpty()) {
                    continue;
                }
                if (views == null) {
                    views = new ArrayList<>(leads.size());
                    for (org.leadline.server.lead.Lead lead : leads) {
                        views.add(LeadViews.of(lead, related.getOrDefault(lead.id(), LeadViews.Related.NONE)));
                    }
                }
                PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
                org.leadline.plugin.api.scoring.ScoringRule rule = (org.leadline.plugin.api.scoring.ScoringRule) e.instance();
                List<Guard.Outcome<org.leadline.plugin.api.scoring.ScoringResult>> answers = guard.callEach(
                        new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()), views, v -> {
                            org.leadline.plugin.api.scoring.ScoringResult r = rule.evaluate(v, context);
                            if (r == null) {
                                // The contract: null is a failure (counted, towards the quarantine too).
                                throw new IllegalStateException("returned null instead of a ScoringResult"
                                        + " (return ScoringResult.none() when the rule does not apply)");
                            }
                            return r;
                        });
                for (int i = 0; i < answers.size(); i++) {
                    Guard.Outcome<org.leadline.plugin.api.scoring.ScoringResult> o = answers.get(i);
                    if (o.ok() && o.value() != null) {
                        out.computeIfAbsent(leads.get(i).id(), k -> new ArrayList<>())
                                .add(new Scored(e.pluginId(), e.id(), o.value()));
                    }
                }
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Scoring " + leads.size() + " leads of tenant " + tenantId + " with plugins failed", ex);
        } finally {
            lock.readLock().unlock();
        }
        return out;
    }

    /** A sales process offered by a started plugin, with its stages as read now. */
    public record ProcessOffer(String pluginId, String extensionId, String description,
                               List<org.leadline.plugin.api.process.StageDefinition> stages) {

        public String key() {
            return pluginId + "/" + extensionId;
        }
    }

    /**
     * The processes the tenant may choose: process definitions it has enabled whose stages could be
     * read (at least one stage, unique keys). A definition failing to answer is left out.
     */
    public List<ProcessOffer> processes(String tenantId) {
        lock.readLock().lock();
        try {
            List<ProcessOffer> offers = new java.util.ArrayList<>();
            for (Registry.Extension e : registry.extensions()) {
                if (e.kind() != ExtensionKind.PROCESS_DEFINITION || enabledSettings(tenantId, e).isEmpty()) {
                    continue;
                }
                var definition = (org.leadline.plugin.api.process.ProcessDefinition) e.instance();
                Guard.Outcome<List<org.leadline.plugin.api.process.StageDefinition>> o = guard.call(
                        new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()),
                        () -> List.copyOf(definition.stages()));
                if (o.ok() && !o.value().isEmpty() && o.value().stream()
                        .map(org.leadline.plugin.api.process.StageDefinition::key).distinct().count() == o.value().size()) {
                    offers.add(new ProcessOffer(e.pluginId(), e.id(), e.description(), o.value()));
                }
            }
            return offers;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Asks the tenant's enabled conversion handlers before the qualification commits. Returns the
     * first veto as "extension: reason"; a handler that fails or times out does not veto.
     */
    public Optional<String> vetoConversion(String tenantId, org.leadline.plugin.api.conversion.Conversion conversion) {
        lock.readLock().lock();
        try {
            for (Registry.Extension e : registry.extensions()) {
                if (e.kind() != ExtensionKind.CONVERSION_HANDLER) {
                    continue;
                }
                Optional<JsonObject> settings = enabledSettings(tenantId, e);
                if (settings.isEmpty()) {
                    continue;
                }
                PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
                var handler = (org.leadline.plugin.api.conversion.ConversionHandler) e.instance();
                Guard.Outcome<org.leadline.plugin.api.conversion.ConversionDecision> o = guard.call(
                        new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()),
                        () -> handler.beforeCommit(conversion, context));
                if (o.ok() && o.value() != null && o.value().vetoed()) {
                    return Optional.of(e.pluginId() + "/" + e.id() + ": " + o.value().reason());
                }
            }
            return Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Tells the tenant's enabled conversion handlers that a qualification committed. Never throws. */
    public void afterConversion(String tenantId, org.leadline.plugin.api.conversion.Conversion conversion) {
        lock.readLock().lock();
        try {
            for (Registry.Extension e : registry.extensions()) {
                if (e.kind() != ExtensionKind.CONVERSION_HANDLER) {
                    continue;
                }
                Optional<JsonObject> settings = enabledSettings(tenantId, e);
                if (settings.isEmpty()) {
                    continue;
                }
                PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
                var handler = (org.leadline.plugin.api.conversion.ConversionHandler) e.instance();
                guard.call(new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()), () -> {
                    handler.afterCommit(conversion, context);
                    return null;
                });
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Telling conversion handlers about lead " + conversion.lead().id() + " failed", ex);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * What a lead source made of inbound material: {@code available} is false when the tenant does
     * not have the source enabled (or it is not loaded); {@code failure} says why a call that was
     * made brought no result (threw, timed out, quarantined).
     */
    public record SourceReading(boolean available, org.leadline.plugin.api.source.ReadResult result, String failure) {
    }

    /** Whether the lead source is loaded, started and enabled for the tenant. */
    public boolean sourceEnabled(String tenantId, String pluginId, String extensionId) {
        return leadSource(pluginId, extensionId).filter(e -> enabledSettings(tenantId, e).isPresent()).isPresent();
    }

    /** Asks one lead source, through the guard, to read material for a tenant. Never throws. */
    public SourceReading readSource(String tenantId, String pluginId, String extensionId,
                                    org.leadline.plugin.api.source.InboundMaterial material) {
        lock.readLock().lock();
        try {
            Optional<Registry.Extension> found = leadSource(pluginId, extensionId);
            Optional<JsonObject> settings = found.flatMap(e -> enabledSettings(tenantId, e));
            if (settings.isEmpty()) {
                return new SourceReading(false, null, null);
            }
            Registry.Extension e = found.get();
            PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
            var source = (org.leadline.plugin.api.source.LeadSource) e.instance();
            Guard.Outcome<org.leadline.plugin.api.source.ReadResult> o = guard.call(
                    new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()), () -> source.read(material, context));
            if (o.skipped()) {
                return new SourceReading(true, null, "is quarantined for this tenant");
            }
            if (!o.ok() || o.value() == null) {
                return new SourceReading(true, null, o.failure() == null ? "returned nothing" : o.failure());
            }
            return new SourceReading(true, o.value(), null);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Reading with lead source " + pluginId + "/" + extensionId + " failed", ex);
            return new SourceReading(true, null, "failed: " + ex);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What the chosen lead source answered: its result, or why there is none. */
    public record SourceRead(String pluginId, String extensionId, org.leadline.plugin.api.source.ReadResult result,
                             String failure) {
    }

    /**
     * Reads inbound material with the first of the tenant's enabled lead sources (by plugin and
     * extension id) that declares the material's media type, through the guard. Empty when no
     * enabled source reads that type; a source that fails or times out gives a failure, never an
     * exception.
     */
    public Optional<SourceRead> readLeads(String tenantId, org.leadline.plugin.api.source.InboundMaterial material) {
        String wanted = baseType(material.mediaType());
        lock.readLock().lock();
        try {
            List<Registry.Extension> sources = registry.extensions().stream()
                    .filter(e -> e.kind() == ExtensionKind.LEAD_SOURCE)
                    .sorted(Comparator.comparing(Registry.Extension::key)).toList();
            for (Registry.Extension e : sources) {
                Optional<JsonObject> settings = enabledSettings(tenantId, e);
                if (settings.isEmpty()) {
                    continue;
                }
                var source = (org.leadline.plugin.api.source.LeadSource) e.instance();
                Guard.Target target = new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader());
                Guard.Outcome<Set<String>> types = guard.call(target, () -> Set.copyOf(source.mediaTypes()));
                if (!types.ok() || types.value().stream().map(PluginHost::baseType).noneMatch(wanted::equals)) {
                    continue;
                }
                PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
                Guard.Outcome<org.leadline.plugin.api.source.ReadResult> o =
                        guard.call(target, () -> source.read(material, context));
                return Optional.of(new SourceRead(e.pluginId(), e.id(), o.ok() ? o.value() : null,
                        o.ok() ? (o.value() == null ? "returned no result" : null)
                                : o.skipped() ? "is quarantined for this tenant" : o.failure()));
            }
            return Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A tenant's mailbox: an enabled {@link org.leadline.plugin.api.source.MailboxSource} whose
     * settings name a mailbox; {@code interval} is zero when it is polled only on demand.
     */
    public record Mailbox(String pluginId, String extensionId, java.time.Duration interval) {
    }

    /** The tenant's mailboxes, each asked through the guard; a source that fails to answer is left out. */
    public List<Mailbox> mailboxes(String tenantId) {
        lock.readLock().lock();
        try {
            List<Mailbox> found = new java.util.ArrayList<>();
            for (Registry.Extension e : registry.extensions()) {
                if (!(e.instance() instanceof org.leadline.plugin.api.source.MailboxSource source)) {
                    continue;
                }
                Optional<JsonObject> settings = enabledSettings(tenantId, e);
                if (settings.isEmpty()) {
                    continue;
                }
                ExtensionConfig config = ExtensionSettings.config(e.settings(), settings.get());
                Guard.Outcome<Optional<java.time.Duration>> o = guard.call(
                        new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()), () -> source.pollInterval(config));
                if (o.ok() && o.value() != null && o.value().isPresent()) {
                    java.time.Duration d = o.value().get();
                    found.add(new Mailbox(e.pluginId(), e.id(), d.isNegative() ? java.time.Duration.ZERO : d));
                }
            }
            found.sort(Comparator.comparing(m -> m.pluginId() + "/" + m.extensionId()));
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What a mailbox handed out, or why it did not. */
    public record Fetched(List<org.leadline.plugin.api.source.InboundMaterial> materials, String failure) {
    }

    /** Fetches up to {@code max} pieces of material from the tenant's mailbox, through the guard with {@code timeout}. */
    public Fetched fetchMail(String tenantId, Mailbox mailbox, int max, java.time.Duration timeout) {
        return onMailbox(tenantId, mailbox, timeout, (source, context) -> {
            List<org.leadline.plugin.api.source.InboundMaterial> got = source.fetch(context, max);
            return got == null ? List.<org.leadline.plugin.api.source.InboundMaterial>of()
                    : List.copyOf(got.size() > max ? got.subList(0, max) : got);
        });
    }

    /** Has the mailbox move the material it took in; the failure, or null when done. */
    public String acknowledgeMail(String tenantId, Mailbox mailbox, List<String> refs, java.time.Duration timeout) {
        return onMailbox(tenantId, mailbox, timeout, (source, context) -> {
            source.acknowledge(context, List.copyOf(refs));
            return List.<org.leadline.plugin.api.source.InboundMaterial>of();
        }).failure();
    }

    private interface MailboxCall {
        List<org.leadline.plugin.api.source.InboundMaterial> call(org.leadline.plugin.api.source.MailboxSource source,
                                                                  PluginContext context) throws Exception;
    }

    private Fetched onMailbox(String tenantId, Mailbox mailbox, java.time.Duration timeout, MailboxCall call) {
        lock.readLock().lock();
        try {
            Optional<Registry.Extension> found = leadSource(mailbox.pluginId(), mailbox.extensionId());
            Optional<JsonObject> settings = found.flatMap(e -> enabledSettings(tenantId, e));
            if (settings.isEmpty() || !(found.get().instance() instanceof org.leadline.plugin.api.source.MailboxSource source)) {
                return new Fetched(List.of(), "is not enabled for this tenant");
            }
            Registry.Extension e = found.get();
            PluginContext context = context(tenantId, e, ExtensionSettings.config(e.settings(), settings.get()));
            Guard.Outcome<List<org.leadline.plugin.api.source.InboundMaterial>> o = guard.call(
                    new Guard.Target(tenantId, e.pluginId(), e.id(), e.loader()), timeout, () -> call.call(source, context));
            if (o.skipped()) {
                return new Fetched(List.of(), "is quarantined for this tenant");
            }
            return o.ok() ? new Fetched(o.value() == null ? List.of() : o.value(), null) : new Fetched(List.of(), o.failure());
        } finally {
            lock.readLock().unlock();
        }
    }

    private Optional<Registry.Extension> leadSource(String pluginId, String extensionId) {
        return registry.extensions().stream()
                .filter(e -> e.kind() == ExtensionKind.LEAD_SOURCE && e.pluginId().equals(pluginId) && e.id().equals(extensionId))
                .findFirst();
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private PluginContext context(String tenantId, Registry.Extension e, ExtensionConfig config) {
        System.Logger logger = pluginLoggers.computeIfAbsent(e.pluginId(), id -> System.getLogger("leadline.plugin." + id));
        return new PluginContext(tenantId, e.pluginId(), e.id(), config, clock, logger,
                egress.forCaller(e.pluginId(), tenantId));
    }

    // ---- changing (platform administrator)

    /** The outcome of an upload: the plugin as it is now, and the version it replaced, if any. */
    record Installed(Registry.Plugin plugin, String previousVersion) {
    }

    /**
     * Installs or upgrades from an uploaded archive. Nothing running changes unless the archive passes
     * every check: a plugin id of its own (not a built-in's), a semantic version newer than the one
     * installed (or {@code allowDowngrade}), the plugin API range met, and a trial load
     * ({@link ArchiveValidation}) in which its classes load and every extension is created with valid
     * declarations. Only then does it replace the running version; should its {@code start()} fail,
     * the old version is put back. Any refusal is a 422 naming every problem.
     */
    Installed install(InputStream body, boolean zip, boolean allowDowngrade) {
        Path temp = installedDir.resolve(".upload-" + UUID.randomUUID() + (zip ? ".zip" : ".jar"));
        Path target = null;
        try {
            copyLimited(body, temp, PluginSettings.maxArchiveBytes());
            Optional<String> refusal = inspect(temp, zip);
            if (refusal.isPresent()) {
                throw refused(ArchiveValidation.hideFileNames(refusal.get(), temp));
            }
            PluginArchive archive = PluginArchive.read(temp, zip);
            if (builtInIds.contains(archive.id())) {
                throw refused("its plugin id " + archive.id() + " is the id of a plugin shipped with the server; "
                        + "a built-in plugin cannot be replaced by an upload. Give your plugin an id of its own");
            }
            checkVersion(archive, allowDowngrade);
            target = installedDir.resolve(archive.id() + "-" + archive.version().replaceAll("[^A-Za-z0-9.+-]", "_")
                    + "-" + System.currentTimeMillis() + (zip ? ".zip" : ".jar"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            PluginArchive placed = new PluginArchive(target, archive.id(), archive.version(), archive.requires(),
                    archive.provider(), archive.description(), zip);
            List<String> problems = ArchiveValidation.problems(placed, guard);
            if (!problems.isEmpty()) {
                throw refused(problems);
            }
            Installed installed = swap(placed, allowDowngrade);
            target = null;
            return installed;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the uploaded plugin in " + installedDir, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.fine("Cannot delete " + temp);
            }
            if (target != null) {
                deleteArchive(target);
            }
        }
    }

    /**
     * A version is a semantic version (MAJOR.MINOR.PATCH, with optional pre-release and build); an
     * upgrade must be newer than the installed version unless the administrator allows otherwise.
     */
    private void checkVersion(PluginArchive archive, boolean allowDowngrade) {
        Optional<com.github.zafarkhaja.semver.Version> version = com.github.zafarkhaja.semver.Version.tryParse(archive.version().strip());
        if (version.isEmpty()) {
            throw refused("its Plugin-Version '" + archive.version() + "' is not a semantic version "
                    + "(MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1)");
        }
        Registry.Plugin installed = registry.plugins().get(archive.id());
        if (installed == null || allowDowngrade) {
            return;
        }
        Optional<com.github.zafarkhaja.semver.Version> current = com.github.zafarkhaja.semver.Version.tryParse(installed.version().strip());
        if (current.isPresent() && version.get().compareTo(current.get()) <= 0) {
            throw refused("its version " + archive.version() + " is " + (version.get().compareTo(current.get()) == 0
                    ? "the version already installed" : "older than the installed " + installed.version())
                    + "; to install it anyway, send allowDowngrade=true");
        }
    }

    private Installed swap(PluginArchive archive, boolean allowDowngrade) {
        lock.writeLock().lock();
        try {
            String id = archive.id();
            if (!allowDowngrade) {
                checkVersion(archive, false); // another upload may have come first
            }
            PluginWrapper old = runtime.getPlugin(id);
            Path oldPath = old == null ? null : old.getPluginPath();
            String oldVersion = old == null ? null : old.getDescriptor().getVersion();
            boolean wasStopped = old != null && old.getPluginState() == PluginState.STOPPED;
            Set<String> oldExtensions = registry.plugins().containsKey(id) ? registry.plugins().get(id).extensions()
                    .stream().map(Registry.Extension::id).collect(java.util.stream.Collectors.toSet()) : null;
            if (old != null) {
                runtime.unloadPlugin(id);
            }
            long p0 = System.nanoTime();
            String failure = null;
            try {
                runtime.loadPlugin(archive.path());
                if (startPlugin(id) != PluginState.STARTED) {
                    failure = "its start() failed: " + startFailure(id);
                }
            } catch (Throwable e) {
                failure = "it cannot be loaded: " + ArchiveValidation.plain(e, archive.path());
            }
            if (failure != null) {
                rollBack(id, oldPath, wasStopped);
                throw refused(ArchiveValidation.hideFileNames(failure, archive.path()));
            }
            records.clear(id);
            pluginLoadTimes.put(id, Duration.ofNanos(System.nanoTime() - p0));
            if (oldPath != null && oldPath.startsWith(installedDir)) {
                deleteArchive(oldPath);
            }
            refusals.keySet().removeIf(name -> name.startsWith(id + "-"));
            rebuild();
            if (oldExtensions != null) {
                keepNewExtensionsOff(id, oldExtensions);
            }
            LOG.info("Installed plugin " + id + " " + archive.version()
                    + (oldVersion == null ? "" : " (replacing " + oldVersion + ")"));
            return new Installed(registry.plugins().get(id), oldVersion);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The new version did not start: it goes, the old one (if any) is loaded and started again. */
    private void rollBack(String id, Path oldPath, boolean wasStopped) {
        try {
            if (runtime.getPlugin(id) != null) {
                runtime.unloadPlugin(id);
            }
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Unloading the refused version of plugin " + id + " failed", e);
        }
        startFailures.remove(id);
        if (oldPath != null) {
            try {
                runtime.loadPlugin(oldPath);
                if (wasStopped) {
                    runtime.getPlugin(id).setPluginState(PluginState.STOPPED);
                } else {
                    startPlugin(id);
                }
            } catch (Throwable e) {
                LOG.log(Level.SEVERE, "Plugin " + id + ": the previous version could not be loaded again", e);
            }
        }
        rebuild();
    }

    /** A start failure in the plugin author's terms: the exception's message, not its class name. */
    private String startFailure(String id) {
        PluginWrapper w = runtime.getPlugin(id);
        Throwable t = w == null ? null : w.getFailedException();
        if (t != null && !(t instanceof java.util.concurrent.TimeoutException)) {
            return Guard.describe(t);
        }
        return startFailures.getOrDefault(id, "it did not start");
    }

    /**
     * Extensions an upgrade brings that the old version did not have stay off for every existing
     * tenant that has not chosen them, even when the plugin is one of the tenants' defaults.
     */
    private void keepNewExtensionsOff(String id, Set<String> oldExtensions) {
        Registry.Plugin p = registry.plugins().get(id);
        if (p == null) {
            return;
        }
        List<String> added = p.extensions().stream().map(Registry.Extension::id).filter(e -> !oldExtensions.contains(e)).toList();
        if (added.isEmpty()) {
            return;
        }
        try {
            int tenants = tenantExtensions.keepOffWhereUnchosen(id, added);
            LOG.info("Plugin " + id + ": the new extensions " + added + " stay off for " + tenants + " existing tenants");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Plugin " + id + ": could not record the new extensions " + added
                    + " as off for existing tenants", e);
        }
    }

    Registry.Plugin startById(String id) {
        return change(id, () -> {
            records.clear(id);
            startPlugin(id);
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
                startPlugin(loaded);
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
            Path path = w.getPluginPath();
            runtime.unloadPlugin(id);
            if (path.startsWith(installedDir)) {
                deleteArchive(path);
            }
            startFailures.remove(id);
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

    private List<PluginArchive> inspectAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PluginArchive> archives = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(PluginArchive::isArchive).sorted().toList()) {
                boolean zip = p.toString().endsWith(".zip");
                Optional<String> refusal = inspect(p, zip);
                if (refusal.isPresent()) {
                    refusals.put(p.getFileName().toString(), refusal.get());
                    LOG.severe("Refused plugin archive " + p + ": " + refusal.get());
                } else {
                    archives.add(PluginArchive.read(p, zip));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot list plugin folder " + dir, e);
        }
        return archives;
    }

    /** Why an archive must not be loaded, or empty. */
    private Optional<String> inspect(Path p, boolean zip) {
        Optional<String> bundled = ClassLoaderBoundary.bundledHostClasses(p);
        if (bundled.isPresent()) {
            return bundled;
        }
        PluginArchive archive;
        try {
            archive = PluginArchive.read(p, zip);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            if (!runtime.satisfies(archive.requiresOrAny())) {
                return Optional.of("plugin " + archive.id() + " " + archive.version() + " requires plugin API "
                        + archive.requiresOrAny() + ", this server provides " + PluginApi.VERSION);
            }
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

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

    /**
     * Starts a loaded plugin; a plugin whose start fails, or does not return within the start time
     * limit, ends FAILED and the server carries on. {@code start()} runs on a thread of its own so a
     * hanging one can be left behind; should it return after all, the plugin is stopped again and
     * stays FAILED, so an administrator's later start is the only way it runs.
     */
    private PluginState startPlugin(String id) {
        startFailures.remove(id);
        PluginWrapper w = runtime.getPlugin(id);
        // 0 running, 1 returned in time, 2 given up on
        java.util.concurrent.atomic.AtomicInteger outcome = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.FutureTask<PluginState> task = new java.util.concurrent.FutureTask<>(() -> {
            PluginState state = runtime.startPlugin(id);
            if (!outcome.compareAndSet(0, 1)) {
                undoLateStart(id, w);
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
                    LOG.severe("Plugin " + id + " failed to start: " + reason + "; the server carries on without it");
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
        LOG.log(Level.SEVERE, "Plugin " + id + " failed to start", e);
        return PluginState.FAILED;
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
    private void rebuild() {
        List<Registry.Plugin> plugins = new ArrayList<>();
        Set<String> present = new java.util.HashSet<>();
        for (PluginWrapper w : runtime.getPlugins()) {
            String id = w.getPluginId();
            present.add(id);
            CachedExtensions cached = extensionCache.get(id);
            if (w.getPluginState() != PluginState.STARTED) {
                extensionCache.remove(id);
                cached = null;
            } else if (cached == null || cached.wrapper() != w) {
                cached = instantiate(w);
                extensionCache.put(id, cached);
            }
            var d = w.getDescriptor();
            String failure = w.getPluginState() == PluginState.FAILED
                    ? startFailures.getOrDefault(id, String.valueOf(w.getFailedException())) : null;
            plugins.add(new Registry.Plugin(id, d.getVersion(), d.getProvider(), d.getPluginDescription(),
                    d.getRequires(), w.getPluginState().toString(), w.getPluginPath(), builtInIds.contains(id), failure,
                    cached == null ? List.of() : cached.extensions(), cached == null ? List.of() : cached.problems()));
        }
        extensionCache.keySet().retainAll(present);
        registry = Registry.of(plugins);
    }

    /** A declaration read from plugin code, inside the guard. */
    record Declaration(LeadlineExtension instance, String id, String description, List<Setting> settings,
                               LeadLifecycleListener.Delivery delivery, Set<LeadLifecycleEvent.Kind> kinds) {
    }

    private CachedExtensions instantiate(PluginWrapper w) {
        String pluginId = w.getPluginId();
        List<Registry.Extension> extensions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Class<?>> classes;
        try {
            classes = runtime.getExtensionClasses(pluginId);
        } catch (Throwable e) {
            problems.add("its extensions cannot be listed: " + e);
            return new CachedExtensions(w, List.of(), List.copyOf(problems));
        }
        Set<String> ids = new java.util.HashSet<>();
        for (Class<?> c : classes) {
            Optional<ExtensionKind> kind = ExtensionKind.of(c);
            if (kind.isEmpty()) {
                problems.add(c.getName() + " implements no Leadline extension point");
                continue;
            }
            Guard.Outcome<Declaration> o = guard.call(new Guard.Target(Guard.SYSTEM, pluginId, c.getSimpleName(),
                    w.getPluginClassLoader()), () -> declare(c));
            if (!o.ok()) {
                problems.add(c.getName() + " refused: it " + o.failure());
                continue;
            }
            Declaration d = o.value();
            String problem = ExtensionSettings.declarationProblem(d.id(), d.settings());
            if (problem == null && !ids.add(d.id())) {
                problem = "another extension of the plugin has the id " + d.id();
            }
            if (problem == null && d.instance() instanceof org.leadline.plugin.api.process.ProcessDefinition process) {
                List<String> invalid = ArchiveValidation.processProblems(pluginId, d.id(), process,
                        w.getPluginClassLoader(), guard);
                problem = invalid.isEmpty() ? null : String.join("; ", invalid);
            }
            if (problem != null) {
                problems.add(c.getName() + " refused: " + problem);
                LOG.warning("Plugin " + pluginId + ": extension " + c.getName() + " refused: " + problem);
                continue;
            }
            extensions.add(new Registry.Extension(pluginId, w.getDescriptor().getVersion(), d.id(), kind.get(),
                    d.description() == null ? "" : d.description(), List.copyOf(d.settings()), d.instance(),
                    w.getPluginClassLoader(), d.delivery(), d.kinds()));
        }
        extensions.sort(Comparator.comparing(Registry.Extension::id));
        return new CachedExtensions(w, List.copyOf(extensions), List.copyOf(problems));
    }

    static Declaration declare(Class<?> c) throws ReflectiveOperationException {
        LeadlineExtension e = (LeadlineExtension) c.getDeclaredConstructor().newInstance();
        LeadLifecycleListener.Delivery delivery = null;
        Set<LeadLifecycleEvent.Kind> kinds = Set.of();
        if (e instanceof LeadLifecycleListener l) {
            delivery = l.delivery() == null ? LeadLifecycleListener.Delivery.AFTER_COMMIT : l.delivery();
            kinds = l.kinds() == null || l.kinds().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(l.kinds()));
        }
        return new Declaration(e, e.id(), e.description(), e.settings(), delivery, kinds);
    }

    // ---- helpers

    private static ProblemException refused(String reason) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The plugin archive was refused: " + reason,
                List.of(new FieldError("archive", reason)));
    }

    /** A refusal with several problems, each a field error of its own. */
    private static ProblemException refused(List<String> reasons) {
        if (reasons.size() == 1) {
            return refused(reasons.get(0));
        }
        return new ProblemException(ProblemType.UNPROCESSABLE, "The plugin archive was refused: " + reasons.size()
                + " problems: " + String.join("; ", reasons),
                reasons.stream().map(r -> new FieldError("archive", r)).toList());
    }

    private static void copyLimited(InputStream in, Path target, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new ProblemException(ProblemType.BODY_TOO_LARGE,
                            "The plugin archive exceeds the limit of " + max + " bytes (" + PluginSettings.MAX_ARCHIVE_BYTES + ")");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw refused("the request body is empty; send the jar or zip as the body");
        }
    }

    private void deleteArchive(Path path) {
        try {
            if (Files.isDirectory(path)) {
                // A zip plugin runs from the folder PF4J unpacked next to it.
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                Files.deleteIfExists(path.resolveSibling(path.getFileName() + ".zip"));
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warning("Cannot delete plugin archive " + path + ": " + e.getMessage());
        }
    }

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
