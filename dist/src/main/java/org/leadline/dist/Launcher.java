package org.leadline.dist;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

    /** JVM options of the server process; the default bounds the heap. */
    static final String JVM_OPTIONS = "leadline.jvm.options";
    /** The server JVM's production options, also what the benchmarks measure the server with. */
    public static final String DEFAULT_JVM_OPTIONS = "-Xms96m -Xmx512m -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
            // a full collection gives memory back when more than 40 % of the heap is free after it
            // (the JVM's default, 70 %, kept the start's garbage: 240-270 MB committed for 100-110 MB live)
            + " -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40";
    private static final String CHILD = "leadline.launcher.server-jvm";
    /** The C heaps (glibc's arenas) of the server JVM the launcher starts; see {@link #runServerJvm}. */
    public static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";
    public static final String MALLOC_ARENAS = "2";

    public static void main(String[] args) throws Exception {
        Path home = home();
        Path configFile = Path.of(setting("leadline.config.file", null, home.resolve("leadline.properties").toString()));
        Properties file = load(configFile);

        List<String> jvmArguments = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (System.getProperty(CHILD) == null && !choosesHeap(jvmArguments)) {
            // Started without a heap limit (plain "java -jar"): run the server in a JVM of its own
            // with production options, so the heap is bounded instead of a quarter of the machine.
            System.exit(runServerJvm(home, setting(JVM_OPTIONS, file, DEFAULT_JVM_OPTIONS), jvmArguments, args));
        }

        System.setProperty("leadline.config.file", configFile.toAbsolutePath().toString());
        if (setting("leadline.plugins.dir", file, null) == null) {
            System.setProperty("leadline.plugins.dir", home.resolve("plugins").toString());
        }
        String port = setting("leadline.http.port", file, "8080");

        List<String> payaraArgs = new ArrayList<>(List.of(
                "--deploy", home.resolve("lib").resolve("leadline-server.war").toString(),
                "--prebootcommandfile", preBootCommands().toString(),
                "--postbootcommandfile", postBootCommands().toString(),
                "--contextroot", "/",
                "--port", port,
                "--nocluster",
                "--disablephonehome",
                "--nohostaware"));
        payaraArgs.addAll(Arrays.asList(args));
        System.out.println("Starting Leadline on port " + port + " (configuration: " + configFile.toAbsolutePath()
                + (Files.isRegularFile(configFile) ? "" : ", not present: defaults apply") + ")");
        Class<?> payaraMicro = Class.forName("fish.payara.micro.PayaraMicro");
        payaraMicro.getMethod("main", String[].class).invoke(null, (Object) payaraArgs.toArray(String[]::new));
        if (!deployed(payaraMicro)) {
            // Payara Micro keeps running without the application when its deployment fails (a bad
            // setting, a database it cannot reach): a server that answers nothing but 404s and whose
            // process looks healthy to a service manager. Stop instead, with the reason above.
            System.err.println("Leadline did not start: the server application failed to deploy "
                    + "(the reason is logged above, after the first SEVERE).");
            System.exit(1);
        }
        // Payara Micro's main returns once the application is deployed and the port is open.
        // The start leaves a heap of garbage (deployment, the schema, plugins); one full collection
        // now lets the heap shrink to what the idle server uses (see MaxHeapFreeRatio above)
        // instead of keeping it committed until the first full collection under load.
        System.gc();
        String trimmed = trimNativeHeap();
        if (trimmed != null) {
            System.out.println(trimmed.strip());
        }
        System.out.println("Leadline is ready: open http://localhost:" + port + "/ in a browser to sign in "
                + "(the API is at /api/v1, its reference at /api-docs/)");
    }

    /**
     * True when Payara Micro, whose main has returned, runs the server application: the instance's
     * own list of started applications (its registry's names include an application whose start failed).
     */
    private static boolean deployed(Class<?> payaraMicro) throws ReflectiveOperationException {
        Object runtime = payaraMicro.getMethod("getRuntime").invoke(payaraMicro.getMethod("getInstance").invoke(null));
        Object instance = Class.forName("fish.payara.micro.PayaraMicroRuntime").getMethod("getLocalDescriptor").invoke(runtime);
        Collection<?> applications = (Collection<?>) Class.forName("fish.payara.micro.data.InstanceDescriptor")
                .getMethod("getDeployedApplications").invoke(instance);
        Method name = Class.forName("fish.payara.micro.data.ApplicationDescriptor").getMethod("getName");
        for (Object application : applications) {
            if (APPLICATION.equals(name.invoke(application))) {
                return true;
            }
        }
        return false;
    }

    /** The server application's name in Payara Micro: its archive's name. */
    static final String APPLICATION = "leadline-server";

    /**
     * Commands Payara Micro runs once it has started. The server serves its own OpenAPI document
     * at {@code /openapi} (built from its resource classes), so Payara's scanner is switched off.
     */
    private static Path postBootCommands() throws IOException {
        Path file = Files.createTempFile("leadline-post-boot", ".asadmin");
        file.toFile().deleteOnExit();
        Files.writeString(file, "set-openapi-configuration --enabled=false\n");
        return file;
    }

    /** The HTTP listener all requests arrive on. */
    private static final String HTTP = "configs.config.server-config.network-config.protocols.protocol.http-listener.http.";

    /**
     * The HTTP listener's limits and banners, set before it opens (docs/rest-api.md, "Limits of the
     * HTTP listener"): no Server or X-Powered-By banner; request line and headers together at most
     * {@link #MAX_HEADER_BYTES}. Bodies are limited by the application, which answers 413 with a
     * problem (leadline.api.max-body-bytes and the limits of uploads), not by the listener, whose 413
     * would be its own HTML page. TRACE reaches the application, which answers it with a 405 problem
     * instead of the listener's bodiless one (it never echoes a request).
     *
     * <p>Payara's data grid (Hazelcast) is switched off: Leadline keeps all state that must hold
     * across server nodes in the database and uses no session replication, clustered beans or
     * JCache, yet with only {@code --nocluster} Payara Micro still starts a local Hazelcast member
     * (about 4,000 classes, 17 MB of metaspace and 44 threads on an idle server). Public because the
     * benchmark starts its baseline application with the same commands.
     */
    public static final List<String> PRE_BOOT_COMMANDS = List.of(
            "set " + HTTP + "server-header=false",
            "set " + HTTP + "xpowered-by=false",
            "set " + HTTP + "trace-enabled=true",
            "set " + HTTP + "header-buffer-length-bytes=" + Launcher.MAX_HEADER_BYTES,
            // a DELETE with a body reaches the application (which ignores the body) instead of
            // getting the listener's empty 400
            "set " + HTTP + "allow-payload-for-undefined-http-methods=true",
            // no data grid (above)
            "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false");

    static final int MAX_HEADER_BYTES = 16 * 1024;

    private static Path preBootCommands() throws IOException {
        Path file = Files.createTempFile("leadline-pre-boot", ".asadmin");
        file.toFile().deleteOnExit();
        Files.writeString(file, String.join("\n", PRE_BOOT_COMMANDS) + "\n");
        return file;
    }

    /**
     * Gives the C heap's free memory back to the operating system (the JVM's
     * {@code System.trim_native_heap} command, glibc's {@code malloc_trim}): the start frees far more
     * native memory (class loading, the compilers, the deployment's zip reading) than the idle
     * server uses, and the C library keeps it otherwise. Returns the JVM's report, or null where
     * the command does not exist (Java 17 before 17.0.9, other C libraries).
     */
    static String trimNativeHeap() {
        try {
            Object report = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return report == null ? null : report.toString();
        } catch (javax.management.JMException | RuntimeException e) {
            return null;
        }
    }

    /** True when the JVM's own options already set the heap: the user chose, the launcher obeys. */
    static boolean choosesHeap(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAM="));
    }

    /**
     * Runs the server in a child JVM with {@code options} (space-separated) and this JVM's own
     * arguments, forwarding standard streams and a shutdown; returns the child's exit code.
     */
    private static int runServerJvm(Path home, String options, List<String> jvmArguments, String[] args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!options.isBlank()) {
            command.addAll(Arrays.asList(options.strip().split("\\s+")));
        }
        command.addAll(jvmArguments);
        command.add("-D" + CHILD + "=true");
        // -jar, not -cp: the manifest's Add-Opens, which Payara Micro needs, apply only then
        command.addAll(List.of("-jar", home.resolve("leadline.jar").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // glibc gives each thread that allocates concurrently a C heap of its own (up to eight per
        // core); two keep the idle server about 15 MiB smaller at the same steady throughput
        // (docs/performance.md, "The data grid switched off"). A value set in the environment wins.
        builder.environment().putIfAbsent(MALLOC_ARENA_MAX, MALLOC_ARENAS);
        Process server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return server.waitFor();
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
