package org.leadline.plugin.api;

import java.util.List;

import org.pf4j.ExtensionPoint;

/**
 * What every Leadline extension has: a stable id and the settings it needs.
 *
 * <p>Implement one of the extension points ({@code LeadSource}, {@code ScoringRule},
 * {@code ProcessDefinition}, {@code ConversionHandler}, {@code LeadLifecycleListener}), annotate the
 * class with {@link org.pf4j.Extension @Extension} and give it a public no-argument constructor.
 * The server creates one instance per loaded plugin version and uses it for every tenant, from
 * several threads at once: keep it stateless, or thread-safe.
 *
 * <p>The id and the settings are read once when the plugin starts; they must not change while it runs.
 */
@Stable(since = "1.0")
public interface LeadlineExtension extends ExtensionPoint {

    /**
     * The extension's id within its plugin: lower-case letters, digits and dashes, starting with a
     * letter, at most 63 characters (e.g. {@code "webhook-on-qualify"}). Tenants' enablement and
     * settings are stored under plugin id + extension id, so keep it unchanged across versions.
     */
    String id();

    /** A one-line description an administrator sees when choosing extensions. */
    default String description() {
        return "";
    }

    /**
     * The settings a tenant administrator fills in, in display order. The server validates the
     * tenant's values against them and passes the result as {@link PluginContext#config()}; an
     * extension with a required setting that has no value and no default cannot be enabled.
     */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Whether this extension belongs on wherever its plugin is already in use, should it arrive in
     * an upgrade. An upgrade never switches on anything by itself: an extension new in a version
     * starts off for every existing tenant. For one that answers {@code true} the platform
     * administrator may confirm that it goes on for the tenants that use the plugin (have another
     * of its extensions enabled); until then, and for every other tenant, it stays off. Use it for
     * an extension that completes what the plugin already does (a companion scoring rule), not for
     * one that sends data somewhere new.
     *
     * @since 1.1
     */
    default boolean defaultOn() {
        return false;
    }
}
