package org.leadline.server.plugins;

import java.nio.file.Path;
import java.util.List;

import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRuntimeException;

/**
 * PF4J configured for the server: plugins get the {@link ClassLoaderBoundary}'s class loader and
 * the system version is the plugin API's, so {@code Plugin-Requires} is checked against the
 * contract a plugin compiles against rather than the server's own version. Archives are loaded
 * one by one by {@link PluginHost}, never by scanning folders, so refusals are explained.
 */
final class PluginRuntime extends DefaultPluginManager {

    PluginRuntime(List<Path> roots, String systemVersion) {
        super(roots);
        setSystemVersion(systemVersion);
        // A plugin that needs "=1.0.0" still loads on 1.0.0; exact pins are rejected by PF4J otherwise.
        setExactVersionAllowed(true);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        ClassLoader parent = getClass().getClassLoader();
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return ClassLoaderBoundary.classLoader(pluginManager, descriptor, parent);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return ClassLoaderBoundary.classLoader(pluginManager, descriptor, parent);
                    }
                });
    }

    /** Whether the running plugin API satisfies the archive's {@code Plugin-Requires}. */
    boolean satisfies(String requires) {
        try {
            return "*".equals(requires) || getVersionManager().checkVersionConstraint(getSystemVersion(), requires);
        } catch (RuntimeException e) {
            throw new PluginRuntimeException("Plugin-Requires '" + requires + "' is not a version constraint", e);
        }
    }
}
