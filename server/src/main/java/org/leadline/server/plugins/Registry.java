package org.leadline.server.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;

/**
 * What is loaded right now: an immutable snapshot that {@link PluginHost} replaces as a whole on
 * every change, so a reader sees one consistent set of plugins and their cached extension instances.
 */
record Registry(Map<String, Plugin> plugins, List<Extension> lifecycleListeners) {

    static final Registry EMPTY = new Registry(Map.of(), List.of());

    /** A plugin the server knows, loaded or not. */
    record Plugin(String id, String version, String provider, String description, String requires,
                  String state, Path archive, boolean builtIn, String failure, List<Extension> extensions,
                  List<String> problems) {
    }

    /** One started extension: its cached instance and what it declared when the plugin started. */
    record Extension(String pluginId, String pluginVersion, String id, ExtensionKind kind, String description,
                     List<Setting> settings, LeadlineExtension instance, ClassLoader loader,
                     LeadLifecycleListener.Delivery delivery, Set<LeadLifecycleEvent.Kind> kinds, boolean defaultOn) {

        String key() {
            return pluginId + "/" + id;
        }
    }

    static Registry of(Collection<Plugin> plugins) {
        Map<String, Plugin> byId = new LinkedHashMap<>();
        List<Extension> listeners = new ArrayList<>();
        plugins.stream().sorted(java.util.Comparator.comparing(Plugin::id)).forEach(p -> {
            byId.put(p.id(), p);
            p.extensions().stream().filter(e -> e.kind() == ExtensionKind.LIFECYCLE_LISTENER).forEach(listeners::add);
        });
        return new Registry(java.util.Collections.unmodifiableMap(byId), List.copyOf(listeners));
    }

    List<Extension> extensions() {
        return plugins.values().stream().flatMap(p -> p.extensions().stream()).toList();
    }
}
