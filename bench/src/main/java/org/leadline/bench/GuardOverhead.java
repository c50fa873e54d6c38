package org.leadline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.leadline.server.plugins.Guard;

/**
 * What the plugin guard costs per call: a trivial extension called directly and through the
 * {@link Guard} the server uses for every call into a plugin (hand-over to a guard thread, the
 * plugin's context class loader, the time limit, the counters). Plain Java, no server: the guard has
 * no container types.
 *
 * <p>Each measurement warms up first, then times {@code --calls} calls and prints ns per call; the
 * guarded calls are also run from {@code --threads} threads at once, as concurrent requests would.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.GuardOverhead --calls 1000000 --threads 4}
 */
public final class GuardOverhead {

    /** The extension: as little work as a call can do, so what is measured is the way there. */
    static final class TrivialExtension {
        int points(int seed) {
            return seed * 31 + 7;
        }
    }

    private static volatile int sink;

    private GuardOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Figures.intArg(args, "--calls", 1_000_000);
        int threads = Figures.intArg(args, "--threads", 4);
        TrivialExtension extension = new TrivialExtension();
        ClassLoader loader = new ClassLoader(GuardOverhead.class.getClassLoader()) { };
        Guard.Target target = new Guard.Target("tenant", "bench", "trivial", loader);
        System.out.printf("calls: %,d, threads for the concurrent run: %d, %s %s, %d cores%n", calls, threads,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        try (Guard guard = new Guard(Duration.ofSeconds(2), 5, 32, (t, p, e, r) -> { })) {
            direct(extension, calls);
            double directNs = direct(extension, calls);
            guarded(guard, target, extension, calls / 5);
            double guardedNs = guarded(guard, target, extension, calls);
            long[] samples = sampled(guard, target, extension, Math.min(calls, 200_000));
            guardedConcurrently(guard, target, extension, threads, calls / 10);
            double concurrentNs = guardedConcurrently(guard, target, extension, threads, calls);

            System.out.printf("direct call:                   %10.1f ns/call%n", directNs);
            System.out.printf("guarded call, one thread:      %10.1f ns/call (%s)%n", guardedNs, percentilesMicros(samples));
            System.out.printf("guarded, %2d threads at once:   %10.1f ns/call wall time per call, %.1f ns/call per thread%n",
                    threads, concurrentNs, concurrentNs * threads);
            System.out.printf("guard overhead:                %10.1f ns/call (%.2f µs)%n", guardedNs - directNs,
                    (guardedNs - directNs) / 1000);
            System.out.println("guard counters: " + guard.metrics("bench").snapshot());
        }
    }

    private static double direct(TrivialExtension extension, int calls) {
        int acc = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            acc += extension.points(i);
        }
        long nanos = System.nanoTime() - start;
        sink = acc;
        return (double) nanos / calls;
    }

    private static double guarded(Guard guard, Guard.Target target, TrivialExtension extension, int calls) {
        int acc = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            int seed = i;
            Guard.Outcome<Integer> o = guard.call(target, () -> extension.points(seed));
            acc += o.value();
        }
        long nanos = System.nanoTime() - start;
        sink = acc;
        return (double) nanos / calls;
    }

    /** Each call timed on its own, for the spread. */
    private static long[] sampled(Guard guard, Guard.Target target, TrivialExtension extension, int calls) {
        long[] nanos = new long[calls];
        int acc = 0;
        for (int i = 0; i < calls; i++) {
            int seed = i;
            long start = System.nanoTime();
            acc += guard.call(target, () -> extension.points(seed)).value();
            nanos[i] = System.nanoTime() - start;
        }
        sink = acc;
        return nanos;
    }

    private static double guardedConcurrently(Guard guard, Guard.Target target, TrivialExtension extension,
                                              int threads, int calls) throws InterruptedException {
        int perThread = calls / threads;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong failures = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                int acc = 0;
                for (int i = 0; i < perThread; i++) {
                    int seed = i;
                    Guard.Outcome<Integer> o = guard.call(target, () -> extension.points(seed));
                    if (o.ok()) {
                        acc += o.value();
                    } else {
                        failures.incrementAndGet();
                    }
                }
                sink = acc;
            });
            w.start();
            workers.add(w);
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        long nanos = System.nanoTime() - start;
        if (failures.get() > 0) {
            System.out.println("concurrent run: " + failures.get() + " calls failed");
        }
        return (double) nanos / (perThread * (long) threads);
    }

    private static String percentilesMicros(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return String.format("each call timed: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs",
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
                sorted[(int) (sorted.length * 0.999)] / 1000.0);
    }
}
