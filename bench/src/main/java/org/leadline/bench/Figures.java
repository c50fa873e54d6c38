package org.leadline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Small measuring helpers shared by the benchmarks. */
final class Figures {

    private Figures() {
    }

    /**
     * Benchmarks measure the server as it runs in production: with the JVM options the launcher
     * gives it (a bounded heap, the serial collector), unless
     * {@code -Dleadline.it.server-jvm-options=...} says otherwise (the test suite's servers use
     * options that start fast instead).
     */
    static void productionServer() {
        if (System.getProperty("leadline.it.server-jvm-options") == null) {
            System.setProperty("leadline.it.server-jvm-options", CoreTargets.SERVER_JVM);
        }
        System.out.println("server JVM options: " + System.getProperty("leadline.it.server-jvm-options"));
    }

    /**
     * After loading a stopped server's embedded Derby database directly, shuts Derby down in this
     * JVM: embedded Derby allows one process per database, and the server is next.
     */
    static void releaseEmbeddedDerby(org.leadline.it.LeadlineServer server) {
        if (!server.jdbcUrl().startsWith("jdbc:derby:")) {
            return;
        }
        try {
            java.sql.DriverManager.getConnection(server.jdbcUrl() + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby reports a successful shutdown as an exception (SQLState 08006)
        }
    }

    /** Resident memory of a process in MiB, from /proc (Linux). */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** "p50 / p95 / p99" of latencies in nanoseconds, printed in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return at(sorted, 0.5);
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    /** The value after {@code name} in {@code args}, or null when it is not given. */
    static String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
