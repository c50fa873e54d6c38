package org.leadline.server.plugins;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * The platform administrator's confirmation that extensions an upgrade brought, which declare
 * themselves default-on, go on for the tenants that use their plugin. Without it they stay off:
 * an upgrade by itself never switches anything on.
 */
@ApplicationScoped
public class DefaultOnConfirmations {

    @Inject
    PluginHost host;

    @Inject
    TenantExtensions tenantExtensions;

    /** Confirms each named extension of the started plugin; every name must declare default-on. */
    PluginView.DefaultOnConfirmed confirm(String pluginId, PluginView.DefaultOnConfirmation request) {
        Registry.Plugin plugin = host.registry().plugins().get(pluginId);
        if (plugin == null) {
            throw ProblemException.notFound("Plugin " + pluginId);
        }
        if (!"STARTED".equals(plugin.state())) {
            throw new ProblemException(ProblemType.CONFLICT, "Plugin " + pluginId + " is " + plugin.state()
                    + ": what its extensions declare is known only while it runs; start it first");
        }
        if (request == null || request.extensions() == null || request.extensions().isEmpty()) {
            throw ProblemException.validation(List.of(new FieldError("extensions",
                    "must name at least one extension whose default-on is confirmed")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Registry.Extension> confirmed = new ArrayList<>();
        List<String> names = List.copyOf(new LinkedHashSet<>(request.extensions()));
        for (int i = 0; i < request.extensions().size(); i++) {
            String name = request.extensions().get(i);
            Registry.Extension e = plugin.extensions().stream().filter(x -> x.id().equals(name)).findFirst().orElse(null);
            String field = "extensions[" + i + "]";
            if (e == null) {
                errors.add(new FieldError(field, "is not an extension of plugin " + pluginId + " " + plugin.version()));
            } else if (!e.defaultOn()) {
                errors.add(new FieldError(field, "extension " + name + " of plugin " + pluginId + " " + plugin.version()
                        + " does not declare itself default-on; a tenant administrator enables it"));
            } else if (!confirmed.contains(e)) {
                confirmed.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        int enabled = 0;
        int missing = 0;
        for (Registry.Extension e : confirmed) {
            TenantExtensions.Confirmed c = tenantExtensions.confirmDefaultOn(pluginId, e.id(), e.settings());
            enabled += c.enabled();
            missing += c.missingSettings();
        }
        return new PluginView.DefaultOnConfirmed(pluginId, plugin.version(), names, enabled, missing,
                tenantExtensions.awaitingDefaultOn().getOrDefault(pluginId, List.of()));
    }

    /** The extensions of each plugin whose default-on awaits confirmation. */
    Map<String, List<String>> awaiting() {
        return tenantExtensions.awaitingDefaultOn();
    }
}
