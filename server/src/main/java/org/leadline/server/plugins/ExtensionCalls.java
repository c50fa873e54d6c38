package org.leadline.server.plugins;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.plugin.api.PluginContext;

/**
 * The one guarded way the features call an extension: under the host's read lock (a swap waits
 * for the call; a call never reaches a version being unloaded), only while the extension is still
 * the started one, with the tenant's {@link PluginContext}, through the {@link Guard} (the plugin's
 * class loader, its bulkhead, the time limit, metrics by plugin id and the tenant's quarantine).
 * The per-kind classes ({@link ScoringRules}, {@link ProcessDefinitions}, {@link ConversionHandlers},
 * {@link LeadSources}, {@link LifecycleListeners}) type the calls; the features orchestrate them.
 */
@ApplicationScoped
public class ExtensionCalls {

    /** Plugin code given the tenant's context. */
    @FunctionalInterface
    public interface Body<T> {
        T call(PluginContext context) throws Exception;
    }

    /** Plugin code for one input of a batch. */
    @FunctionalInterface
    public interface EachBody<I, T> {
        T call(I input, PluginContext context) throws Exception;
    }

    @Inject
    PluginHost host;

    private final Map<String, System.Logger> pluginLoggers = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Calls the extension for the tenant under the guard's default time limit. Never throws. */
    public <T> Guard.Outcome<T> call(String tenantId, Extensions.Enabled e, Body<T> body) {
        return call(tenantId, e, null, body);
    }

    /** As {@link #call(String, Extensions.Enabled, Body)} with a time limit of its own ({@code null}: the default). */
    public <T> Guard.Outcome<T> call(String tenantId, Extensions.Enabled e, Duration timeout, Body<T> body) {
        return host.underReadLock(() -> {
            if (!host.isCurrent(e.extension())) {
                return replaced();
            }
            PluginContext context = context(tenantId, e);
            Guard.Target target = target(tenantId, e);
            return timeout == null ? host.guard().call(target, () -> body.call(context))
                    : host.guard().call(target, timeout, () -> body.call(context));
        });
    }

    /** Calls the extension for each input in turn on one guard thread ({@link Guard#callEach}). Never throws. */
    public <I, T> List<Guard.Outcome<T>> callEach(String tenantId, Extensions.Enabled e, List<I> inputs, EachBody<I, T> body) {
        return host.underReadLock(() -> {
            if (!host.isCurrent(e.extension())) {
                return inputs.stream().map(i -> ExtensionCalls.<T>replaced()).toList();
            }
            PluginContext context = context(tenantId, e);
            return host.guard().callEach(target(tenantId, e), inputs, input -> body.call(input, context));
        });
    }

    private static <T> Guard.Outcome<T> replaced() {
        return new Guard.Outcome<>(null, "was not called: its plugin was changed meanwhile", false);
    }

    private static Guard.Target target(String tenantId, Extensions.Enabled e) {
        Registry.Extension x = e.extension();
        return new Guard.Target(tenantId, x.pluginId(), x.id(), x.loader());
    }

    private PluginContext context(String tenantId, Extensions.Enabled e) {
        String pluginId = e.pluginId();
        System.Logger logger = pluginLoggers.computeIfAbsent(pluginId, id -> System.getLogger("leadline.plugin." + id));
        return new PluginContext(tenantId, pluginId, e.id(), e.config(), clock, logger,
                host.egress().forCaller(pluginId, tenantId));
    }
}
