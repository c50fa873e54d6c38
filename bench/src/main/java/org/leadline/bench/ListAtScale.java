package org.leadline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * Listing, filtering and searching one tenant's leads when it has a million of them.
 *
 * <p>Starts the distribution, creates a tenant, stops it, bulk-loads {@code --leads} leads for that
 * tenant (plus a second tenant's leads, so the indexes hold other tenants' rows too) with JDBC
 * batches, starts it again and times each kind of list request through the API.
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.ListAtScale --leads 1000000 [--warmup-rounds 50] [--repeats 30] [--keep DIR]}
 *
 * <p>With {@code --keep DIR} the server works in {@code DIR} and leaves its data there: the first run
 * loads the leads, a later run with the same counts measures them again without loading (on
 * PostgreSQL the database is named after the folder).
 */
public final class ListAtScale {

    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Martin", "Bernard", "Dubois", "Rossi", "Russo", "Novak", "Kowalski", "Jensen", "Nielsen", "Berg", "Lindqvist",
        "Virtanen"};
    private static final String[] FIRST = {"Anna", "Lena", "Marie", "Sophie", "Lukas", "Jonas", "Paul", "Felix", "Emma",
        "Olivia", "Liam", "Noah", "James", "Mia", "Ella", "Leon", "Ben", "Finn", "Clara", "Ida"};
    private static final String[] SOURCES = {"WEB", "HOMEPAGE", "TRADE_FAIR", "CAMPAIGN", "EMAIL", "PHONE", "REFERRAL",
        "PARTNER", "SOCIAL", "IMPORT", "OTHER"};
    private static final String[] STATUSES = {"OPEN", "OPEN", "OPEN", "QUALIFIED", "DISQUALIFIED"};

    private ListAtScale() {
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int leads = Figures.intArg(args, "--leads", 1_000_000);
        int others = Figures.intArg(args, "--other-tenant-leads", 100_000);
        int repeats = Figures.intArg(args, "--repeats", 30);
        int warmup = Figures.intArg(args, "--warmup-rounds", 50);
        System.out.printf("database: %s, leads in the measured tenant: %,d, in another tenant: %,d%n",
                LeadlineServer.onPostgresql() ? "postgresql" : "derby", leads, others);

        String keep = Figures.stringArg(args, "--keep");
        Path workDir = keep != null ? Path.of(keep).toAbsolutePath()
                : Files.createTempDirectory("leadline-scale-");
        Path loaded = workDir.resolve("loaded.properties");
        boolean reuse = Files.exists(loaded);
        Properties saved = new Properties();
        if (reuse) {
            try (var in = Files.newInputStream(loaded)) {
                saved.load(in);
            }
            if (Integer.parseInt(saved.getProperty("leads")) != leads
                    || Integer.parseInt(saved.getProperty("others")) != others) {
                throw new IllegalArgumentException(workDir + " holds " + saved + ", not the leads asked for");
            }
        } else {
            Files.createDirectories(workDir);
        }
        LeadlineServer server = LeadlineServer.start(workDir, Map.of());
        try {
            String slug;
            String username;
            if (reuse) {
                slug = saved.getProperty("slug");
                username = saved.getProperty("username");
                System.out.printf("bulk load: reused the %,d + %,d leads loaded earlier in %s%n", leads, others, workDir);
            } else {
                long t0 = System.nanoTime();
                Fixtures.TenantAdmin tenant = loadTwoTenants(server, leads, others);
                slug = tenant.slug();
                username = tenant.username();
                if (LeadlineServer.onPostgresql()) {
                    // What the server's own import does after writing in bulk (and autovacuum would do
                    // on its own): without statistics the planner takes the loaded tables for empty.
                    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "");
                         java.sql.Statement s = c.createStatement()) {
                        s.execute("ANALYZE");
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("bulk load: %,d leads in %.0f s (%,.0f leads/s with their search terms)%n",
                        leads + others, secs, (leads + others) / secs);
                if (keep != null) {
                    saved.setProperty("leads", Integer.toString(leads));
                    saved.setProperty("others", Integer.toString(others));
                    saved.setProperty("slug", slug);
                    saved.setProperty("username", username);
                    try (var out = Files.newOutputStream(loaded)) {
                        saved.store(out, "leads loaded by ListAtScale; --keep reuses them");
                    }
                }
                server.restart();
            }
            Api api = server.api().login(slug, username, "password-of-" + slug);
            String month = "createdFrom=" + Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)
                    + "&createdTo=" + Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
            // A rare word that is there at every size: the newest lead's company (one lead in about
            // 20,000 has it); an e-mail prefix that starts exactly one lead's address at every size.
            String rare = api.get("/api/v1/leads?limit=1").items().getJsonObject(0).getJsonObject("company").getString("name")
                    .split(" ")[0].toLowerCase(Locale.ROOT);
            String email = "lead" + (leads / 8);
            List<String[]> kinds = List.of(
                    new String[] {"newest first (default)", "/api/v1/leads?limit=50"},
                    new String[] {"oldest first", "/api/v1/leads?limit=50&sort=createdAt"},
                    new String[] {"recently updated", "/api/v1/leads?limit=50&sort=-updatedAt"},
                    new String[] {"by last name", "/api/v1/leads?limit=50&sort=lastName"},
                    new String[] {"by company", "/api/v1/leads?limit=50&sort=companyName"},
                    new String[] {"status=DISQUALIFIED", "/api/v1/leads?limit=50&status=DISQUALIFIED"},
                    new String[] {"ownerId=me", "/api/v1/leads?limit=50&ownerId=me"},
                    new String[] {"source=PARTNER", "/api/v1/leads?limit=50&source=PARTNER"},
                    new String[] {"created in one month", "/api/v1/leads?limit=50&" + month},
                    new String[] {"search q=virt (common)", "/api/v1/leads?limit=50&q=virt"},
                    new String[] {"search q=virt by last name", "/api/v1/leads?limit=50&q=virt&sort=lastName"},
                    new String[] {"search q=virt by last name, descending", "/api/v1/leads?limit=50&q=virt&sort=-lastName"},
                    new String[] {"search q=virt by company", "/api/v1/leads?limit=50&q=virt&sort=companyName"},
                    new String[] {"search q=" + rare + " (rare)", "/api/v1/leads?limit=50&q=" + rare},
                    new String[] {"search q=" + email + " (one e-mail)", "/api/v1/leads?limit=50&q=" + email});
            // The server was just started: every kind a few times first, so the figures are of a
            // compiled server, not of the JIT's first minutes.
            for (int round = 0; round < warmup; round++) {
                for (String[] k : kinds) {
                    api.get(k[1]);
                }
            }
            System.out.printf("warm-up: %d rounds of every kind%n", warmup);
            List<String[]> measured = new ArrayList<>();
            // The floor: the same client's round trip to the server's cheapest answer.
            measured.add(new String[] {"GET /health/live (the floor)", "/health/live"});
            measured.addAll(kinds);
            time(api, repeats, measured);
            walk(api, 100);
        } finally {
            if (keep != null) {
                server.stop();
            } else {
                server.discard();
            }
        }
    }

    /**
     * Times each kind {@code repeats} times, taking the kinds in turn (one request of each, then
     * the next round), so that the server's drift over the run (the JIT still compiling, a
     * collection, the machine's other load) falls on every kind alike instead of on the first ones.
     */
    private static void time(Api api, int repeats, List<String[]> kinds) {
        long[][] nanos = new long[kinds.size()][repeats];
        int[] items = new int[kinds.size()];
        for (int i = 0; i < repeats; i++) {
            for (int k = 0; k < kinds.size(); k++) {
                String path = kinds.get(k)[1];
                long s = System.nanoTime();
                Api.Response r = api.get(path);
                nanos[k][i] = System.nanoTime() - s;
                if (r.status() != 200) {
                    throw new IllegalStateException(path + " -> " + r);
                }
                items[k] = path.startsWith("/api/") ? r.items().size() : 0;
            }
        }
        for (int k = 0; k < kinds.size(); k++) {
            System.out.printf("%-40s %3d items  %s%n", kinds.get(k)[0], items[k], Figures.percentiles(nanos[k]));
        }
    }

    /**
     * Makes two tenants on {@code server}, stops it and bulk-loads {@code leads} leads into the first
     * and {@code others} into the second; the server stays stopped (restart it to measure).
     *
     * @return the first tenant's administrator
     */
    static Fixtures.TenantAdmin loadTwoTenants(LeadlineServer server, int leads, int others) throws Exception {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        String owner = tenant.api().get("/api/v1/auth/me").json().getString("id");
        String otherOwner = other.api().get("/api/v1/auth/me").json().getString("id");
        server.stop();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "")) {
            load(c, tenant.tenantId(), owner, leads, 1);
            load(c, other.tenantId(), otherOwner, others, 2);
        }
        Figures.releaseEmbeddedDerby(server);
        return tenant;
    }

    /** Walks the newest-first list page by page, as a client paging through would. */
    private static void walk(Api api, int pages) {
        String path = "/api/v1/leads?limit=50";
        long[] nanos = new long[pages];
        for (int i = 0; i < pages; i++) {
            long s = System.nanoTime();
            Api.Response r = api.get(path);
            nanos[i] = System.nanoTime() - s;
            String next = r.json().getJsonObject("page").getString("nextCursor", null);
            if (next == null) {
                break;
            }
            path = "/api/v1/leads?limit=50&cursor=" + next;
        }
        System.out.printf("%-40s %3d pages  %s%n", "walking pages with the cursor", pages, Figures.percentiles(nanos));
    }

    static void load(Connection c, String tenantId, String owner, int count, int seed) throws Exception {
        c.setAutoCommit(false);
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement lead = c.prepareStatement("INSERT INTO leads (id, tenant_id, first_name, last_name,"
                + " email, company_name, source, status, owner_id, created_at, created_by, updated_at, updated_by,"
                + " version, last_name_key, company_key, email_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)");
             PreparedStatement term = c.prepareStatement(
                     "INSERT INTO lead_search_terms (lead_id, term, tenant_id, created_at, last_name_key, company_key)"
                             + " VALUES (?,?,?,?,?,?)")) {
            for (int i = 0; i < count; i++) {
                // Spread over the past year, oldest first, like leads arriving over time.
                Instant created = now.minus((long) (count - i) * 31_536_000_000L / count, ChronoUnit.MILLIS);
                String id = timeOrderedId(created, random);
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String company = "Company" + random.nextInt(20_000) + " GmbH";
                String email = "lead" + i + "." + seed + "@example.com";
                Timestamp ts = Timestamp.valueOf(LocalDateTime.ofInstant(created, ZoneOffset.UTC));
                lead.setString(1, id);
                lead.setString(2, tenantId);
                lead.setString(3, first);
                lead.setString(4, last);
                lead.setString(5, email);
                lead.setString(6, company);
                lead.setString(7, SOURCES[random.nextInt(SOURCES.length)]);
                lead.setString(8, STATUSES[random.nextInt(STATUSES.length)]);
                lead.setString(9, owner);
                lead.setTimestamp(10, ts);
                lead.setString(11, owner);
                lead.setTimestamp(12, ts);
                lead.setString(13, owner);
                lead.setString(14, last.toLowerCase(Locale.ROOT));
                lead.setString(15, company.toLowerCase(Locale.ROOT));
                lead.setString(16, email);
                lead.addBatch();
                for (String t : terms(first, last, company, email)) {
                    term.setString(1, id);
                    term.setString(2, t);
                    term.setString(3, tenantId);
                    term.setTimestamp(4, ts);
                    term.setString(5, last.toLowerCase(Locale.ROOT));
                    term.setString(6, company.toLowerCase(Locale.ROOT));
                    term.addBatch();
                }
                if (i % 1000 == 999) {
                    lead.executeBatch();
                    term.executeBatch();
                    c.commit();
                }
            }
            lead.executeBatch();
            term.executeBatch();
            c.commit();
        }
    }

    /** The same words the server indexes: name and company words, the e-mail and its parts. */
    private static Set<String> terms(String first, String last, String company, String email) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : new String[] {first, last, company, email.replace('@', ' ')}) {
            String normalized = java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "");
            for (String w : normalized.split("[^\\p{L}\\p{N}]+")) {
                if (!w.isBlank()) {
                    terms.add(w);
                }
            }
        }
        terms.add(email);
        return terms;
    }

    private static String timeOrderedId(Instant at, Random random) {
        long millis = at.toEpochMilli();
        return String.format("%08x-%04x-7%03x-%04x-%012x", millis >>> 16, millis & 0xffff, random.nextInt(0x1000),
                0x8000 | random.nextInt(0x4000), random.nextLong() & 0xffffffffffffL);
    }
}
