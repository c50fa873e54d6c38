package org.leadline.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * How long the plugin host takes to load and start the distribution's plugins when the server
 * starts: the total and each plugin's, as the platform administrator's plugin list reports them
 * (the server log has the same figures). Starts the distribution {@code --runs} times (a fresh data
 * folder each) and prints every run.
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.PluginLoadTime --runs 3}
 */
public final class PluginLoadTime {

    private PluginLoadTime() {
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int runs = Figures.intArg(args, "--runs", 3);
        System.out.printf("database: %s, runs: %d%n", LeadlineServer.onPostgresql() ? "postgresql" : "derby", runs);
        List<Long> totals = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-plugin-load-"), Map.of());
            try {
                Api admin = Fixtures.platformAdmin(server);
                Api.Response list = admin.get("/api/v1/admin/plugins");
                if (list.status() != 200) {
                    throw new IllegalStateException("listing plugins failed: " + list);
                }
                long total = list.json().getJsonNumber("loadTimeMillis").longValue();
                totals.add(total);
                StringBuilder each = new StringBuilder();
                for (JsonValue v : list.items()) {
                    JsonObject p = v.asJsonObject();
                    each.append(String.format("  %s %s %s: %.1f ms, %d extensions%n", p.getString("id"),
                            p.getString("version"), p.getString("state"),
                            p.containsKey("loadMillis") ? p.getJsonNumber("loadMillis").doubleValue() : Double.NaN,
                            p.getJsonArray("extensions").size()));
                }
                System.out.printf("run %d: all plugins loaded and started in %d ms%n%s", run, total, each);
            } finally {
                server.discard();
            }
        }
        System.out.println("plugin load time at start (ms), per run: " + totals);
    }
}
