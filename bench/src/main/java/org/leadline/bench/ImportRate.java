package org.leadline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * CSV import rate against a raw JDBC batch insert of the same rows into the same database.
 *
 * <p>Generates N leads to a CSV file, starts the distribution, imports the file through the API
 * (streamed upload, background job) and waits for the job to end; then stops the server and
 * inserts the same rows with plain JDBC batches into the leads table for a fresh tenant id. Prints
 * both rates, their ratio, and the server's peak heap use and resident memory during the import.
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.ImportRate [rows]}
 */
public final class ImportRate {

    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Martin", "Bernard", "Dubois", "Rossi", "Russo", "Novak", "Kowalski", "Jensen", "Nielsen", "Berg", "Lindqvist",
        "Virtanen"};
    private static final String[] FIRST = {"Anna", "Lena", "Marie", "Sophie", "Lukas", "Jonas", "Paul", "Felix", "Emma",
        "Olivia", "Liam", "Noah", "James", "Mia", "Ella", "Leon", "Ben", "Finn", "Clara", "Ida"};
    private static final String[] TITLES = {"CEO", "CTO", "Head of Purchasing", "IT Manager", "Einkaufsleiter", "Buyer"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Wien", "Zürich", "London", "Paris"};
    private static final String[] COUNTRIES = {"DE", "DE", "DE", "DE", "AT", "CH", "GB", "FR"};

    private ImportRate() {
    }

    /** One generated lead, as the CSV has it and as the raw insert writes it. */
    private record Row(String first, String last, String title, String company, String email, String phone,
                       String city, String country) {
    }

    private static Row row(Random random, int i) {
        int c = random.nextInt(CITIES.length);
        return new Row(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)],
                TITLES[random.nextInt(TITLES.length)], "Company" + random.nextInt(50_000) + " GmbH",
                "lead" + i + "@import-bench.example", "+49 30 " + (1_000_000 + random.nextInt(8_999_999)),
                CITIES[c], COUNTRIES[c]);
    }

    /**
     * A CSV file of {@code rows} generated leads in a CRM's export dialect (the headers the import
     * maps by itself), e-mail addresses unique within {@code domain}.
     */
    static Path csv(int rows, long seed, String domain) throws IOException {
        Path csv = Files.createTempFile("leadline-import-", ".csv");
        Random random = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("First Name,Last Name,Title,Company,Email,Phone,City,Country\n");
            for (int i = 0; i < rows; i++) {
                Row r = row(random, i);
                w.write(String.join(",", r.first, r.last, r.title, r.company, r.email.replace("import-bench.example", domain),
                        r.phone, r.city, r.country));
                w.write('\n');
            }
        }
        return csv;
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int rows = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : Figures.intArg(args, "--rows", 1_000_000);
        String db = LeadlineServer.onPostgresql() ? "postgresql" : "derby";
        Path csv = csv(rows, 42, "import-bench.example");
        System.out.printf("database: %s, rows: %,d, file: %,d bytes%n", db, rows, Files.size(csv));

        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-import-rate-"), Map.of());
        try {
            Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
            Api api = tenant.api();
            String owner = api.get("/api/v1/auth/me").json().getString("id");

            HeapWatch heap = new HeapWatch(server.pid());
            heap.start();
            long t0 = System.nanoTime();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/imports?name=leads.csv"))
                    .header("Authorization", "Bearer " + api.token()).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 202) {
                throw new IllegalStateException("upload failed: " + posted.statusCode() + " " + posted.body());
            }
            long uploaded = System.nanoTime();
            String id = jakarta.json.Json.createReader(new java.io.StringReader(posted.body())).readObject().getString("id");
            JsonObject status;
            while (true) {
                status = api.get("/api/v1/imports/" + id).json();
                String state = status.getString("state");
                if (state.equals("DONE") || state.equals("FAILED")) {
                    break;
                }
                Thread.sleep(500);
            }
            long done = System.nanoTime();
            heap.halt();
            double importSecs = (done - t0) / 1e9;
            double importRate = rows / importSecs;
            System.out.printf("import: %s, created %,d, failed %,d; upload %.1f s, whole import %.1f s: %,.0f rows/s%n",
                    status.getString("state"), status.getJsonNumber("created").longValue(),
                    status.getJsonNumber("failed").longValue(), (uploaded - t0) / 1e9, importSecs, importRate);
            System.out.printf("server during the import (" + System.getProperty("leadline.it.server-jvm-options") + "): peak heap used %,d MiB (old generation %,d MiB), "
                    + "peak resident memory %,d MiB%n", heap.peakHeapMiB, heap.peakOldMiB, heap.peakRssMiB);

            // The rating of the imported leads follows as a re-rating job; for big imports it runs
            // for a long time and is measured by ReratingRate instead (-Dbench.wait-rerating=true waits, =false never waits).
            long r0 = System.nanoTime();
            String waitSetting = System.getProperty("bench.wait-rerating");
            boolean waitForRerating = waitSetting == null ? rows <= 200_000 : Boolean.parseBoolean(waitSetting);
            while (waitForRerating) {
                JsonObject jobs = api.get("/api/v1/qualification/jobs").json();
                boolean started = !jobs.getJsonArray("items").isEmpty();
                if (started && !jobs.getJsonArray("items").getJsonObject(0).getString("state").equals("RUNNING")) {
                    System.out.printf("re-rating job: %s%n", jobs.getJsonArray("items").getJsonObject(0));
                    break;
                }
                if (!started && System.nanoTime() - r0 > 30_000_000_000L) {
                    System.out.println("no re-rating job started within 30 s");
                    break;
                }
                Thread.sleep(1000);
            }
            if (waitForRerating) {
                System.out.printf("re-rating of the tenant after the import: %.1f s more%n", (System.nanoTime() - r0) / 1e9);
            } else {
                System.out.println("re-rating of the imported leads not awaited (over 200,000 rows or -Dbench.wait-rerating=false; see ReratingRate)");
            }
            server.stop();

            double rawSecs = raw(server, rows, owner);
            double rawRate = rows / rawSecs;
            System.out.printf("raw JDBC batch insert of the same rows into leads: %.1f s: %,.0f rows/s%n", rawSecs, rawRate);
            System.out.printf("import / raw JDBC: %.2f (target >= 0.50)%n", importRate / rawRate);
        } finally {
            server.discard();
            Files.deleteIfExists(csv);
        }
    }

    private static double raw(LeadlineServer server, int rows, String owner) throws Exception {
        String tenantId = UUID.randomUUID().toString();
        Random random = new Random(42);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO leads (id, tenant_id, first_name, last_name, "
                    + "job_title, email, business_phone, company_name, city, country, source, owner_id, status, "
                    + "created_at, created_by, updated_at, updated_by, version, last_name_key, company_key, email_key) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', ?, 'OPEN', ?, ?, ?, ?, 0, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Row r = row(random, i);
                    Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, tenantId);
                    ps.setString(3, r.first);
                    ps.setString(4, r.last);
                    ps.setString(5, r.title);
                    ps.setString(6, r.email);
                    ps.setString(7, r.phone);
                    ps.setString(8, r.company);
                    ps.setString(9, r.city);
                    ps.setString(10, r.country);
                    ps.setString(11, owner);
                    ps.setTimestamp(12, now);
                    ps.setString(13, owner);
                    ps.setTimestamp(14, now);
                    ps.setString(15, owner);
                    ps.setString(16, r.last.toLowerCase(Locale.ROOT));
                    ps.setString(17, r.company.toLowerCase(Locale.ROOT));
                    ps.setString(18, r.email);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (server.jdbcUrl().startsWith("jdbc:derby:")) {
            try {
                DriverManager.getConnection(server.jdbcUrl() + ";shutdown=true");
            } catch (java.sql.SQLException expected) {
                // Derby reports a successful shutdown as an exception (SQLState 08006)
            }
        }
        return secs;
    }

    /** Samples the server's heap use (jcmd GC.heap_info) and resident memory every two seconds. */
    private static final class HeapWatch extends Thread {
        private final long pid;
        private volatile boolean running = true;
        volatile long peakHeapMiB = -1;
        volatile long peakOldMiB = -1;
        volatile long peakRssMiB = -1;

        HeapWatch(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            while (running) {
                peakRssMiB = Math.max(peakRssMiB, Figures.rssMiB(pid));
                try {
                    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                            .redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    p.waitFor();
                    // e.g. " def new generation   total 78656K, used 12345K" and " tenured generation   total ..., used ...K"
                    long used = 0;
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("generation\\s+total \\d+K, used (\\d+)K").matcher(out);
                    while (m.find()) {
                        used += Long.parseLong(m.group(1));
                    }
                    // G1 (the default): " garbage-first heap   total 262144K, used 123456K"
                    java.util.regex.Matcher g1 = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(out);
                    if (used == 0 && g1.find()) {
                        used = Long.parseLong(g1.group(1));
                    }
                    if (used > 0) {
                        peakHeapMiB = Math.max(peakHeapMiB, used / 1024);
                    }
                    java.util.regex.Matcher old = java.util.regex.Pattern.compile(
                            "(tenured|old) generation\\s+total \\d+K, used (\\d+)K").matcher(out);
                    if (old.find()) {
                        peakOldMiB = Math.max(peakOldMiB, Long.parseLong(old.group(2)) / 1024);
                    }
                    Thread.sleep(2000);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void halt() {
            running = false;
            interrupt();
        }
    }
}
