package org.leadline.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.leadline.dist.Launcher;

/**
 * A real Leadline distribution ({@code dist/target/leadline}) started as a user starts it
 * ({@code java -jar leadline.jar}) in a child process, on a free port, with its own data folder
 * (Derby) or its own fresh PostgreSQL database, chosen by the system property
 * {@code leadline.it.db} ({@code derby} or {@code postgresql}).
 *
 * <p>Starting costs about 20 s, so {@link #shared()} starts one server per test JVM that all test
 * classes use; each test class isolates itself by creating its own tenants. Tests that must
 * restart a server start their own with {@link #start(Path, Map)}.
 */
public final class LeadlineServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "platform-admin-secret";
    public static final String OWNER = "owner";
    public static final String OWNER_PASSWORD = "default-owner-secret";
    /** The metrics token of the shared server (leadline.metrics.token), as a scraper sends it. */
    public static final String METRICS_TOKEN = "metrics-scraper-token-of-the-shared-test-server";
    /**
     * The address the tests' own outside services (webhook receivers, IMAP servers) listen on. A
     * loopback address like all of 127.0.0.0/8, so the egress policy refuses it by default; every
     * test server allows it (leadline.egress.allow), and 127.0.0.1 stays refused for the tests of
     * the policy. Linux routes all of 127.0.0.0/8 to the loopback interface.
     */
    public static final String OUTSIDE_HOST = "127.0.0.2";

    private static LeadlineServer shared;

    private final Path workDir;
    private final Map<String, String> env;
    private final List<String> jvm;
    private final int port;
    private Process process;

    private LeadlineServer(Path workDir, Map<String, String> env, List<String> jvm, int port) {
        this.workDir = workDir;
        this.env = env;
        this.jvm = jvm;
        this.port = port;
    }

    /** The server all black-box tests of this JVM share, started on first use. */
    public static synchronized LeadlineServer shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("leadline-it-");
                // Every request of the shared server tells its statement count (StatementBudgetIT).
                // A search word drives the list query only up to 3 matching leads, so the small data
                // sets of the tests take both of the list's search plans (LeadApiIT$Lists). One node:
                // the extension choices are re-read only when they change here, so a statement count
                // never includes a periodic re-read (StatementBudgetIT).
                shared = start(dir, Map.of("LEADLINE_METRICS_TOKEN", METRICS_TOKEN, "LEADLINE_DIAGNOSTICS_STATEMENT_COUNT", "true",
                        "LEADLINE_SEARCH_DRIVING_LIMIT", "3", "LEADLINE_SEARCH_INDEX_DRIVING_LIMIT", "3", "LEADLINE_PLUGINS_CHOICES_TTL", "PT1H"));
                Runtime.getRuntime().addShutdownHook(new Thread(shared::discard));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("leadline.it.db", "derby"));
    }

    /**
     * Starts a server working in {@code workDir} (its data folder is {@code workDir/data}). On
     * PostgreSQL the database is named after the folder, so a restart on the same folder finds the
     * same database.
     */
    public static LeadlineServer start(Path workDir, Map<String, String> extraEnv) {
        return start(workDir, extraEnv, jvmOptions());
    }

    /**
     * Starts a server as {@link #start(Path, Map)} does, with {@code jvm} as the options of the JVM
     * that runs {@code leadline.jar}; without a heap limit among them the launcher runs the server in
     * a JVM of its own, as the README's start does.
     */
    public static LeadlineServer start(Path workDir, Map<String, String> extraEnv, List<String> jvm) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADLINE_DATA_DIR", workDir.resolve("data").toString());
        env.put("LEADLINE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("LEADLINE_BOOTSTRAP_TENANT_ADMIN_PASSWORD", OWNER_PASSWORD);
        env.put("LEADLINE_EGRESS_ALLOW", OUTSIDE_HOST);
        if (onPostgresql()) {
            if (!extraEnv.containsKey("LEADLINE_DB_URL")) {
                // A server given another's database (a second node) creates none of its own.
                String database = ownDatabase(workDir);
                createDatabaseIfMissing(database);
                env.put("LEADLINE_DB_URL", pgBase() + database);
            }
            env.put("LEADLINE_DB_USER", System.getProperty("leadline.it.pg.user", "postgres"));
        }
        env.putAll(extraEnv);
        LeadlineServer server = new LeadlineServer(workDir, env, List.copyOf(jvm), freePort());
        server.boot();
        return server;
    }

    /**
     * The server JVM's options: {@code leadline.it.server-jvm-options} (space-separated) when set,
     * as benchmarks do to measure a server the way it runs in production; otherwise options that
     * make the many short-lived test servers start fast and small.
     */
    public static List<String> jvmOptions() {
        String configured = System.getProperty("leadline.it.server-jvm-options");
        if (configured != null) {
            return configured.isBlank() ? List.of() : List.of(configured.strip().split("\\s+"));
        }
        return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    private void boot() {
        Path home = Path.of(System.getProperty("leadline.home", "target/leadline")).toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", home.resolve("leadline.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("server.log").toFile()));
        // (compile-time constants: the benchmarks, which use this class without the launcher's, load nothing of it)
        if (jvm.stream().anyMatch(o -> o.startsWith("-Xmx"))) {
            // the server runs in this JVM: the C heaps the launcher gives the server JVM it starts
            pb.environment().putIfAbsent(Launcher.MALLOC_ARENA_MAX, Launcher.MALLOC_ARENAS);
        } else {
            // the launcher starts the server's JVM and sets them itself (LauncherIT)
            pb.environment().remove(Launcher.MALLOC_ARENA_MAX);
        }
        pb.environment().putAll(env);
        pb.environment().put("LEADLINE_HTTP_PORT", Integer.toString(port));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command, e);
        }
        // A start takes 20-60 s; on a loaded 2-core machine it has been seen to take longer.
        awaitReady(Duration.ofSeconds(Long.getLong("leadline.it.start-timeout", 240)));
    }

    private void awaitReady(Duration timeout) {
        // HTTP/1.1 as the API client uses: no h2c upgrade on the probe.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String lastProbe = "no answer yet";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited during start; the end of its log:\n" + logTail(60));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        // The first health request initialises the health service: slow on a busy machine.
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                lastProbe = "HTTP " + r.statusCode();
            } catch (IOException e) {
                lastProbe = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("The server was not ready within " + timeout + " (last probe of "
                + base() + "/health/ready: " + lastProbe + "); the end of "
                + workDir.resolve("server.log") + ":\n" + logTail(60));
    }

    /** Stops the server and starts it again on the same data. */
    public void restart() {
        stop();
        boot();
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the server and deletes its data: the folder, and on PostgreSQL its database. */
    public void discard() {
        // Its data goes anyway, so no graceful stop: a slow one outlives the test JVM's exit and
        // leaves the folder and the PostgreSQL database behind.
        if (process != null && process.isAlive()) {
            try {
                // a launcher killed outright cannot stop the server JVM it started
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteFolder(workDir);
        String url = env.get("LEADLINE_DB_URL");
        // Only the database this server created: a second node's discard leaves the first's alone.
        if (url != null && url.equals(pgBase() + ownDatabase(workDir))) {
            dropOwnDatabase(workDir);
        }
    }

    /** Deletes a server's folder and everything in it. */
    public static void deleteFolder(Path workDir) {
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers in the temporary folder are harmless
        }
    }

    /** Drops the PostgreSQL database a server started in {@code workDir} created (for a start that failed). */
    public static void dropOwnDatabase(Path workDir) {
        if (!onPostgresql()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pgBase() + "test",
                System.getProperty("leadline.it.pg.user", "postgres"), "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + ownDatabase(workDir) + " WITH (FORCE)");
        } catch (SQLException e) {
            // an orphaned test database is harmless
        }
    }

    private static String ownDatabase(Path workDir) {
        return "leadline_it_" + workDir.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The JDBC URL of this server's database (embedded Derby only while the server is stopped). */
    public String jdbcUrl() {
        String url = env.get("LEADLINE_DB_URL");
        return url != null ? url : "jdbc:derby:" + workDir.resolve("data").resolve("derby");
    }

    public String dbUser() {
        return env.getOrDefault("LEADLINE_DB_USER", "");
    }

    /** The server's process id, for measuring its memory. */
    public long pid() {
        return process.pid();
    }

    public Path workDir() {
        return workDir;
    }

    /** The last lines of the server log, for failure messages. */
    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(workDir.resolve("server.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    public String log() throws IOException {
        return Files.readString(workDir.resolve("server.log"));
    }

    /**
     * The number that follows {@code line} where the server's log first says it after
     * {@code from} characters, waiting up to {@code timeout} for it to be written; null if it never is.
     */
    public Integer loggedNumberAfter(String line, int from, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String log = log();
                int at = log.indexOf(line, from);
                if (at >= 0) {
                    String rest = log.substring(at + line.length());
                    return Integer.parseInt(rest.substring(0, rest.indexOf(' ')).strip());
                }
                if (System.nanoTime() > deadline) {
                    return null;
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The PostgreSQL JDBC URL of this server's database, or null when it runs on embedded Derby. */
    public String postgresqlUrl() {
        String url = env.get("LEADLINE_DB_URL");
        return url != null && url.startsWith("jdbc:postgresql:") ? url : null;
    }

    /** Opens a JDBC connection to this server's PostgreSQL database (Derby cannot be opened while the server runs). */
    public Connection openPostgresql() throws SQLException {
        return DriverManager.getConnection(postgresqlUrl(), System.getProperty("leadline.it.pg.user", "postgres"), "");
    }

    public Api api() {
        return new Api(base());
    }

    private static String pgBase() {
        return System.getProperty("leadline.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    }

    private static void createDatabaseIfMissing(String database) {
        String user = System.getProperty("leadline.it.pg.user", "postgres");
        try (Connection c = DriverManager.getConnection(pgBase() + "test", user, "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + pgBase() + " as " + user, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A unique name for test data, so that test classes sharing a server never collide. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
