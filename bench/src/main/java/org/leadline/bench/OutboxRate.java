package org.leadline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * What the outbox costs a lead's creation and how fast it delivers. One server with the built-in
 * plugins and the journal listener (a real plugin jar from the test plugins, called after commit,
 * appending a line per event to a file). Two tenants create {@code --leads} leads each from
 * {@code --threads} threads, in the same run: one without an after-commit listener (no outbox
 * entry), one with the journal enabled (one outbox entry per lead event). Prints both creation
 * rates, their ratio, and for the journal tenant the delivery rate (events delivered per second
 * from the first creation to the last delivery) and how far delivery lagged behind the last
 * creation.
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline -Dleadline.it.test-plugins=dist/target/test-plugins
 * [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes"
 * org.leadline.bench.OutboxRate --leads 5000 --threads 16}
 */
public final class OutboxRate {

    private OutboxRate() {
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int leads = Figures.intArg(args, "--leads", 5000);
        int threads = Figures.intArg(args, "--threads", 16);
        Path work = Files.createTempDirectory("leadline-outbox-");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path home = Path.of(System.getProperty("leadline.home", "dist/target/leadline")).toAbsolutePath();
        try (var jars = Files.list(home.resolve("plugins"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        Path testPlugins = Path.of(System.getProperty("leadline.it.test-plugins", "dist/target/test-plugins"));
        Files.copy(testPlugins.resolve("journal-v1.jar"), plugins.resolve("journal-v1.jar"));
        Map<String, String> env = new HashMap<>();
        env.put("LEADLINE_PLUGINS_DIR", plugins.toString());
        // the backlog phase: a listener that cannot write is tried again every second, without giving up
        env.put("LEADLINE_DELIVERIES_RETRY_BASE", "PT1S");
        env.put("LEADLINE_DELIVERIES_RETRY_MAX", "PT1S");
        env.put("LEADLINE_DELIVERIES_MAX_ATTEMPTS", "100000");
        env.put("LEADLINE_PLUGINS_QUARANTINE_AFTER", "100000000");
        System.out.printf("database: %s, leads per tenant: %,d, client threads: %d%n",
                LeadlineServer.onPostgresql() ? "postgresql" : "derby", leads, threads);
        LeadlineServer server = LeadlineServer.start(work, env);
        try {
            Fixtures.TenantAdmin quiet = Fixtures.newTenant(server);
            Fixtures.TenantAdmin told = Fixtures.newTenant(server);
            Path journal = work.resolve("journal.log");
            Api.Response set = told.api().put("/api/v1/extensions/journal/journal/settings",
                    Json.createObjectBuilder().add("journalFile", journal.toString()).build(), Map.of());
            Api.Response on = told.api().post("/api/v1/extensions/journal/journal/enable");
            if (set.status() != 200 || on.status() != 200) {
                throw new IllegalStateException("enabling the journal failed: " + set + " " + on);
            }
            // warm-up: both paths, then wait until the journal's share is delivered
            create(quiet.api(), leads / 5, threads, "WarmQuiet");
            create(told.api(), leads / 5, threads, "WarmTold");
            long warmLines = awaitQuiet(journal);

            // alternate, twice, so neither tenant always runs on the warmer server
            double quietRate = 0;
            double toldRate = 0;
            double deliveryRate = 0;
            double lagSeconds = 0;
            for (int round = 1; round <= 2; round++) {
                quietRate += create(quiet.api(), leads / 2, threads, "Quiet" + round);
                long before = lines(journal);
                long start = System.nanoTime();
                toldRate += create(told.api(), leads / 2, threads, "Told" + round);
                long created = System.nanoTime();
                long after = awaitQuiet(journal);
                long delivered = after - before;
                double seconds = (lastGrowth - start) / 1e9;
                deliveryRate += delivered / seconds;
                lagSeconds += Math.max(0, (lastGrowth - created) / 1e9);
                System.out.printf("round %d: %,d events delivered in %.1f s from the first creation%n", round,
                        delivered, seconds);
            }
            System.out.printf("creates without an after-commit listener: %,.0f leads/s%n", quietRate / 2);
            System.out.printf("creates with the journal listener (outbox): %,.0f leads/s (ratio %.2f)%n",
                    toldRate / 2, toldRate / quietRate);
            System.out.printf("outbox delivery while creating: %,.0f events/s; the last event delivered %.1f s after "
                    + "the last create (warm-up delivered %,d events)%n", deliveryRate / 2, lagSeconds / 2, warmLines);

            // A backlog: the journal's folder is missing while leads are created, so every entry waits;
            // then the folder appears and the whole backlog drains.
            Path missing = work.resolve("later").resolve("journal.log");
            Api.Response moved = told.api().put("/api/v1/extensions/journal/journal/settings",
                    Json.createObjectBuilder().add("journalFile", missing.toString()).build(), Map.of());
            if (moved.status() != 200) {
                throw new IllegalStateException("moving the journal failed: " + moved);
            }
            create(told.api(), leads, threads, "Backlog");
            int waiting = told.api().get("/api/v1/extensions/journal/journal/deliveries").json().getInt("pending");
            long drainStart = System.nanoTime();
            Files.createDirectories(missing.getParent());
            long drained = awaitQuiet(missing);
            double drainSeconds = (lastGrowth - drainStart) / 1e9;
            System.out.printf("backlog: %,d entries waiting; %,d events delivered in %.1f s once the listener could "
                    + "take them: %,.0f events/s%n", waiting, drained, drainSeconds, drained / drainSeconds);
        } finally {
            server.discard();
        }
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    /** Creates {@code count} distinct leads from {@code threads} threads; answers leads per second. */
    private static double create(Api api, int count, int threads, String prefix) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Api.Response r = api.send("POST", "/api/v1/leads",
                                CoreTargets.createBody(UNIQUE.incrementAndGet()), "application/json", Map.of());
                        if (r.status() != 201) {
                            throw new IllegalStateException("creating a lead failed: " + r);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static volatile long lastGrowth;

    /** Waits until the journal stopped growing for 3 s; answers its line count, noting when it last grew. */
    private static long awaitQuiet(Path journal) throws Exception {
        long count = lines(journal);
        lastGrowth = System.nanoTime();
        while (System.nanoTime() - lastGrowth < 3_000_000_000L) {
            Thread.sleep(50);
            long now = lines(journal);
            if (now != count) {
                count = now;
                lastGrowth = System.nanoTime();
            }
        }
        return count;
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }
}
