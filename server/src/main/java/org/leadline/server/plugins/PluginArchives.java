package org.leadline.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.leadline.plugin.api.PluginApi;

/** The plugin folders' archives: which may be loaded (and why not), and removing one. */
final class PluginArchives {

    private static final Logger LOG = Logger.getLogger(PluginArchives.class.getName());

    private PluginArchives() {
    }

    /** The archives of a folder that may be loaded; the others are put in {@code refusals} with the reason. */
    static List<PluginArchive> inspectAll(Path dir, PluginRuntime runtime, Map<String, String> refusals) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PluginArchive> archives = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(PluginArchive::isArchive).sorted().toList()) {
                boolean zip = p.toString().endsWith(".zip");
                Optional<String> refusal = inspect(p, zip, runtime);
                if (refusal.isPresent()) {
                    refusals.put(p.getFileName().toString(), refusal.get());
                    LOG.severe("Refused plugin archive " + p + ": " + refusal.get());
                } else {
                    archives.add(PluginArchive.read(p, zip));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot list plugin folder " + dir, e);
        }
        return archives;
    }

    /** Why an archive must not be loaded, or empty. */
    static Optional<String> inspect(Path p, boolean zip, PluginRuntime runtime) {
        Optional<String> bundled = ClassLoaderBoundary.bundledHostClasses(p);
        if (bundled.isPresent()) {
            return bundled;
        }
        PluginArchive archive;
        try {
            archive = PluginArchive.read(p, zip);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            if (!runtime.satisfies(archive.requiresOrAny())) {
                return Optional.of("plugin " + archive.id() + " " + archive.version() + " requires plugin API "
                        + archive.requiresOrAny() + ", this server provides " + PluginApi.VERSION);
            }
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** Deletes an archive, or the folder PF4J unpacked a zip into, and the zip. */
    static void deleteArchive(Path path) {
        try {
            if (Files.isDirectory(path)) {
                // A zip plugin runs from the folder PF4J unpacked next to it.
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                Files.deleteIfExists(path.resolveSibling(path.getFileName() + ".zip"));
            } else {
                Files.deleteIfExists(path);
                String name = path.getFileName().toString();
                Path unpacked = path.resolveSibling(name.substring(0, name.length() - 4));
                if (name.endsWith(".zip") && Files.isDirectory(unpacked)) {
                    // A zip tried or run: PF4J unpacked it beside itself.
                    deleteArchive(unpacked);
                }
            }
        } catch (IOException e) {
            LOG.warning("Cannot delete plugin archive " + path + ": " + e.getMessage());
        }
    }

}
