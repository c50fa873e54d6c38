package org.leadline.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API. The server uses it as PF4J's system version, so a plugin states
 * what it needs in its manifest: {@code Plugin-Requires: >=1.0.0 & <2.0.0}. A plugin whose
 * requirement the running server does not meet is refused when it is installed or loaded.
 */
@Stable(since = "1.0")
public final class PluginApi {

    /** The semantic version of the plugin API the running server provides, e.g. {@code 1.0.0}. */
    public static final String VERSION = load();

    private PluginApi() {
    }

    private static String load() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin API jar");
            }
            Properties p = new Properties();
            p.load(in);
            // A snapshot build provides the version it is heading for, so ">=1.0.0" holds on 1.0.0-SNAPSHOT.
            return p.getProperty("version").replace("-SNAPSHOT", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
