package org.leadline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>After the requests and list kinds: the export unfiltered and with filters that select many
 * leads (rows per second, the filtered against the unfiltered), a CSV import of
 * {@code --import-rows} rows (default: {@code --leads}; 0 skips it) with the duplicate check on,
 * and {@code --mixed-minutes} (default 10; 0 skips it) of mixed load at {@code --connections}
 * with imports of {@code --mixed-import-rows} rows (default 100,000) running one after another:
 * errors, the p99 of its reads, and the resident memory after its first minute and after its end.
 * {@code --start-only} stops after the start and idle memory rows.
 */
public final class CoreTargets {

    /** The launcher's production defaults. */
    static final String SERVER_JVM = org.leadline.dist.Launcher.DEFAULT_JVM_OPTIONS;
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
        int importRows = Figures.intArg(args, "--import-rows", leads);
        int mixedMinutes = Figures.intArg(args, "--mixed-minutes", 10);
        int mixedImportRows = Figures.intArg(args, "--mixed-import-rows", 100_000);
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
            if (Arrays.asList(args).contains("--start-only")) {
                return;
            }

            Fixtures.TenantAdmin tenant = ListAtScale.loadTwoTenants(server, leads, leads / 10);
            server.restart();
            Api api = server.api().login(tenant.slug(), tenant.username(), "password-of-" + tenant.slug());
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
            load(connections, warmup, i -> switch (i % 6) {
                // every request measured below, so that none is measured before the JIT compiled it
                case 0 -> get(base + "/api/v1/leads/" + lead, auth);
                case 1 -> get(base + "/api/v1/leads?limit=50", auth);
                case 2 -> create.apply(i);
                case 3 -> get(base + "/api/v1/leads/" + lead + "/timeline", auth);
                case 4 -> get(base + "/api/v1/leads/" + lead + "/process", auth);
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

            // Target 2 for one client: the p99 at 32 connections is mostly queueing on two cores (the
            // baseline's own p99 there is tens of milliseconds), so each read's latency alone, beside the baseline's.
            for (String[] read : new String[][] {{"GET /health/live", "/health/live"},
                    {"GET /leads/{id}", "/api/v1/leads/" + lead}, {"GET /leads/{id}/timeline", "/api/v1/leads/" + lead + "/timeline"},
                    {"GET /leads/{id}/process", "/api/v1/leads/" + lead + "/process"}}) {
                Result one = load(1, seconds, i -> get(base + read[1], read[1].startsWith("/api") ? auth : Map.of()));
                boolean isLead = read[0].equals("GET /leads/{id}");
                row(read[0] + " (1 client)", fmt0(one.rate()), one.latency(), "", read[1].startsWith("/api")
                        ? (isLead ? "p99 <= 20 ms" : "p99 <= 30 ms") : "", read[1].startsWith("/api")
                        ? one.p99() <= (isLead ? 20 : 30) : true);
            }

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

            // Target 3, export: a filtered export streams at no less than half the unfiltered rate.
            Export all = export(base, token, "");
            row("export, no filter (rows/s)", fmt0(all.rate()), String.format("%,d rows in %.1f s", all.rows(),
                    all.seconds()), "1.00", "", true);
            for (String filter : new String[] {"q=company", "status=OPEN", "q=company&sort=lastName", "q=virt"}) {
                Export f = export(base, token, filter);
                row("export " + filter + " (rows/s)", fmt0(f.rate()), String.format("%,d rows in %.1f s", f.rows(),
                        f.seconds()), ratio(f.rate() / all.rate()), ">= 0.5x", f.rate() >= 0.5 * all.rate());
            }

            // Target 5: a CSV import with the duplicate check on, into a tenant of its own.
            if (importRows > 0) {
                Api importer = Fixtures.newTenant(server).api();
                Path csv = ImportRate.csv(importRows, 42, "import-target.example");
                try {
                    double secs = importCsv(base, importer, csv);
                    double limit = LeadlineServer.onPostgresql() ? 60 : 120;
                    row("CSV import " + importRows + " rows (s)", fmt(secs), String.format("%,.0f rows/s", importRows / secs),
                            "", "1M in <= " + (int) limit + " s", importRows / secs >= 1_000_000 / limit);
                } finally {
                    Files.deleteIfExists(csv);
                }
            }

            // Targets 6 and 7: mixed load with an import running, memory after the first minute and at the end.
            if (mixedMinutes > 0) {
                Mixed m = mixed(server, api, lead, connections, mixedMinutes * 60, mixedImportRows);
                row("mixed load " + mixedMinutes + " min (req/s)", fmt0(m.rate()), String.format("%,d requests, %d imports",
                        m.requests(), m.imports()), "", "", true);
                row("mixed load errors", Integer.toString(m.errors()), m.firstError() == null ? "" : clip(m.firstError()),
                        "", "0", m.errors() == 0);
                row("mixed load reads (p99 ms)", fmt(m.readP99()), String.format("p50 %.1f ms", m.readP50()), "",
                        "p99 <= 50 ms", m.readP99() <= 50);
                row("RSS after the mixed load (MiB)", Long.toString(m.rssEnd()), "after 1 min " + m.rssMinute(),
                        ratio((double) m.rssEnd() / m.rssMinute()), "<= 1.1x", m.rssEnd() <= 1.1 * m.rssMinute());
            }
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
        if (r.firstError() != null) {
            System.out.printf("  first error of %s: %s%n", name, r.firstError());
        }
    }

    private static void row(String name, String value, String context, String ratio, String target, boolean met) {
        String[] r = {name, value, context, ratio, target, target.isBlank() ? "" : met ? "yes" : "no"};
        ROWS.add(r);
        System.out.printf("%-44s %10s  %-30s %-6s %s%n", name, value, context, ratio, target);
    }

    record Result(double rate, double p50, double p99, int errors, String firstError) {
        String latency() {
            return String.format("p50 %.1f ms, p99 %.1f ms", p50, p99);
        }
    }

    private record Export(long rows, double seconds) {
        double rate() {
            return rows / seconds;
        }
    }

    /** Downloads the export with {@code filter} to nowhere, counting its rows (the header not counted). */
    private static Export export(String base, String token, String filter) throws Exception {
        long t0 = System.nanoTime();
        long rows = ExportRate.export(base, token, filter);
        return new Export(rows, (System.nanoTime() - t0) / 1e9);
    }

    /** Uploads a CSV file to the import and waits for its end; the seconds from the upload's start. */
    private static double importCsv(String base, Api api, Path csv) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports?name=leads.csv"))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("upload failed: " + posted.statusCode() + " " + posted.body());
        }
        String id = Json.createReader(new java.io.StringReader(posted.body())).readObject().getString("id");
        while (true) {
            JsonObject status = api.get("/api/v1/imports/" + id).json();
            String state = status.getString("state");
            if (state.equals("FAILED")) {
                throw new IllegalStateException("the import failed: " + status);
            }
            if (state.equals("DONE")) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(250);
        }
    }

    private record Mixed(double rate, long requests, int errors, String firstError, double readP50, double readP99,
                         int imports, long rssMinute, long rssEnd) {
    }

    /**
     * {@code connections} clients for {@code seconds}, each sending its next request when the last
     * is answered, a mix of reads (a lead, its timeline and process, a list page, a search) and
     * writes (a new lead, a note), while imports of {@code importRows} rows run one after another
     * into another tenant. The resident memory is taken after the first minute and ten seconds
     * after the end.
     */
    private static Mixed mixed(LeadlineServer server, Api api, String busyLead, int connections, int seconds,
                               int importRows) throws Exception {
        String base = server.base();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + api.token());
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/leads?limit=100").items().forEach(v -> ids.add(v.asJsonObject().getString("id")));
        ids.add(busyLead);
        String[] words = {"virt", "company4711", "lead12345", "schmidt", "anna"};
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicLong unique = new AtomicLong(5_000_000_000L);
        AtomicInteger imports = new AtomicInteger();
        Api importer = Fixtures.newTenant(server).api();
        Thread importing = new Thread(() -> {
            for (int n = 0; System.nanoTime() < end; n++) {
                try {
                    Path csv = ImportRate.csv(importRows, 100 + n, "mixed" + n + ".example");
                    try {
                        importCsv(base, importer, csv);
                        imports.incrementAndGet();
                    } finally {
                        Files.deleteIfExists(csv);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, "import: " + e.getMessage());
                    return;
                }
            }
        });
        importing.setDaemon(true);
        importing.start();
        long[] rssMinute = {-1};
        Thread memory = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                rssMinute[0] = Figures.rssMiB(server.pid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        memory.setDaemon(true);
        memory.start();
        List<long[]> reads = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        long started = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            long[] lat = new long[4_000_000 / connections];
            reads.add(lat);
            java.util.Random random = new java.util.Random(t);
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    int kind = random.nextInt(10);
                    String lead = ids.get(random.nextInt(ids.size()));
                    HttpRequest r = switch (kind) {
                        case 0, 1, 2 -> get(base + "/api/v1/leads/" + lead, auth);
                        case 3 -> get(base + "/api/v1/leads/" + lead + "/timeline", auth);
                        case 4 -> get(base + "/api/v1/leads/" + lead + "/process", auth);
                        case 5 -> get(base + "/api/v1/leads?limit=50", auth);
                        case 6 -> get(base + "/api/v1/leads?limit=20&q=" + words[random.nextInt(words.length)], auth);
                        case 7, 8 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                                .header("Authorization", auth.get("Authorization")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(createBody(unique.incrementAndGet()))).build();
                        default -> HttpRequest.newBuilder(URI.create(base + "/api/v1/leads/" + lead + "/notes"))
                                .header("Authorization", auth.get("Authorization")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Called back, wants a demo\"}")).build();
                    };
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() >= 400) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, r.method() + " " + r.uri().getPath() + " -> "
                                    + resp.statusCode() + " " + resp.body());
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, r.method() + " " + r.uri().getPath() + " -> " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                    requests.incrementAndGet();
                    if (kind <= 6 && n < lat.length - 1) {
                        lat[n++] = System.nanoTime() - s;
                    }
                }
                lat[lat.length - 1] = n;
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        importing.join(TimeUnit.MINUTES.toMillis(30));
        Thread.sleep(10_000);
        long rssEnd = Figures.rssMiB(server.pid());
        long[] all = reads.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        return new Mixed(requests.get() / elapsed, requests.get(), errors.get(), firstError.get(),
                all.length == 0 ? 0 : all[all.length / 2] / 1e6,
                all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6,
                imports.get(), rssMinute[0], rssEnd);
    }

    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 28 ? flat.substring(0, 28) : flat;
    }

    /** {@code connections} clients, each sending its next request when the last is answered. */
    static Result load(int connections, int seconds, IntFunction<HttpRequest> request) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
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
                        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() >= 400) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, resp.statusCode() + " " + resp.body());
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
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
            return new Result(0, 0, 0, errors.get(), firstError.get());
        }
        return new Result(all.length / elapsed, all[all.length / 2] / 1e6,
                all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6, errors.get(), firstError.get());
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
    static String busyLead(Api api) {
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
        Path preBoot = dir.resolve("pre-boot.asadmin");
        Files.writeString(preBoot, String.join("\n", launcherPreBootCommands(home)) + "\n");
        command.addAll(List.of("-jar", home.resolve("lib/payara-micro.jar").toString(), "--deploy", war.toString(),
                "--prebootcommandfile", preBoot.toString(),
                "--contextroot", "/", "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                "--nohostaware"));
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // as the launcher's server JVM
        Process p = builder.start();
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

    /**
     * The commands the distribution's launcher gives Payara Micro before it boots (the HTTP
     * listener's settings, the data grid switched off), read from its own jar so the baseline
     * application always starts with the same ones.
     */
    @SuppressWarnings("unchecked")
    static List<String> launcherPreBootCommands(Path home) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {home.resolve("leadline.jar").toUri().toURL()}, null)) {
            return List.copyOf((List<String>) loader.loadClass("org.leadline.dist.Launcher")
                    .getField("PRE_BOOT_COMMANDS").get(null));
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
