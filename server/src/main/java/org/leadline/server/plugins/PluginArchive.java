package org.leadline.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a plugin archive says about itself, read before anything of it is loaded: a jar's manifest
 * ({@code Plugin-Id}, ...) or a zip's {@code plugin.properties} ({@code plugin.id}, ...), the two
 * layouts PF4J loads.
 */
public record PluginArchive(Path path, String id, String version, String requires, String provider,
                            String description, boolean zip) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    /** Reads the descriptor; throws {@link IllegalArgumentException} with a user-facing reason. */
    public static PluginArchive read(Path path, boolean zip) {
        try (ZipFile file = new ZipFile(path.toFile())) {
            PluginArchive archive = zip ? fromProperties(path, file) : fromManifest(path, file);
            if (archive.id() == null || !ID.matcher(archive.id()).matches()) {
                throw new IllegalArgumentException("its plugin id " + (archive.id() == null ? "is missing" : "'"
                        + archive.id() + "' is not lower-case letters, digits and dashes starting with a letter"));
            }
            if (archive.version() == null || archive.version().isBlank()) {
                throw new IllegalArgumentException("its plugin version is missing");
            }
            return archive;
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not a readable " + (zip ? "zip" : "jar") + ": " + e.getMessage());
        }
    }

    /** Jars and zips in a folder are plugin archives; PF4J's working folders are not. */
    public static boolean isArchive(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && !name.startsWith(".") && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    private static PluginArchive fromManifest(Path path, ZipFile file) throws IOException {
        ZipEntry entry = file.getEntry("META-INF/MANIFEST.MF");
        if (entry == null) {
            throw new IllegalArgumentException("it has no META-INF/MANIFEST.MF with Plugin-Id and Plugin-Version");
        }
        try (InputStream in = file.getInputStream(entry)) {
            Attributes a = new Manifest(in).getMainAttributes();
            return new PluginArchive(path, a.getValue("Plugin-Id"), a.getValue("Plugin-Version"),
                    a.getValue("Plugin-Requires"), a.getValue("Plugin-Provider"), a.getValue("Plugin-Description"), false);
        }
    }

    private static PluginArchive fromProperties(Path path, ZipFile file) throws IOException {
        ZipEntry entry = file.getEntry("plugin.properties");
        if (entry == null) {
            throw new IllegalArgumentException("it has no plugin.properties with plugin.id and plugin.version");
        }
        try (InputStream in = file.getInputStream(entry)) {
            Properties p = new Properties();
            p.load(in);
            return new PluginArchive(path, p.getProperty("plugin.id"), p.getProperty("plugin.version"),
                    p.getProperty("plugin.requires"), p.getProperty("plugin.provider"),
                    p.getProperty("plugin.description"), true);
        }
    }

    public String requiresOrAny() {
        return requires == null || requires.isBlank() ? "*" : requires.strip();
    }
}
