package org.leadline.server.plugins;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.PluginApi;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;

/**
 * Measures what the plugin host costs, outside the server: how long PF4J takes to load and start a
 * plugin archive with the server's class-loader boundary, and what one guarded call costs compared
 * with calling the extension directly. A program, not a test: the figures depend on the machine.
 *
 * <pre>
 * mvn -B -o -q verify -pl dist -am -DskipITs        # builds server classes and the fixture jars
 * mvn -B -o -q -pl server test-compile
 * java -cp "server/target/classes:server/target/test-classes:plugin-api/target/classes:$(cat server/target/bench.cp)" \
 *      org.leadline.server.plugins.GuardBenchmark dist/target/test-plugins/journal-v1.jar dist/target/test-plugins/misbehaving.jar
 * </pre>
 * ({@code server/target/bench.cp} from {@code mvn -o -q -pl server dependency:build-classpath -Dmdep.outputFile=target/bench.cp}.)
 */
public final class GuardBenchmark {

    private GuardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Load time: a fresh runtime per round, every archive loaded, started and its extensions created.
        long[] loads = new long[5];
        for (int round = 0; round < loads.length; round++) {
            long t0 = System.nanoTime();
            PluginRuntime runtime = new PluginRuntime(List.of(Path.of(".")), PluginApi.VERSION);
            int extensions = 0;
            for (String archive : args) {
                String id = runtime.loadPlugin(Path.of(archive));
                runtime.startPlugin(id);
                for (Class<?> c : runtime.getExtensionClasses(id)) {
                    c.getDeclaredConstructor().newInstance();
                    extensions++;
                }
            }
            loads[round] = System.nanoTime() - t0;
            System.out.printf("round %d: loaded %d archives, %d extensions in %.1f ms%n", round, args.length, extensions,
                    loads[round] / 1e6);
            runtime.stopPlugins();
            runtime.unloadPlugins();
        }

        LeadLifecycleListener noop = new LeadLifecycleListener() {
            @Override
            public String id() {
                return "noop";
            }

            @Override
            public void onEvent(LeadLifecycleEvent e, PluginContext c) {
            }
        };
        LeadView lead = new LeadView("01a21b2e-0000-7000-8000-000000000000", "OPEN", null, null, null, null, null,
                "Anna", "Schmidt", null, null, null, "ACME", null, null, null, "DE", "WEB", null, null, null, null,
                null, null, Instant.now(), Instant.now(), 0);
        LeadLifecycleEvent event = new LeadLifecycleEvent(LeadLifecycleEvent.Kind.CREATED, lead, null, Instant.now(), Map.of());
        PluginContext context = new PluginContext("tenant", "bench", "noop", ExtensionConfig.empty(), Clock.systemUTC(),
                System.getLogger("bench"));
        try (Guard guard = new Guard(Duration.ofSeconds(2), 5, 32, (t, p, e, r) -> { })) {
            Guard.Target target = new Guard.Target("tenant", "bench", "noop", GuardBenchmark.class.getClassLoader());
            int n = 200_000;
            for (int warm = 0; warm < 3; warm++) {
                long direct = time(n, () -> noop.onEvent(event, context));
                long guarded = time(n, () -> guard.call(target, () -> {
                    noop.onEvent(event, context);
                    return null;
                }));
                System.out.printf("pass %d: direct %.3f us/call, guarded %.3f us/call (%d calls each)%n", warm,
                        direct / 1e3 / n, guarded / 1e3 / n, n);
            }
            System.out.println("guard metrics: " + guard.metrics("bench").snapshot());
        }
    }

    private static long time(int n, Runnable r) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.run();
        }
        return System.nanoTime() - t0;
    }
}
