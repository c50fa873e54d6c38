package org.leadline.server.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The operator's configuration file, {@code leadline.properties}, and the defaults derived from it.
 *
 * <p>The file is looked up at the path given by the system property or environment variable
 * {@code leadline.config.file} / {@code LEADLINE_CONFIG_FILE}, else in the working directory (which
 * the launcher sets to the distribution folder). Its ordinal (250) places it below environment
 * variables (300) and system properties (400), so an operator can always override a file value
 * for one run. Defaults that depend on other values (the Derby URL depends on the data directory)
 * are computed here once, with an ordinal of 1, so any real source wins.
 */
public class LeadlineConfigSource implements ConfigSource {

    public static final String FILE_NAME = "leadline.properties";

    private final Map<String, String> properties;

    public LeadlineConfigSource() {
        Map<String, String> values = readFile(configFile());
        // Payara's OpenAPI scanner takes every bean-validation annotation on a method parameter for
        // one on a @PathParam and fails the whole document with a NullPointerException; the lead
        // form's records carry such annotations on their constructors. Request bodies are read as
        // JSON objects, so the document loses nothing.
        values.putIfAbsent("mp.openapi.scan.beanvalidation", "false");
        this.properties = Map.copyOf(values);
    }

    static Path configFile() {
        String explicit = System.getProperty("leadline.config.file", System.getenv("LEADLINE_CONFIG_FILE"));
        return explicit != null && !explicit.isBlank() ? Path.of(explicit) : Path.of(FILE_NAME);
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file.toAbsolutePath(), e);
        }
        Map<String, String> map = new HashMap<>();
        props.forEach((k, v) -> map.put(k.toString().trim(), v.toString().trim()));
        return map;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "leadline-file:" + configFile().toAbsolutePath();
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
