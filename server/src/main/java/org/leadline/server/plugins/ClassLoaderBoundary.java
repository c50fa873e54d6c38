package org.leadline.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * The one place that decides which classes a plugin shares with the server.
 *
 * <p>A plugin loads its own classes first (so its libraries may differ from the server's), except
 * for the packages below, which always come from the server: the JDK, Jakarta, PF4J, SLF4J and the
 * plugin API. Were a plugin to load its own copy of one of them, its extensions would not be
 * instances of the server's extension points ("not assignable"), or two logging set-ups would
 * fight. An archive that bundles pf4j or the plugin API is refused outright, with a message that
 * names the fix.
 *
 * <p>Jakarta Mail and Jakarta Activation are the exception within {@code jakarta.}: no type of
 * theirs crosses the plugin API, so a plugin that reads mail (the built-in e-mail source) brings
 * its own copy and loads it first, whatever the application server has or lacks. A plugin without
 * its own copy still gets the server's.
 */
public final class ClassLoaderBoundary {

    /** Package prefixes that always come from the server's class loader. */
    public static final List<String> PARENT_FIRST = List.of(
            "java.", "javax.", "jakarta.", "org.pf4j.", "org.slf4j.", "org.leadline.plugin.api.");

    /** Packages under a parent-first prefix that a plugin may bring itself; its own copy is loaded first. */
    public static final List<String> PLUGIN_MAY_BRING = List.of("jakarta.mail.", "jakarta.activation.");

    /** Class-file folders whose presence in a plugin archive means it bundles the host's copy. */
    private static final List<String> FORBIDDEN_FOLDERS = List.of("org/pf4j/", "org/leadline/plugin/api/");

    private ClassLoaderBoundary() {
    }

    public static boolean parentFirst(String className) {
        for (String prefix : PLUGIN_MAY_BRING) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        for (String prefix : PARENT_FIRST) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The class loader of one plugin: child-first, except across the boundary. */
    static PluginClassLoader classLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        return new PluginClassLoader(manager, descriptor, parent, ClassLoadingStrategy.PDA) {
            @Override
            protected boolean shouldDelegateToParent(String className) {
                return parentFirst(className) || super.shouldDelegateToParent(className);
            }
        };
    }

    /**
     * Why the archive must not be loaded, if it bundles classes that belong to the server: directly,
     * or inside a jar it carries (a zip's {@code lib/} folder, a fat jar).
     */
    public static Optional<String> bundledHostClasses(Path archive) {
        try (InputStream in = Files.newInputStream(archive)) {
            return bundled(new ZipInputStream(in), archive.getFileName().toString(), 0);
        } catch (IOException e) {
            return Optional.of("it is not a readable jar or zip: " + e.getMessage());
        }
    }

    private static Optional<String> bundled(ZipInputStream zip, String name, int depth) throws IOException {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            String entryName = entry.getName();
            for (String folder : FORBIDDEN_FOLDERS) {
                if (entryName.startsWith(folder) || entryName.contains("/" + folder) && entryName.startsWith("classes/")) {
                    return Optional.of(name + " contains " + entryName + ": it bundles "
                            + (folder.startsWith("org/pf4j") ? "pf4j" : "the Leadline plugin API")
                            + ", which the server provides; declare that dependency with <scope>provided</scope>");
                }
            }
            if (entryName.endsWith(".jar") && depth < 2) {
                Optional<String> nested = bundled(new ZipInputStream(zip), name + "!/" + entryName, depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
