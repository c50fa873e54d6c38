package org.leadline.bench;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * The fast-core targets side by side in one run, one table: every figure is taken on the same
 * server as its baseline ({@code GET /health/live} for throughput, a trivial JAX-RS application on
 * the same Payara Micro with the same options for the start), so the ratio is the result and the
 * absolute figure is context.
 *
 * <p>Usage (after {@code mvn -B -q package -DskipTests}; add {@code -Dleadline.it.db=postgresql}
 * for PostgreSQL on 127.0.0.1:5432):
 * {@code java -Dleadline.home=dist/target/leadline -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.CoreTargets --leads 100000 --seconds 15 --warmup 90}
 */
public final class CoreTargets {

    /** The launcher's production defaults (dist Launcher.DEFAULT_JVM_OPTIONS). */
    static final String SERVER_JVM = "-Xms96m -Xmx512m -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String[]> ROWS = new ArrayList<>();

    private CoreTargets() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("leadline.it.server-jvm-options") == null) {
            System.setProperty("leadline.it.server-jvm-options", SERVER_JVM);
        }
        String jvm = System.getProperty("leadline.it.server-jvm-options");
        int leads = Figures.intArg(args, "--leads", 100_000);
        int seconds = Figures.intArg(args, "--seconds", 15);
        int warmup = Figures.intArg(args, "--warmup", 120);
        int connections = Figures.intArg(args, "--connections", 32);
        String db = LeadlineServer.onPostgresql() ? "postgresql" : "derby";
        System.out.printf("database %s, %d cores, server JVM options: %s%n", db,
                Runtime.getRuntime().availableProcessors(), jvm);

        double trivialStart = trivialWarStart(jvm);
        long t0 = System.nanoTime();
        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-targets-"), Map.of());
        double start = (System.nanoTime() - t0) / 1e9;
        try {
            Thread.sleep(10_000);
            long idleRss = Figures.rssMiB(server.pid());
            row("start to ready (s)", fmt(start), "trivial WAR " + fmt(trivialStart), ratio(start / trivialStart),
                    "<= 1.5x", start <= 1.5 * trivialStart);
            row("idle RSS (MiB)", Long.toString(idleRss), "", "", "<= 450", idleRss <= 450);

            Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
            Fixtures.TenantAdmin other = Fixtures.newTenant(server);
            String owner = tenant.api().get("/api/v1/auth/me").json().getString("id");
            String otherOwner = other.api().get("/api/v1/auth/me").json().getString("id");
            server.stop();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "")) {
                ListAtScale.load(c, tenant.tenantId(), owner, leads, 1);
                ListAtScale.load(c, other.tenantId(), otherOwner, leads / 10, 2);
            }
            Figures.releaseEmbeddedDerby(server);
            server.restart();
            Api api = server.api().login(tenant.username(), "password-of-" + tenant.slug());
            String token = api.token();

            // Target 4: re-rating every lead after a rule-set change, BANT on.
            long r0 = System.nanoTime();
            Api.Response saved = api.put("/api/v1/qualification/rules", rules(), Map.of());
            String job = saved.json().getJsonObject("rerating").getString("id");
            JsonObject state;
            do {
                Thread.sleep(500);
                state = api.get("/api/v1/qualification/jobs/" + job).json();
            } while ("RUNNING".equals(state.getString("state")) || "PENDING".equals(state.getString("state")));
            double rerate = (System.nanoTime() - r0) / 1e9;
            row("re-rating " + leads + " leads (s)", fmt(rerate), String.format("%,.0f leads/s", leads / rerate),
                    "", "1M in <= 60 s", leads / rerate >= 1_000_000 / 60.0);

            String lead = busyLead(api);
            String base = server.base();
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            AtomicLong unique = new AtomicLong();
            IntFunction<HttpRequest> create = i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(createBody(unique.incrementAndGet()))).build();

            System.out.printf("warming up for %d s%n", warmup);
            load(connections, warmup, i -> switch (i % 4) {
                case 0 -> get(base + "/api/v1/leads/" + lead, auth);
                case 1 -> get(base + "/api/v1/leads?limit=50", auth);
                case 2 -> create.apply(i);
                default -> get(base + "/health/live", Map.of());
            });

            Result health = load(connections, seconds, i -> get(base + "/health/live", Map.of()));
            row("GET /health/live (baseline)", fmt0(health.rate()), health.latency(), "1.00", "", true);
            throughput("GET /auth/me", health, load(connections, seconds, i -> get(base + "/api/v1/auth/me", auth)),
                    0, 0);
            throughput("GET /leads/{id}", health,
                    load(connections, seconds, i -> get(base + "/api/v1/leads/" + lead, auth)), 0.8, 20);
            throughput("GET /leads/{id}/timeline", health,
                    load(connections, seconds, i -> get(base + "/api/v1/leads/" + lead + "/timeline", auth)), 0, 30);
            throughput("GET /leads/{id}/process", health,
                    load(connections, seconds, i -> get(base + "/api/v1/leads/" + lead + "/process", auth)), 0, 30);
            throughput("POST /leads (5 rules, BANT, dup check)", health, load(connections, seconds, create), 0.5, 50);
            throughput("GET /leads?limit=50", health,
                    load(connections, seconds, i -> get(base + "/api/v1/leads?limit=50", auth)), 0.3, 0);
            throughput("GET /leads?q=virt&limit=20", health,
                    load(connections, seconds, i -> get(base + "/api/v1/leads?q=virt&limit=20", auth)), 0.3, 0);
            Result health2 = load(connections, seconds, i -> get(base + "/health/live", Map.of()));
            row("GET /health/live (again)", fmt0(health2.rate()), health2.latency(), ratio(health2.rate() / health.rate()),
                    "", true);

            // Target 3, single client: every list kind at this size.
            String month = "createdFrom=" + java.time.Instant.now().minus(Duration.ofDays(60)).truncatedTo(
                    java.time.temporal.ChronoUnit.DAYS) + "&createdTo=" + java.time.Instant.now().minus(
                    Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            String deep = deepCursor(api, 40);
            for (String[] kind : new String[][] {
                    {"newest first", "limit=50"}, {"oldest first", "limit=50&sort=createdAt"},
                    {"recently updated", "limit=50&sort=-updatedAt"}, {"by last name", "limit=50&sort=lastName"},
                    {"by company", "limit=50&sort=companyName"}, {"status=DISQUALIFIED", "limit=50&status=DISQUALIFIED"},
                    {"ownerId=me", "limit=50&ownerId=me"}, {"source=PARTNER", "limit=50&source=PARTNER"},
                    {"created in one month", "limit=50&" + month}, {"q=virt (common word)", "limit=50&q=virt"},
                    {"q=company4711 (rare word)", "limit=50&q=company4711"},
                    {"q=lead12345 (e-mail prefix)", "limit=50&q=lead12345"},
                    {"page 40 by cursor", "limit=50&cursor=" + deep}}) {
                long[] nanos = new long[50];
                get(api, "/api/v1/leads?" + kind[1]);
                for (int i = 0; i < nanos.length; i++) {
                    long s = System.nanoTime();
                    get(api, "/api/v1/leads?" + kind[1]);
                    nanos[i] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                double p95 = nanos[(int) (nanos.length * 0.95)] / 1e6;
                row("list " + kind[0] + " (1 client)", "", String.format("p95 %.1f ms", p95), "", "p95 <= 20 ms",
                        p95 <= 20);
            }
            long rss = Figures.rssMiB(server.pid());
            row("RSS after the load (MiB)", Long.toString(rss), "idle " + idleRss, "", "bounded heap", true);
        } finally {
            server.discard();
        }
        System.out.printf("%n| %-42s | %10s | %-28s | %-6s | %-14s | %-4s |%n", "figure (" + db + ", " + leads
                + " leads)", "value", "context", "ratio", "target", "met");
        System.out.printf("|%s|%s|%s|%s|%s|%s|%n", "-".repeat(44), "-".repeat(12), "-".repeat(30), "-".repeat(8),
                "-".repeat(16), "-".repeat(6));
        for (String[] r : ROWS) {
            System.out.printf("| %-42s | %10s | %-28s | %-6s | %-14s | %-4s |%n", (Object[]) r);
        }
    }

    private static void throughput(String name, Result health, Result r, double minRatio, double maxP99) {
        double ratio = r.rate() / health.rate();
        boolean met = ratio >= minRatio && (maxP99 == 0 || r.p99() <= maxP99) && r.errors() == 0;
        String target = (minRatio > 0 ? ">= " + minRatio + "x" : "") + (maxP99 > 0 ? " p99<=" + (int) maxP99 : "");
        row(name, fmt0(r.rate()), r.latency() + (r.errors() > 0 ? " ERR " + r.errors() : ""), ratio(ratio),
                target.isBlank() ? "" : target.strip(), met);
    }

    private static void row(String name, String value, String context, String ratio, String target, boolean met) {
        String[] r = {name, value, context, ratio, target, target.isBlank() ? "" : met ? "yes" : "no"};
        ROWS.add(r);
        System.out.printf("%-44s %10s  %-30s %-6s %s%n", name, value, context, ratio, target);
    }

    record Result(double rate, double p50, double p99, int errors) {
        String latency() {
            return String.format("p50 %.1f ms, p99 %.1f ms", p50, p99);
        }
    }

    /** {@code connections} clients, each sending its next request when the last is answered. */
    static Result load(int connections, int seconds, IntFunction<HttpRequest> request) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            long[] lat = new long[2_000_000 / connections];
            int[] n = {0};
            perThread.add(lat);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest r = request.apply(next.getAndIncrement());
                    long s = System.nanoTime();
                    try {
                        HttpResponse<Void> resp = HTTP.send(r, HttpResponse.BodyHandlers.discarding());
                        if (resp.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (n[0] < lat.length) {
                        lat[n[0]++] = System.nanoTime() - s;
                    }
                }
                lat[lat.length - 1] = n[0];
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perThread.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        if (all.length == 0) {
            return new Result(0, 0, 0, errors.get());
        }
        return new Result(all.length / elapsed, all[all.length / 2] / 1e6,
                all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6, errors.get());
    }

    static HttpRequest get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(b::header);
        return b.build();
    }

    private static void get(Api api, String path) {
        Api.Response r = api.get(path);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " -> " + r);
        }
    }

    private static String deepCursor(Api api, int pages) {
        String path = "/api/v1/leads?limit=50";
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            cursor = api.get(path).json().getJsonObject("page").getString("nextCursor");
            path = "/api/v1/leads?limit=50&cursor=" + cursor;
        }
        return cursor;
    }

    /** A lead with a timeline of interactions, notes, stakeholders and competitors. */
    private static String busyLead(Api api) {
        String lead = api.post("/api/v1/leads", Fixtures.tradeFairLead("Timeline")).json().getString("id");
        String base = "/api/v1/leads/" + lead;
        for (int i = 0; i < 10; i++) {
            api.post(base + "/interactions", Json.createObjectBuilder().add("medium", "PHONE")
                    .add("direction", "OUTBOUND").add("purpose", "follow-up " + i)
                    .add("occurredAt", "2026-01-" + (10 + i) + "T10:00:00Z").build());
            api.post(base + "/notes", Json.createObjectBuilder().add("text", "Note " + i).build());
        }
        api.post(base + "/stakeholders", Json.createObjectBuilder().add("name", "Eva Berg")
                .add("role", "DECISION_MAKER").build());
        api.post(base + "/competitors", Json.createObjectBuilder().add("name", "Rival AG").build());
        return lead;
    }

    static String createBody(long n) {
        return "{\"person\":{\"firstName\":\"Bench\",\"lastName\":\"Lead" + n + "\",\"email\":\"bench" + n
                + "@bench.example\",\"businessPhone\":\"+49 30 " + (1_000_000 + n) + "\"},"
                + "\"company\":{\"name\":\"Bench Company " + n + "\",\"industry\":\"Manufacturing\"},"
                + "\"origin\":{\"source\":\"TRADE_FAIR\"},\"qualification\":{\"budget\":{\"amount\":50000,"
                + "\"currency\":\"EUR\"},\"need\":\"CRM\",\"purchaseTimeframe\":\"THIS_QUARTER\",\"decisionMaker\":true}}";
    }

    /** A tenant rule set of five rules. */
    static JsonObject rules() {
        return Json.createReader(new java.io.StringReader("""
                {"thresholds": {"hot": 70, "warm": 30}, "rules": [
                 {"id": "budget-and-need", "name": "Budget and need match", "points": 50,
                  "when": {"all": [{"budgetAtLeast": {"amount": 20000, "currency": "EUR"}}, {"present": "need"}]},
                  "recommend": [{"text": "Send a proposal", "kind": "PROPOSAL", "priority": "HIGH", "dueInDays": 3}]},
                 {"id": "fair-or-soon", "points": 20,
                  "when": {"any": [{"sourceIn": ["TRADE_FAIR"]}, {"timeframeWithinMonths": 3}]}},
                 {"id": "decision-maker", "points": 15, "when": {"present": "decisionMaker"}},
                 {"id": "manufacturing", "points": 10,
                  "when": {"equals": {"field": "industry", "value": "Manufacturing"}}},
                 {"id": "no-contact", "points": -10, "when": {"noContactForDays": 30},
                  "recommend": [{"text": "Call the lead", "kind": "CALL", "priority": "MEDIUM", "dueInDays": 2}]}]}
                """)).readObject();
    }

    /** Start to first answer of a trivial JAX-RS application on the same Payara Micro and options. */
    static double trivialWarStart(String jvmOptions) throws Exception {
        Path home = Path.of(System.getProperty("leadline.home", "dist/target/leadline")).toAbsolutePath();
        Path dir = Files.createTempDirectory("leadline-trivial-");
        Path war = dir.resolve("trivial.war");
        Path classes = Path.of(CoreTargets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war));
             Stream<Path> files = Files.walk(classes.resolve("org/leadline/bench/trivial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvmOptions.strip().split("\\s+")));
        command.addAll(List.of("-jar", home.resolve("lib/payara-micro.jar").toString(), "--deploy", war.toString(),
                "--contextroot", "/", "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                "--nohostaware"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hello")).build();
            while (true) {
                try {
                    if (HTTP.send(hello, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!p.isAlive() || System.nanoTime() - t0 > 120_000_000_000L) {
                    throw new IllegalStateException("The trivial application did not start; see " + dir.resolve("server.log"));
                }
                Thread.sleep(100);
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }

    private static String fmt0(double v) {
        return String.format("%,.0f", v);
    }

    private static String ratio(double r) {
        return String.format("%.2f", r);
    }
}
