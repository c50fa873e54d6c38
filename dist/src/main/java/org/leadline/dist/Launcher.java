package org.leadline.dist;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Starts Leadline: Payara Micro with the server deployed at the root context.
 *
 * <p>Settings are read like MicroProfile Config reads them, highest first: system properties
 * ({@code -Dleadline.http.port=9090}), environment variables ({@code LEADLINE_HTTP_PORT}), then
 * {@code leadline.properties} beside this jar. The launcher itself needs only the HTTP port; it
 * points the server at the configuration file and the built-in plugins folder, and the server
 * reads everything else. Extra arguments are passed to Payara Micro unchanged.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path home = home();
        Path configFile = Path.of(setting("leadline.config.file", null, home.resolve("leadline.properties").toString()));
        Properties file = load(configFile);

        System.setProperty("leadline.config.file", configFile.toAbsolutePath().toString());
        if (setting("leadline.plugins.dir", file, null) == null) {
            System.setProperty("leadline.plugins.dir", home.resolve("plugins").toString());
        }
        String port = setting("leadline.http.port", file, "8080");

        List<String> payaraArgs = new ArrayList<>(List.of(
                "--deploy", home.resolve("lib").resolve("leadline-server.war").toString(),
                "--contextroot", "/",
                "--port", port,
                "--nocluster",
                "--disablephonehome",
                "--nohostaware"));
        payaraArgs.addAll(Arrays.asList(args));
        System.out.println("Starting Leadline on port " + port + " (configuration: " + configFile.toAbsolutePath()
                + (Files.isRegularFile(configFile) ? "" : ", not present: defaults apply") + ")");
        Class.forName("fish.payara.micro.PayaraMicro")
                .getMethod("main", String[].class)
                .invoke(null, (Object) payaraArgs.toArray(String[]::new));
    }

    /** A setting by MicroProfile Config's precedence: system property, environment, file, default. */
    static String setting(String key, Properties file, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null && file != null) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
        }
        return props;
    }

    private static Path home() throws URISyntaxException {
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return (Files.isDirectory(jar) ? jar : jar.getParent()).toAbsolutePath();
    }
}
