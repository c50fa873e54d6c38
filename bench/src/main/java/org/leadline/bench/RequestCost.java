package org.leadline.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * What each request costs the server: throughput, latency and the server process's CPU time per
 * request (from the {@code stat} files of {@code /proc/<pid>/task}, without the JIT compiler threads), each row beside {@code GET /health/live} in the same
 * run, on a fresh server with one tenant of five rules. Optionally records each row with JFR.
 *
 * <p>Usage (after {@code mvn -B -q package -DskipTests}):
 * {@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.RequestCost --warmup 60 --seconds 10 --connections 32 --rows health,me,read,timeline,process,create,health,read [--jfr target/jfr] (one recording per row: target/jfr/1-health.jfr, 2-me.jfr, …)}
 */
public final class RequestCost {

    private RequestCost() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("leadline.it.server-jvm-options") == null) {
            System.setProperty("leadline.it.server-jvm-options", CoreTargets.SERVER_JVM);
        }
        int warmup = Figures.intArg(args, "--warmup", 60);
        int seconds = Figures.intArg(args, "--seconds", 10);
        int connections = Figures.intArg(args, "--connections", 32);
        String rows = stringArg(args, "--rows", "health,me,read,timeline,process,create,health,read");
        String jfr = stringArg(args, "--jfr", null);
        System.out.printf("database %s, %d cores, %d connections, server JVM options: %s%n",
                LeadlineServer.onPostgresql() ? "postgresql" : "derby", Runtime.getRuntime().availableProcessors(),
                connections, System.getProperty("leadline.it.server-jvm-options"));
        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-cost-"), Map.of());
        try {
            Api api = Fixtures.newTenant(server).api();
            api.put("/api/v1/qualification/rules", CoreTargets.rules(), Map.of());
            String token = api.token();
            String lead = CoreTargets.busyLead(api);
            String base = server.base();
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            AtomicLong unique = new AtomicLong();
            IntFunction<HttpRequest> create = i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CoreTargets.createBody(unique.incrementAndGet())))
                    .build();
            System.out.printf("warming up for %d s%n", warmup);
            CoreTargets.load(connections, warmup, i -> switch (i % 6) {
                // every request measured below, so that none is measured before the JIT compiled it
                case 0 -> CoreTargets.get(base + "/api/v1/leads/" + lead, auth);
                case 1 -> CoreTargets.get(base + "/api/v1/leads?limit=50", auth);
                case 2 -> create.apply(i);
                case 3 -> CoreTargets.get(base + "/api/v1/leads/" + lead + "/timeline", auth);
                case 4 -> CoreTargets.get(base + "/api/v1/leads/" + lead + "/process", auth);
                default -> CoreTargets.get(base + "/health/live", Map.of());
            });
            System.out.printf("%-10s %10s  %-28s %7s  %s%n", "row", "req/s", "latency", "errors", "server CPU per request");
            int pass = 0;
            for (String row : rows.split(",")) {
                pass++;
                IntFunction<HttpRequest> request = switch (row) {
                    case "health" -> i -> CoreTargets.get(base + "/health/live", Map.of());
                    case "me" -> i -> CoreTargets.get(base + "/api/v1/auth/me", auth);
                    case "read" -> i -> CoreTargets.get(base + "/api/v1/leads/" + lead, auth);
                    case "timeline" -> i -> CoreTargets.get(base + "/api/v1/leads/" + lead + "/timeline", auth);
                    case "process" -> i -> CoreTargets.get(base + "/api/v1/leads/" + lead + "/process", auth);
                    case "list" -> i -> CoreTargets.get(base + "/api/v1/leads?limit=50", auth);
                    case "create" -> create;
                    default -> throw new IllegalArgumentException("unknown row " + row);
                };
                if (jfr != null) {
                    jcmd(server.pid(), "JFR.start", "name=" + row, "settings=profile");
                }
                long cpu0 = cpuTicks(server.pid());
                CoreTargets.Result r = CoreTargets.load(connections, seconds, request);
                long cpu1 = cpuTicks(server.pid());
                if (jfr != null) {
                    Files.createDirectories(Path.of(jfr));
                    jcmd(server.pid(), "JFR.stop", "name=" + row,
                            "filename=" + Path.of(jfr, pass + "-" + row + ".jfr").toAbsolutePath());
                }
                double requests = r.rate() * seconds;
                System.out.printf("%-10s %10.0f  %-28s %7d  %.2f ms%n", row, r.rate(), r.latency(), r.errors(),
                        requests == 0 ? 0 : (cpu1 - cpu0) * 10.0 / requests);
                if (r.firstError() != null) {
                    System.out.println("  first error: " + r.firstError());
                }
            }
        } finally {
            server.discard();
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /**
     * User and system CPU time of a process's threads in clock ticks (10 ms on Linux), without its
     * JIT compiler threads: how long a run's JIT keeps compiling depends on the machine's load, and
     * would be charged to whichever row it overlaps.
     */
    static long cpuTicks(long pid) throws Exception {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException ended) {
                    // the thread ended while being read
                }
            }
        }
        return ticks;
    }

    private static void jcmd(long pid, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        command.addAll(List.of(arguments));
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor();
    }
}
