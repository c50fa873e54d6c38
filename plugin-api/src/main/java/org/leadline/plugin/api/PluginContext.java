package org.leadline.plugin.api;

import java.time.Clock;
import java.util.Objects;

/**
 * What the server gives an extension with every call: whose data this is, the tenant's validated
 * settings, the clock to use instead of {@code Instant.now()}, and a logger whose records carry the
 * plugin id and go to the server log.
 *
 * @param tenantId    the tenant on whose behalf the call is made; never {@code null}
 * @param pluginId    the id of the plugin the extension belongs to
 * @param extensionId the extension's {@link LeadlineExtension#id()}
 * @param config      the tenant's settings for this extension
 * @param clock       the server's clock (UTC)
 * @param logger      a logger named {@code leadline.plugin.<pluginId>}
 */
@Stable(since = "1.0")
public record PluginContext(String tenantId, String pluginId, String extensionId, ExtensionConfig config,
                            Clock clock, System.Logger logger) {

    public PluginContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(extensionId, "extensionId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(logger, "logger");
    }
}
