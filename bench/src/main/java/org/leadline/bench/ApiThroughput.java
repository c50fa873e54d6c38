package org.leadline.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * Start-up time, idle memory, and create/list throughput of the real distribution.
 *
 * <p>Usage (after {@code mvn -B -q package -DskipTests}):
 * {@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.ApiThroughput --leads 20000 --threads 32}
 */
public final class ApiThroughput {

    private ApiThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int leads = Figures.intArg(args, "--leads", 20_000);
        int threads = Figures.intArg(args, "--threads", 32);
        int lists = Figures.intArg(args, "--lists", 5_000);
        System.out.printf("database: %s, cores: %d%n", LeadlineServer.onPostgresql() ? "postgresql" : "derby",
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-bench-"), Map.of());
        System.out.printf("start to ready: %.1f s (java -jar until /health/ready answers 200)%n",
                (System.nanoTime() - t0) / 1e9);
        try {
            Thread.sleep(10_000);
            System.out.printf("idle RSS 10 s after ready: %d MiB%n", Figures.rssMiB(server.pid()));

            Api api = Fixtures.newTenant(server).api();
            run("warm-up create", threads, Math.min(leads, 3_000), i -> api.post("/api/v1/leads",
                    Fixtures.tradeFairLead("Warm" + i)).status() == 201);
            run("create lead (POST /leads)", threads, leads, i -> api.post("/api/v1/leads",
                    Fixtures.tradeFairLead("Bench" + i)).status() == 201);
            run("list 50 leads (GET /leads?limit=50)", threads, lists,
                    i -> api.get("/api/v1/leads?limit=50").status() == 200);
            run("search (GET /leads?q=bench1&limit=20)", threads, lists,
                    i -> api.get("/api/v1/leads?q=bench1&limit=20").status() == 200);
            System.out.printf("RSS after load: %d MiB%n", Figures.rssMiB(server.pid()));
        } finally {
            server.discard();
        }
    }

    interface Call {
        boolean run(int i) throws Exception;
    }

    static void run(String name, int threads, int total, Call call) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long s = System.nanoTime();
                    try {
                        if (!call.run(i)) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%-40s %7d requests, %d threads: %8.0f req/s, %s, failed %d%n",
                name, total, threads, total / seconds, Figures.percentiles(latencies), failed.get());
    }
}
