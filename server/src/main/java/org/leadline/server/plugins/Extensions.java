package org.leadline.server.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.Setting;

/**
 * The extension registry as the features see it: which started extensions of a kind a tenant has
 * enabled, with the tenant's settings. A tenant without a choice of its own has the extensions of
 * the default plugins ({@code leadline.plugins.tenant-defaults}) whose required settings all have
 * defaults. Reads the current snapshot of the {@link PluginHost} and the cached choices; no query.
 */
@ApplicationScoped
public class Extensions {

    @Inject
    PluginHost host;

    @Inject
    TenantExtensions tenantExtensions;

    /** A started extension a tenant has enabled, with the tenant's stored settings. */
    public record Enabled(Registry.Extension extension, JsonObject settings) {

        public String pluginId() {
            return extension.pluginId();
        }

        public String id() {
            return extension.id();
        }

        public String key() {
            return extension.key();
        }

        /** The settings as the extension gets them: stored values, then defaults, typed. */
        ExtensionConfig config() {
            return ExtensionSettings.config(extension.settings(), settings);
        }
    }

    /** The tenant's enabled extensions of the kind, in the registry's order (plugin id, extension id). */
    public List<Enabled> enabled(String tenantId, ExtensionKind kind) {
        Registry registry = host.registry();
        List<Registry.Extension> candidates = kind == ExtensionKind.LIFECYCLE_LISTENER
                ? registry.lifecycleListeners() : registry.extensions();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Enabled> out = new ArrayList<>();
        for (Registry.Extension e : candidates) {
            if (e.kind() == kind) {
                settings(tenantId, e).ifPresent(s -> out.add(new Enabled(e, s)));
            }
        }
        return out;
    }

    /** Whether the tenant has any extension of the kind enabled: the features' cheap pre-check. */
    public boolean any(String tenantId, ExtensionKind kind) {
        Registry registry = host.registry();
        for (Registry.Extension e : kind == ExtensionKind.LIFECYCLE_LISTENER ? registry.lifecycleListeners() : registry.extensions()) {
            if (e.kind() == kind && settings(tenantId, e).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** One extension of the kind, if it is started and the tenant has it enabled. */
    public Optional<Enabled> enabled(String tenantId, ExtensionKind kind, String pluginId, String extensionId) {
        Registry.Plugin p = host.registry().plugins().get(pluginId);
        if (p == null) {
            return Optional.empty();
        }
        return p.extensions().stream().filter(e -> e.kind() == kind && e.id().equals(extensionId)).findFirst()
                .flatMap(e -> settings(tenantId, e).map(s -> new Enabled(e, s)));
    }

    /** Whether the extension of the kind is started (whoever has it enabled). */
    public boolean started(ExtensionKind kind, String pluginId, String extensionId) {
        Registry.Plugin p = host.registry().plugins().get(pluginId);
        return p != null && p.extensions().stream().anyMatch(e -> e.kind() == kind && e.id().equals(extensionId));
    }

    /** The secret settings each started extension declares, by {@code pluginId/extensionId}. */
    Map<String, Set<String>> secretSettings() {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Registry.Extension e : host.registry().extensions()) {
            Set<String> names = e.settings().stream().filter(Setting::secret).map(Setting::name)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            if (!names.isEmpty()) {
                secrets.put(e.key(), names);
            }
        }
        return secrets;
    }

    /** Whether a tenant without a choice of its own has this extension enabled. */
    boolean enabledByDefault(Registry.Extension e) {
        return host.defaultPlugin(e.pluginId())
                && ExtensionSettings.missingRequired(e.settings(), JsonValue.EMPTY_JSON_OBJECT).isEmpty();
    }

    /** The tenant's settings for an enabled extension, or empty when the tenant has it off. */
    Optional<JsonObject> settings(String tenantId, Registry.Extension e) {
        TenantExtensions.Choice c = tenantExtensions.choices(tenantId).get(e.key());
        if (c == null) {
            return enabledByDefault(e) ? Optional.of(JsonValue.EMPTY_JSON_OBJECT) : Optional.empty();
        }
        return c.enabled() ? Optional.of(c.settings()) : Optional.empty();
    }
}
