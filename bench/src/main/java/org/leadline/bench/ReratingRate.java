package org.leadline.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
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

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * How fast a changed rule set re-rates a tenant's leads.
 *
 * <p>Starts the distribution, creates a tenant, stops it, bulk-loads {@code --leads} leads with
 * qualification data (budget, need, timeframe, source, authority) by JDBC, starts it again, saves a
 * rule set through the API and polls the re-rating job until it is done. Prints leads per second,
 * measured from the save to the job's end. The built-in BANT plugin stays enabled, so every lead
 * also goes through a plugin call.
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.ReratingRate --leads 100000}
 */
public final class ReratingRate {

    private static final String[] SOURCES = {"WEB", "HOMEPAGE", "TRADE_FAIR", "CAMPAIGN", "EMAIL", "PHONE", "REFERRAL",
        "PARTNER", "SOCIAL", "IMPORT", "OTHER"};
    private static final String[] TIMEFRAMES = {"IMMEDIATE", "THIS_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "NEXT_YEAR", "UNKNOWN"};

    private ReratingRate() {
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int leads = Figures.intArg(args, "--leads", 100_000);
        System.out.printf("database: %s, leads: %,d%n", LeadlineServer.onPostgresql() ? "postgresql" : "derby", leads);
        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-rerate-"), Map.of());
        try {
            Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
            String owner = tenant.api().get("/api/v1/auth/me").json().getString("id");
            server.stop();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "")) {
                load(c, tenant.tenantId(), owner, leads);
            }
            Figures.releaseEmbeddedDerby(server);
            server.restart();
            Api api = server.api().login(tenant.slug(), tenant.username(), "password-of-" + tenant.slug());

            // Twice: the first run rates leads never rated (inserts), the second changes existing ratings.
            for (int run = 1; run <= 2; run++) {
                JsonObject rules = rules(run);
                long start = System.nanoTime();
                Api.Response saved = api.put("/api/v1/qualification/rules", rules, Map.of());
                if (saved.status() != 201) {
                    throw new IllegalStateException("saving the rule set failed: " + saved);
                }
                String job = saved.json().getJsonObject("rerating").getString("id");
                JsonObject status;
                while (true) {
                    status = api.get("/api/v1/qualification/jobs/" + job).json();
                    if (!status.getString("state").equals("RUNNING")) {
                        break;
                    }
                    Thread.sleep(250);
                }
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d (%s): %,d of %,d leads re-rated, %d errors, in %.1f s: %,.0f leads/s%n", run,
                        run == 1 ? "first rating" : "changed rules", status.getJsonNumber("processed").longValue(),
                        status.getJsonNumber("total").longValue(), status.getJsonNumber("errors").longValue(), secs,
                        status.getJsonNumber("processed").longValue() / secs);
            }
        } finally {
            server.discard();
        }
    }

    private static JsonObject rules(int run) {
        return Json.createObjectBuilder()
                .add("thresholds", Json.createObjectBuilder().add("hot", 60).add("warm", 30))
                .add("rules", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", "budget-and-need").add("points", 40 + run)
                                .add("when", Json.createObjectBuilder().add("all", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("budgetAtLeast", Json.createObjectBuilder()
                                                .add("amount", 20000).add("currency", "EUR")))
                                        .add(Json.createObjectBuilder().add("present", "need"))))
                                .add("recommend", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("text", "Send a proposal").add("kind", "PROPOSAL").add("dueInDays", 3))))
                        .add(Json.createObjectBuilder().add("id", "soon").add("points", 20)
                                .add("when", Json.createObjectBuilder().add("timeframeWithinMonths", 6)))
                        .add(Json.createObjectBuilder().add("id", "fair-or-referral").add("points", 15 * run)
                                .add("when", Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder()
                                        .add("TRADE_FAIR").add("REFERRAL"))))
                        .add(Json.createObjectBuilder().add("id", "decider").add("points", 15)
                                .add("when", Json.createObjectBuilder().add("decisionMakerKnown", true)))
                        .add(Json.createObjectBuilder().add("id", "quiet").add("points", -10)
                                .add("when", Json.createObjectBuilder().add("noContactForDays", 60))))
                .build();
    }

    private static void load(Connection c, String tenantId, String owner, int count) throws Exception {
        c.setAutoCommit(false);
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long t0 = System.nanoTime();
        try (PreparedStatement lead = c.prepareStatement("INSERT INTO leads (id, tenant_id, last_name, company_name,"
                + " source, status, owner_id, created_at, created_by, updated_at, updated_by, version, last_name_key,"
                + " company_key, budget_amount, budget_currency, need, purchase_timeframe, decision_maker)"
                + " VALUES (?,?,?,?,?,'OPEN',?,?,?,?,?,1,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < count; i++) {
                Instant created = now.minus((long) (count - i) * 31_536_000_000L / count, ChronoUnit.MILLIS);
                Timestamp ts = Timestamp.valueOf(LocalDateTime.ofInstant(created, ZoneOffset.UTC));
                String last = "Lead" + i;
                String company = "Company" + random.nextInt(20_000) + " GmbH";
                lead.setString(1, String.format("%08x-%04x-7%03x-%04x-%012x", created.toEpochMilli() >>> 16,
                        created.toEpochMilli() & 0xffff, random.nextInt(0x1000), 0x8000 | random.nextInt(0x4000),
                        random.nextLong() & 0xffffffffffffL));
                lead.setString(2, tenantId);
                lead.setString(3, last);
                lead.setString(4, company);
                lead.setString(5, SOURCES[random.nextInt(SOURCES.length)]);
                lead.setString(6, owner);
                lead.setTimestamp(7, ts);
                lead.setString(8, owner);
                lead.setTimestamp(9, ts);
                lead.setString(10, owner);
                lead.setString(11, last.toLowerCase(Locale.ROOT));
                lead.setString(12, company.toLowerCase(Locale.ROOT));
                boolean budget = random.nextBoolean();
                lead.setBigDecimal(13, budget ? BigDecimal.valueOf(1000L * random.nextInt(100)) : null);
                lead.setString(14, budget ? (random.nextInt(5) == 0 ? "USD" : "EUR") : null);
                lead.setString(15, random.nextBoolean() ? "Needs a better way to track leads" : null);
                lead.setString(16, TIMEFRAMES[random.nextInt(TIMEFRAMES.length)]);
                lead.setObject(17, random.nextInt(3) == 0 ? Boolean.TRUE : null, java.sql.Types.BOOLEAN);
                lead.addBatch();
                if (i % 1000 == 999) {
                    lead.executeBatch();
                    c.commit();
                }
            }
            lead.executeBatch();
            c.commit();
        }
        System.out.printf("bulk load: %,d leads in %s%n", count, Duration.ofNanos(System.nanoTime() - t0));
    }
}
