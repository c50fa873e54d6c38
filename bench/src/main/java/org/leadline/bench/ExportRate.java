package org.leadline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * The CSV export's rate alone, unfiltered and with the filters {@link CoreTargets} measures, on the
 * same data ({@link ListAtScale#load}): each export {@code --repeat} times in turn, so the
 * filtered are compared with the unfiltered measured next to them. With {@code --hold FILE} the
 * server stays up after the runs until FILE is deleted (its address and token are written to
 * FILE), to profile or query it by hand. With {@code --homes A,B} the same data is exported by each
 * build in turn (the server restarted on it with that {@code leadline.home}), {@code --rounds} times,
 * so two builds are compared close in time.
 *
 * <p>Usage (after {@code mvn -B -q package -DskipTests}; add {@code -Dleadline.it.db=postgresql}
 * for PostgreSQL): {@code java -Dleadline.home=dist/target/leadline -cp
 * "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.ExportRate --leads 100000 --repeat 3}
 */
public final class ExportRate {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] FILTERS = {"", "q=company", "status=OPEN", "q=company&sort=lastName", "q=virt",
        "sort=lastName"};

    private ExportRate() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("leadline.it.server-jvm-options") == null) {
            System.setProperty("leadline.it.server-jvm-options", CoreTargets.SERVER_JVM);
        }
        int leads = Figures.intArg(args, "--leads", 100_000);
        int repeat = Figures.intArg(args, "--repeat", 3);
        int warmup = Figures.intArg(args, "--warmup", 1);
        int rounds = Figures.intArg(args, "--rounds", 1);
        Path hold = null;
        java.util.List<String> homes = new java.util.ArrayList<>();
        homes.add(null);
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--hold")) {
                hold = Path.of(args[i + 1]);
            } else if (args[i].equals("--homes")) {
                // builds to compare on the same data, in turn: --homes A,B (leadline.home of each)
                homes = java.util.List.of(args[i + 1].split(","));
            }
        }
        if (homes.get(0) != null) {
            System.setProperty("leadline.home", homes.get(0));
        }
        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-export-"), Map.of());
        try {
            Fixtures.TenantAdmin tenant = ListAtScale.loadTwoTenants(server, leads, leads / 10);
            String token = null;
            for (int round = 0; round < rounds; round++) {
                for (String home : homes) {
                    if (home != null) {
                        // The same data under another build of the distribution (its migrations run on start).
                        server.stop();
                        System.setProperty("leadline.home", home);
                    }
                    server.restart();
                    Api api = server.api().login(tenant.slug(), tenant.username(), "password-of-" + tenant.slug());
                    token = api.token();
                    String label = home == null ? "" : Path.of(home).toAbsolutePath().normalize().toString();
                    System.out.printf("server pid %d at %s %s (load average %s)%n", server.pid(), server.base(), label,
                            loadAverage());
                    for (int w = 0; w < warmup; w++) {
                        for (String filter : FILTERS) {
                            export(server.base(), token, filter);
                        }
                    }
                    for (int r = 0; r < repeat; r++) {
                        double all = 0;
                        for (String filter : FILTERS) {
                            long t0 = System.nanoTime();
                            long rows = export(server.base(), token, filter);
                            double secs = (System.nanoTime() - t0) / 1e9;
                            double rate = rows / secs;
                            if (filter.isEmpty()) {
                                all = rate;
                            }
                            System.out.printf("run %d  %-26s %,8d rows in %6.2f s  %,8.0f rows/s  %.2f  %s%n", r + 1,
                                    filter.isEmpty() ? "(no filter)" : filter, rows, secs, rate, rate / all, label);
                        }
                        System.out.printf("load average %s%n", loadAverage());
                    }
                }
            }
            if (hold != null) {
                Files.writeString(hold, server.base() + "\n" + token + "\n" + server.pid() + "\n");
                System.out.println("holding until " + hold + " is deleted");
                while (Files.exists(hold)) {
                    Thread.sleep(1000);
                }
            }
        } finally {
            server.discard();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The rows of one export (the header not counted), read to nowhere. */
    static long export(String base, String token, String filter) throws Exception {
        HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/leads/export?"
                + filter)).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (java.io.InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("export " + filter + " answered " + r.statusCode());
            }
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines - 1;
    }
}
