package org.leadline.server.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/** A tenant administrator's use cases about extensions: see, enable, disable, configure. */
@RequestScoped
@Transactional
public class ExtensionChoices {

    @Inject
    PluginHost host;

    @Inject
    Extensions extensions;

    @Inject
    SecretSettings secrets;

    @Inject
    TenantExtensions tenantExtensions;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    public PluginView.Choices list() {
        String tenantId = caller.tenantId();
        Map<String, TenantExtensions.Choice> choices = tenantExtensions.choices(tenantId);
        List<PluginView.Choice> items = new ArrayList<>();
        for (Registry.Extension e : host.registry().extensions()) {
            items.add(view(tenantId, e, choices.get(e.key())));
        }
        return new PluginView.Choices(items, org.leadline.api.page.PageInfo.whole(items.size()));
    }

    public PluginView.Choice read(String pluginId, String extensionId) {
        Registry.Extension e = extension(pluginId, extensionId);
        return view(caller.tenantId(), e, tenantExtensions.choices(caller.tenantId()).get(e.key()));
    }

    /** Replaces the settings (secrets left out are kept); an enabled extension must stay complete. */
    public PluginView.Choice configure(String pluginId, String extensionId, JsonObject input, Long expectedVersion) {
        Registry.Extension e = extension(pluginId, extensionId);
        String tenantId = caller.tenantId();
        EntityManager em = persistence.em();
        TenantExtension row = tenantExtensions.row(em, pluginId, extensionId, extensions.enabledByDefault(e));
        Preconditions.check("Extension " + pluginId + "/" + extensionId, row.version(), expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        JsonObject stored = ExtensionSettings.parse(row.settings());
        JsonObject merged = ExtensionSettings.merge(e.settings(), input, stored, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        merged = secrets.seal(tenantId, pluginId, extensionId, e.settings(), merged);
        row.replaceSettings(merged.toString());
        em.flush();
        tenantExtensions.invalidateAfterTransaction(tenantId);
        return view(tenantId, e, new TenantExtensions.Choice(row.enabled(), merged, row.quarantinedAt(), row.quarantineReason(),
                row.version()));
    }

    /** Enables the extension, and lifts a quarantine: the administrator says it deserves another try. */
    public PluginView.Choice enable(String pluginId, String extensionId, boolean enabled, Long expectedVersion) {
        Registry.Extension e = extension(pluginId, extensionId);
        String tenantId = caller.tenantId();
        EntityManager em = persistence.em();
        TenantExtension row = tenantExtensions.row(em, pluginId, extensionId, extensions.enabledByDefault(e));
        Preconditions.check("Extension " + pluginId + "/" + extensionId, row.version(), expectedVersion);
        JsonObject stored = ExtensionSettings.parse(row.settings());
        if (enabled) {
            List<String> missing = ExtensionSettings.missingRequired(e.settings(), stored);
            if (!missing.isEmpty()) {
                throw ProblemException.validation(missing.stream()
                        .map(n -> new FieldError("settings." + n, "is required before the extension can be enabled")).toList());
            }
        }
        row.enable(enabled);
        em.flush();
        if (enabled && host.guard() != null) {
            host.guard().release(tenantId, pluginId, extensionId);
        }
        tenantExtensions.invalidateAfterTransaction(tenantId);
        return view(tenantId, e, new TenantExtensions.Choice(row.enabled(), stored, row.quarantinedAt(), row.quarantineReason(),
                row.version()));
    }

    private Registry.Extension extension(String pluginId, String extensionId) {
        return host.registry().extensions().stream()
                .filter(x -> x.pluginId().equals(pluginId) && x.id().equals(extensionId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Extension " + pluginId + "/" + extensionId));
    }

    private PluginView.Choice view(String tenantId, Registry.Extension e, TenantExtensions.Choice choice) {
        JsonObject stored = choice == null ? JsonValue.EMPTY_JSON_OBJECT : choice.settings();
        boolean enabled = choice == null ? extensions.enabledByDefault(e) : choice.enabled();
        boolean quarantined = host.guard() != null && host.guard().isQuarantined(tenantId, e.pluginId(), e.id());
        PluginView.Quarantined q = null;
        if (quarantined || choice != null && choice.quarantinedAt() != null && enabled) {
            q = choice != null && choice.quarantinedAt() != null
                    ? new PluginView.Quarantined(choice.quarantinedAt(), choice.quarantineReason())
                    : new PluginView.Quarantined(null, null);
        }
        PluginView.Extension x = PluginView.Extension.of(e);
        return new PluginView.Choice(x.pluginId(), x.pluginVersion(), x.id(), x.kind(), x.description(), x.settings(),
                x.delivery(), enabled, ExtensionSettings.visible(e.settings(), stored),
                ExtensionSettings.secretsSet(e.settings(), stored), q, choice == null ? 0L : choice.version());
    }
}
