package org.leadline.server.plugins;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;

/**
 * A plugin as the platform administrator's API shows it, and the parts of it the tenant
 * administrator's extension API shares ({@link ExtensionChoices}).
 */
@Schema(name = "Plugin", description = "A plugin the server knows: its state, its extensions, what went wrong and "
        + "how its extensions behave at run time")
public record PluginView(
        @NotNull String id,
        @NotNull @Schema(description = "The plugin's own version (not a resource version: no ETag)") String version,
        @NotNull @Schema(description = "The PF4J plugin state", example = "STARTED",
                enumeration = {"CREATED", "DISABLED", "RESOLVED", "STARTED", "STOPPED", "FAILED", "UNLOADED"})
        String state,
        @NotNull @Schema(description = "Shipped with the server (in the built-in folder) rather than uploaded")
        Boolean builtIn,
        String provider,
        String description,
        @Schema(description = "The plugin API versions it requires, e.g. >=1.0") String requires,
        @Schema(description = "Why it is FAILED") String failure,
        @NotNull @Schema(description = "The archive's file name") String archive,
        @NotNull @Schema(description = "Its started extensions; empty unless STARTED") List<Extension> extensions,
        @NotNull @Schema(description = "Extensions refused when it started, and why") List<String> problems,
        @Schema(description = "Calls into the plugin since the server started: calls, failures, timeouts, "
                + "skippedQuarantined, rejectedBusy (calls not made because the plugin's or the tenant's share of "
                + "concurrent calls was in use; never a failure), meanMicros") Map<String, Long> metrics,
        @Schema(description = "Its extensions quarantined for a tenant after repeated failures")
        List<Quarantine> quarantines,
        @Schema(description = "How long loading and starting it took in this run, in milliseconds")
        BigDecimal loadMillis,
        @Schema(description = "The version an upload replaced (upgrade in place)") String replacedVersion,
        @NotNull @Schema(description = "Extensions new in an upgrade that declare themselves default-on and wait "
                + "for the platform administrator's confirmation (POST .../default-on/confirm) to go on for the "
                + "tenants that use the plugin; off until then") List<String> awaitingDefaultOn) {

    /** The view of {@code p}; without metrics and quarantines when there is no guard. */
    static PluginView of(Registry.Plugin p, Guard guard, BigDecimal loadMillis, String replacedVersion) {
        return of(p, guard, loadMillis, replacedVersion, List.of());
    }

    /** The view of {@code p} with the extensions whose default-on awaits confirmation. */
    static PluginView of(Registry.Plugin p, Guard guard, BigDecimal loadMillis, String replacedVersion,
                         List<String> awaitingDefaultOn) {
        Map<String, Long> metrics = null;
        List<Quarantine> quarantines = null;
        if (guard != null) {
            metrics = guard.metrics(p.id()).snapshot();
            quarantines = guard.quarantinesOf(p.id()).stream().map(q -> new Quarantine(q[0], q[1])).toList();
        }
        return new PluginView(p.id(), p.version(), p.state(), p.builtIn(), text(p.provider()), text(p.description()),
                text(p.requires()), text(p.failure()), p.archive().getFileName().toString(),
                p.extensions().stream().map(Extension::of).toList(), List.copyOf(p.problems()), metrics, quarantines,
                loadMillis, replacedVersion, List.copyOf(awaitingDefaultOn));
    }

    private static String text(String value) {
        return value != null && !value.isBlank() ? value : null;
    }

    /** An extension a started plugin offers. */
    @Schema(name = "PluginExtension", description = "An extension a started plugin offers, with the settings a "
            + "tenant may give it")
    public record Extension(
            @NotNull String pluginId,
            @NotNull String pluginVersion,
            @NotNull String id,
            @NotNull ExtensionKind kind,
            @NotNull String description,
            @NotNull List<SettingDeclaration> settings,
            @Schema(description = "When a lifecycle listener hears of changes",
                    enumeration = {"AFTER_COMMIT", "IN_TRANSACTION"}) String delivery,
            @NotNull @Schema(description = "Whether it declares itself default-on: should it arrive in an upgrade, "
                    + "the platform administrator may confirm that it goes on for the tenants that use the plugin")
            Boolean defaultOn) {

        static Extension of(Registry.Extension e) {
            return new Extension(e.pluginId(), e.pluginVersion(), e.id(), e.kind(), e.description(),
                    e.settings().stream().map(SettingDeclaration::of).toList(),
                    e.delivery() == null ? null : e.delivery().name(), e.defaultOn());
        }
    }

    /** The platform administrator's confirmation of extensions' default-on. */
    @Schema(name = "DefaultOnConfirmation", description = "Extensions of the plugin, each declaring itself "
            + "default-on, that go on for the tenants that use the plugin and were waiting for this confirmation",
            example = "{\"extensions\": [\"companion-rule\"]}")
    public record DefaultOnConfirmation(
            @NotNull @jakarta.validation.constraints.Size(min = 1, max = 100)
            @Schema(description = "Extension ids of the started plugin that declare themselves default-on")
            List<@NotNull String> extensions) {
    }

    /** What the confirmation did. */
    @Schema(name = "DefaultOnConfirmed", description = "What confirming extensions' default-on did")
    public record DefaultOnConfirmed(
            @NotNull String pluginId,
            @NotNull String pluginVersion,
            @NotNull @Schema(description = "The extensions confirmed") List<String> extensions,
            @NotNull @Schema(description = "How many tenants' extensions went on") Integer tenantsEnabled,
            @NotNull @Schema(description = "How many stayed off because a required setting without a default has "
                    + "no value for the tenant; its administrator enables it after setting it") Integer tenantsMissingSettings,
            @NotNull @Schema(description = "What of the plugin still awaits confirmation") List<String> awaitingDefaultOn) {
    }

    /** A setting an extension declares. */
    @Schema(name = "ExtensionSetting", description = "A setting an extension declares; a tenant gives it a value")
    public record SettingDeclaration(
            @NotNull String name,
            @NotNull String label,
            @NotNull SettingType type,
            @NotNull String help,
            @NotNull Boolean required,
            @NotNull @Schema(description = "Its value is accepted, never shown") Boolean secret,
            @Schema(name = "default", description = "The value used when none is set; never shown for a secret")
            String defaultValue,
            @Schema(description = "The allowed values of a CHOICE") List<String> options,
            @Schema(description = "The smallest value of an INTEGER or DECIMAL") java.math.BigDecimal min,
            @Schema(description = "The largest value of an INTEGER or DECIMAL") java.math.BigDecimal max,
            @Schema(description = "A regular expression the whole value of a STRING matches") String pattern,
            @Schema(description = "Whether a STRING value may span several lines (a text area); absent for one line")
            Boolean multiLine) {

        static SettingDeclaration of(Setting s) {
            return new SettingDeclaration(s.name(), s.label(), s.type(), s.help(), s.required(), s.secret(),
                    s.defaultValue() != null && !s.secret() ? s.defaultValue() : null,
                    s.options().isEmpty() ? null : List.copyOf(s.options()), s.min(), s.max(), s.pattern(),
                    s.multiLine() ? Boolean.TRUE : null);
        }
    }

    /** An extension of the plugin quarantined for one tenant. */
    @Schema(name = "PluginQuarantine")
    public record Quarantine(@NotNull @Schema(format = "uuid") String tenantId, @NotNull String extensionId) {
    }

    /** An archive the server refused to load. */
    @Schema(name = "PluginRefusal")
    public record Refusal(@NotNull @Schema(description = "The archive's file name") String archive,
                          @NotNull String reason) {
    }

    /** What the installation runs. */
    @Schema(name = "PluginList", description = "The plugins the server knows, and the archives it refused")
    public record Listing(
            @NotNull @Schema(description = "The plugin API version this server provides") String pluginApiVersion,
            @NotNull @Schema(description = "How long loading all plugins took at start, in milliseconds")
            Long loadTimeMillis,
            @NotNull List<PluginView> items,
            @NotNull List<Refusal> refused) {
    }

    /** An extension as a tenant administrator sees it (written by {@link ExtensionChoices}). */
    @Schema(name = "Extension", description = "An extension the installation offers, as the tenant has set it up")
    public record Choice(
            @NotNull String pluginId,
            @NotNull String pluginVersion,
            @NotNull String id,
            @NotNull ExtensionKind kind,
            @NotNull String description,
            @NotNull List<SettingDeclaration> settings,
            @Schema(description = "When a lifecycle listener hears of changes",
                    enumeration = {"AFTER_COMMIT", "IN_TRANSACTION"}) String delivery,
            @NotNull @Schema(description = "Whether it works for the tenant") Boolean enabled,
            @NotNull @Schema(description = "The tenant's values of the settings that are not secret, by name")
            JsonObject values,
            @NotNull @Schema(description = "The names of the secret settings that have a value") List<String> secretsSet,
            @Schema(nullable = true, required = true, implementation = Quarantined.class, description = "null unless the extension "
                    + "is quarantined for the tenant after repeated failures; enabling it lifts the quarantine")
            Quarantined quarantined,
            @Schema(readOnly = true, required = true, description = "The version of the tenant's choice: increases with "
                    + "every change, 0 until the first; the ETag carries it") Long version) {
    }

    /** Why and since when an extension is quarantined for a tenant. */
    @Schema(name = "ExtensionQuarantine")
    public record Quarantined(Instant since, String reason) {
    }

    /** The extensions the installation offers. */
    @Schema(name = "ExtensionList", description = "Every extension of the installation, in one page")
    public record Choices(@NotNull List<Choice> items, @NotNull org.leadline.api.page.PageInfo page) {
    }
}
