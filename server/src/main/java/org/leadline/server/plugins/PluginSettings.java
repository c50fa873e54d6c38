package org.leadline.server.plugins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.leadline.server.platform.Settings;

/** The configuration keys of the plugin host, with their defaults. */
public final class PluginSettings {

    /** How long one call into a plugin may take (ISO-8601 duration). */
    public static final String CALL_TIMEOUT = "leadline.plugins.call-timeout";
    /** Consecutive failures after which an extension is quarantined for a tenant. */
    public static final String QUARANTINE_AFTER = "leadline.plugins.quarantine-after";
    /**
     * How long a plugin's {@code start()} may take (ISO-8601 duration); a plugin still starting
     * then ends FAILED and the server carries on without it.
     */
    public static final String START_TIMEOUT = "leadline.plugins.start-timeout";
    /**
     * Threads that run plugin calls, shared by all plugins; a call finding all busy fails at once.
     * The bulkheads below keep one plugin from taking them all.
     */
    public static final String CALL_THREADS = "leadline.plugins.call-threads";
    /** Calls one plugin may have running at once, across tenants; a call beyond fails at once. */
    public static final String BULKHEAD_PER_PLUGIN = "leadline.plugins.bulkhead.per-plugin";
    /** Calls one plugin may have running at once for one tenant; a call beyond fails at once. */
    public static final String BULKHEAD_PER_TENANT = "leadline.plugins.bulkhead.per-tenant";
    /** The largest plugin archive an administrator may upload, in bytes. */
    public static final String MAX_ARCHIVE_BYTES = "leadline.plugins.max-archive-bytes";
    /**
     * Which plugins' extensions a tenant has enabled until its administrator decides otherwise:
     * {@code builtin} (the plugins shipped in the plugins folder), {@code none}, or a comma-separated
     * list of plugin ids. Extensions with a required setting that has no default stay off.
     */
    public static final String TENANT_DEFAULTS = "leadline.plugins.tenant-defaults";
    /** Where uploaded plugin archives are kept; defaults to {@code plugins} in the data folder. */
    public static final String INSTALLED_DIR = "leadline.plugins.installed-dir";

    private PluginSettings() {
    }

    static Path builtInDir() {
        return Settings.pluginsDir();
    }

    static Path installedDir() {
        return Settings.get(INSTALLED_DIR).map(Path::of).orElseGet(() -> Settings.dataDir().resolve("plugins"))
                .toAbsolutePath().normalize();
    }

    static Duration callTimeout() {
        return Settings.get(CALL_TIMEOUT).map(Duration::parse).orElse(Duration.ofSeconds(2));
    }

    static Duration startTimeout() {
        return Settings.get(START_TIMEOUT).map(Duration::parse).orElse(Duration.ofSeconds(30));
    }

    static int quarantineAfter() {
        return Settings.get(QUARANTINE_AFTER).map(Integer::parseInt).orElse(5);
    }

    static int callThreads() {
        return positive(CALL_THREADS, 128);
    }

    static int bulkheadPerPlugin() {
        return positive(BULKHEAD_PER_PLUGIN, 32);
    }

    static int bulkheadPerTenant() {
        return positive(BULKHEAD_PER_TENANT, 16);
    }

    private static int positive(String key, int otherwise) {
        int value = Settings.get(key).map(String::strip).map(Integer::parseInt).orElse(otherwise);
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, is " + value);
        }
        return value;
    }

    static long maxArchiveBytes() {
        return Settings.get(MAX_ARCHIVE_BYTES).map(Long::parseLong).orElse(50L * 1024 * 1024);
    }

    /** {@code null} means "the built-in plugins". */
    static Set<String> tenantDefaults() {
        String value = Settings.get(TENANT_DEFAULTS).orElse("builtin").strip();
        if (value.equals("builtin")) {
            return null;
        }
        if (value.equals("none")) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
