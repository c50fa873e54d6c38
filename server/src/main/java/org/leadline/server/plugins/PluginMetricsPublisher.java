package org.leadline.server.plugins;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Publishes the guard's counters of each plugin as application metrics. */
final class PluginMetricsPublisher {

    private PluginMetricsPublisher() {
    }

    /**
     * Publishes a plugin's guard counters at {@code /metrics} (application scope, tag {@code plugin}):
     * {@code leadline_plugin_calls}, {@code leadline_plugin_failures}, {@code leadline_plugin_timeouts},
     * {@code leadline_plugin_skipped_quarantined} and {@code leadline_plugin_rejected_busy}, each a running total since the server started.
     */
    static void publish(Instance<MetricRegistry> metricRegistry, String pluginId, Guard.PluginMetrics m) {
        if (metricRegistry == null || !metricRegistry.isResolvable()) {
            return;
        }
        MetricRegistry registry = metricRegistry.get();
        Tag tag = new Tag("plugin", pluginId);
        registry.gauge("leadline.plugin.calls", m, Guard.PluginMetrics::calls, tag);
        registry.gauge("leadline.plugin.failures", m, Guard.PluginMetrics::failures, tag);
        registry.gauge("leadline.plugin.timeouts", m, Guard.PluginMetrics::timeouts, tag);
        registry.gauge("leadline.plugin.skipped.quarantined", m, Guard.PluginMetrics::skipped, tag);
        registry.gauge("leadline.plugin.rejected.busy", m, Guard.PluginMetrics::rejected, tag);
    }

}
