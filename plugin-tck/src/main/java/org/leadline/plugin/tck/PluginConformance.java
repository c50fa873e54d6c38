package org.leadline.plugin.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The conformance suite for a Leadline plugin jar. Extend it in your plugin's project, name your jar
 * and the extension ids it must offer, and run it with failsafe:
 *
 * <pre>{@code
 * class LeadLoggerConformanceIT extends PluginConformance {
 *     protected Path pluginArchive() { return Path.of("target/lead-logger-1.0.0.jar"); }
 *     protected Set<String> expectedExtensions() { return Set.of("lead-logger"); }
 * }
 * }</pre>
 *
 * <p>The suite starts a real Leadline distribution (folder given by the system property
 * {@code leadline.home}, e.g. an unpacked download) once, with your jar and two altered copies of
 * it in its plugins folder, and checks: your plugin loads and starts; its extensions are found with
 * valid declarations; it stays off for a tenant until enabled; a copy whose {@code Plugin-Requires}
 * the server cannot meet is refused; a copy whose start fails ends FAILED while the server serves;
 * each extension keeps the contract of its kind, called directly in this JVM with edge cases
 * ({@link ExtensionContracts}: null results, 16 threads at once, settings defaults, process stages,
 * conversion previews without effects, lead sources fed empty and garbage material).
 *
 * <p>The plugin API and PF4J must be on the test class path (as your plugin's {@code provided}
 * dependencies are).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class PluginConformance {

    /** Your plugin jar, as your build produces it. */
    protected abstract Path pluginArchive();

    /** The ids of the extensions your plugin must offer. */
    protected abstract Set<String> expectedExtensions();

    private static final String ADMIN_PASSWORD = "tck-platform-admin-1";
    private static final String OWNER_PASSWORD = "tck-tenant-owner-1";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Path workDir;
    private Process server;
    private String base;
    private String pluginId;

    @BeforeAll
    void startServer() throws Exception {
        Path archive = pluginArchive();
        assertTrue(Files.isRegularFile(archive), "no plugin jar at " + archive.toAbsolutePath());
        try (JarFile jar = new JarFile(archive.toFile())) {
            assertNotNull(jar.getManifest(), "the jar has no manifest");
            pluginId = jar.getManifest().getMainAttributes().getValue("Plugin-Id");
        }
        assertNotNull(pluginId, "the manifest has no Plugin-Id");
        workDir = Files.createTempDirectory("leadline-tck-");
        Path plugins = Files.createDirectories(workDir.resolve("plugins"));
        Files.copy(archive, plugins.resolve(pluginId + ".jar"));
        variant(archive, plugins.resolve("requires-variant.jar"), pluginId + "-tck-requires", ">=99.0.0", null);
        variant(archive, plugins.resolve("failing-variant.jar"), pluginId + "-tck-failing", null, "org.leadline.tck.NoSuchPluginClass");

        Path home = Path.of(System.getProperty("leadline.home", "leadline")).toAbsolutePath();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", home.resolve("leadline.jar").toString())
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server.log").toFile());
        pb.environment().put("LEADLINE_HTTP_PORT", Integer.toString(port));
        pb.environment().put("LEADLINE_DATA_DIR", workDir.resolve("data").toString());
        pb.environment().put("LEADLINE_PLUGINS_DIR", plugins.toString());
        pb.environment().put("LEADLINE_PLUGINS_TENANT_DEFAULTS", "none");
        pb.environment().put("LEADLINE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("LEADLINE_BOOTSTRAP_TENANT_ADMIN_PASSWORD", OWNER_PASSWORD);
        server = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server exited; see " + workDir.resolve("server.log"));
            try {
                if (send("GET", "/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become ready; see " + workDir.resolve("server.log"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        if (workDir != null && !Boolean.getBoolean("leadline.tck.keep")) {
            try (var files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void thePluginLoadsAndStarts() throws Exception {
        JsonObject plugin = plugin(pluginId);
        assertEquals("STARTED", plugin.getString("state"), plugin::toString);
        assertEquals(List.of(), plugin.getJsonArray("problems").getValuesAs(JsonValue::toString),
                "extensions the server refused: " + plugin.getJsonArray("problems"));
    }

    @Test
    void itsExtensionsAreFoundWithTheirDeclarations() throws Exception {
        JsonObject plugin = plugin(pluginId);
        Set<String> ids = plugin.getJsonArray("extensions").stream().map(v -> v.asJsonObject().getString("id"))
                .collect(Collectors.toSet());
        assertEquals(expectedExtensions(), ids);
        plugin.getJsonArray("extensions").forEach(e -> assertNotNull(e.asJsonObject().getJsonArray("settings")));
    }

    @Test
    void aPluginATenantHasNotEnabledStaysOff() throws Exception {
        String owner = login("owner", OWNER_PASSWORD);
        JsonObject list = json(send("GET", "/api/v1/extensions", owner, null));
        List<JsonObject> mine = list.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("pluginId").equals(pluginId)).toList();
        assertEquals(expectedExtensions().size(), mine.size(), list::toString);
        mine.forEach(e -> assertFalse(e.getBoolean("enabled"), e::toString));
        HttpResponse<String> lead = send("POST", "/api/v1/leads", owner, "{\"person\":{\"lastName\":\"Conformance\"},"
                + "\"origin\":{\"source\":\"OTHER\"}}");
        assertEquals(201, lead.statusCode(), lead.body());
        Thread.sleep(500);
        assertEquals(0, plugin(pluginId).getJsonObject("metrics").getJsonNumber("calls").longValue(),
                "a plugin no tenant enabled is never called");
    }

    @Test
    void eachExtensionKeepsTheContractOfItsKind() throws Exception {
        List<String> violations = ExtensionContracts.check(pluginArchive());
        assertTrue(violations.isEmpty(), () -> "contracts broken:\n  " + String.join("\n  ", violations));
    }

    @Test
    void anIncompatiblePluginRequiresIsRefused() throws Exception {
        JsonObject all = json(send("GET", "/api/v1/admin/plugins", admin(), null));
        assertFalse(all.getJsonArray("items").stream().anyMatch(p -> p.asJsonObject().getString("id")
                .equals(pluginId + "-tck-requires")));
        String reason = all.getJsonArray("refused").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("archive").equals("requires-variant.jar")).map(r -> r.getString("reason"))
                .findFirst().orElseThrow(() -> new AssertionError("not refused: " + all));
        assertTrue(reason.contains(">=99.0.0"), reason);
    }

    @Test
    void aPluginFailingAtStartEndsFailedWhileTheServerServes() throws Exception {
        JsonObject failing = plugin(pluginId + "-tck-failing");
        assertEquals("FAILED", failing.getString("state"), failing::toString);
        assertEquals(200, send("GET", "/health/ready", null, null).statusCode());
        assertEquals(200, send("GET", "/api/v1/leads", login("owner", OWNER_PASSWORD), null).statusCode());
    }

    /**
     * Enables every extension of the plugin that needs no setting without default for the tenant and
     * works leads through their life: sixteen created at once (your extensions are called from many
     * threads at the same time: keep no unguarded mutable state), then one edited, previewed for
     * qualification, qualified, and another disqualified, reopened, deleted and restored. No call
     * may break its extension point's contract (throw, answer {@code null} where a result is due,
     * e.g. from a {@code ScoringRule}, or exceed the time limit): the plugin's failure and time-out
     * counters stay at 0, nothing is quarantined, and every after-commit delivery to your listeners
     * and conversion handlers is taken (none waits or failed at the end). Runs last: it enables what
     * the other checks expect off.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void enabledItsExtensionsHandleALeadWithinTheirContract() throws Exception {
        String owner = login("owner", OWNER_PASSWORD);
        JsonObject list = json(send("GET", "/api/v1/extensions", owner, null));
        List<JsonObject> mine = list.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("pluginId").equals(pluginId)).toList();
        for (JsonObject e : mine) {
            boolean needsSetting = e.getJsonArray("settings").stream().map(JsonValue::asJsonObject)
                    .anyMatch(s -> s.getBoolean("required") && !s.containsKey("default") && !s.getBoolean("secret"));
            if (!needsSetting) {
                HttpResponse<String> enabled = send("POST", "/api/v1/extensions/" + pluginId + "/" + e.getString("id")
                        + "/enable", owner, null);
                assertEquals(200, enabled.statusCode(), enabled.body());
            }
        }
        // Many at once: the same extension instances serve concurrent requests.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<HttpResponse<String>>> creates = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String body = "{\"person\":{\"firstName\":\"Vera\",\"lastName\":\"Vertrag" + i + "\",\"email\":\"vertrag" + i
                        + "@tck.example\"},\"company\":{\"name\":\"Vertrag " + i + " GmbH\"},\"origin\":{\"source\":\"TRADE_FAIR\"},"
                        + "\"qualification\":{\"budget\":{\"amount\":50000,\"currency\":\"EUR\"},\"need\":\"CRM\","
                        + "\"purchaseTimeframe\":\"THIS_QUARTER\"}}";
                creates.add(pool.submit(() -> send("POST", "/api/v1/leads", owner, body)));
            }
            for (var f : creates) {
                assertEquals(201, f.get().statusCode(), f.get().body());
            }
        } finally {
            pool.shutdown();
        }
        String first = json(creates.get(0).get()).getString("id");
        String second = json(creates.get(1).get()).getString("id");
        HttpResponse<String> read = send("GET", "/api/v1/leads/" + first, owner, null);
        HttpResponse<String> edited = send("PATCH", "/api/v1/leads/" + first, owner,
                "{\"person\":{\"jobTitle\":\"Head of Sales\"}}", "application/merge-patch+json",
                read.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, edited.statusCode(), edited.body());
        HttpResponse<String> preview = send("POST", "/api/v1/leads/" + first + "/qualify?dryRun=true", owner, "{}");
        assertEquals(200, preview.statusCode(), preview.body());
        HttpResponse<String> qualified = send("POST", "/api/v1/leads/" + first + "/qualify", owner, "{}");
        assertTrue(qualified.statusCode() == 201 || qualified.statusCode() == 422,
                "qualified, or vetoed by a conversion handler with its reason: " + qualified.body());
        assertEquals(200, send("POST", "/api/v1/leads/" + second + "/disqualify", owner,
                "{\"reason\":\"NO_BUDGET\"}").statusCode());
        assertEquals(200, send("POST", "/api/v1/leads/" + second + "/reopen", owner, null).statusCode());
        String version = send("GET", "/api/v1/leads/" + second, owner, null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> deleted = send("DELETE", "/api/v1/leads/" + second, owner, null, null, version);
        assertEquals(204, deleted.statusCode(), deleted.body());
        HttpResponse<String> restored = send("POST", "/api/v1/deleted-leads/" + second + "/restore", owner, null);
        assertEquals(200, restored.statusCode(), restored.body());

        // Every after-commit delivery to the plugin's listeners and handlers is taken.
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (JsonObject e : mine) {
            String path = "/api/v1/extensions/" + pluginId + "/" + e.getString("id") + "/deliveries";
            JsonObject waiting = json(send("GET", path, owner, null));
            while ((waiting.getInt("pending") > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                waiting = json(send("GET", path, owner, null));
            }
            assertEquals(0, waiting.getInt("pending") + waiting.getInt("failed"),
                    "after-commit deliveries your extension " + e.getString("id") + " did not take: " + waiting);
        }
        JsonObject plugin = plugin(pluginId);
        JsonObject metrics = plugin.getJsonObject("metrics");
        assertEquals(0, metrics.getJsonNumber("failures").longValue(), "calls that broke the contract: " + metrics
                + "; the server log names each (" + workDir.resolve("server.log") + ", -Dleadline.tck.keep=true keeps it)");
        assertEquals(0, metrics.getJsonNumber("timeouts").longValue(), metrics::toString);
        assertEquals(0, plugin.getJsonArray("quarantines").size(), plugin::toString);
    }

    // ---- helpers

    private JsonObject plugin(String id) throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/admin/plugins/" + id, admin(), null);
        assertEquals(200, r.statusCode(), "plugin " + id + ": " + r.body());
        return json(r);
    }

    private String admin() throws Exception {
        return login("admin", ADMIN_PASSWORD);
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/auth/login", null,
                Json.createObjectBuilder().add("username", user).add("password", password).build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return json(r).getString("token");
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return send(method, path, token, json, "application/json", null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String contentType,
                                      String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** A copy of the jar under another plugin id, with a changed requirement or plugin class. */
    private static void variant(Path source, Path target, String id, String requires, String pluginClass) throws IOException {
        try (JarFile in = new JarFile(source.toFile());
             OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes a = manifest.getMainAttributes();
            a.putValue("Plugin-Id", id);
            if (requires != null) {
                a.putValue("Plugin-Requires", requires);
            }
            if (pluginClass != null) {
                a.putValue("Plugin-Class", pluginClass);
            }
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                List<JarEntry> entries = new ArrayList<>(in.stream().toList());
                for (JarEntry e : entries) {
                    if (e.getName().equals(JarFile.MANIFEST_NAME) || e.getName().equals("META-INF/")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                }
            }
        }
    }
}
