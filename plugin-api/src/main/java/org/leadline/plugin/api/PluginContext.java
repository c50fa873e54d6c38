package org.leadline.plugin.api;

import java.time.Clock;
import java.util.Objects;

import org.leadline.plugin.api.net.Egress;

/**
 * What the server gives an extension with every call: whose data this is, the tenant's validated
 * settings, the clock to use instead of {@code Instant.now()}, a logger whose records carry the
 * plugin id and go to the server log, and (since 1.1) the egress every outbound connection goes
 * through.
 *
 * @param tenantId    the tenant on whose behalf the call is made; never {@code null}
 * @param pluginId    the id of the plugin the extension belongs to
 * @param extensionId the extension's {@link LeadlineExtension#id()}
 * @param config      the tenant's settings for this extension
 * @param clock       the server's clock (UTC)
 * @param logger      a logger named {@code leadline.plugin.<pluginId>}
 * @param egress      the only way to open a connection to another host: every one goes through the
 *                    server's egress policy (since 1.1)
 */
@Stable(since = "1.0")
public record PluginContext(String tenantId, String pluginId, String extensionId, ExtensionConfig config,
                            Clock clock, System.Logger logger, Egress egress) {

    public PluginContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(extensionId, "extensionId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(egress, "egress");
    }

    /**
     * The context as plugin API 1.0 defined it; its {@link #egress()} refuses every connection.
     * Kept so that plugins compiled against 1.0 that build contexts, e.g. in their tests, still link.
     */
    public PluginContext(String tenantId, String pluginId, String extensionId, ExtensionConfig config,
                         Clock clock, System.Logger logger) {
        this(tenantId, pluginId, extensionId, config, clock, logger, Egress.refusingAll());
    }
}
