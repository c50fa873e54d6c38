package org.leadline.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.Await;
import org.leadline.it.LeadlineServer;

/**
 * The plugin platform seen from outside: real plugin archives, built by this build, loaded by PF4J in
 * a running server. The server starts with a plugins folder holding good and bad plugins; tests then
 * install, upgrade, stop and unload plugins through the admin API while leads are being worked.
 *
 * <p>The journal plugin appends a line per lead event to a file named in its settings, naming the
 * plugin version, the event kind, the tenant, the lead and the event's details: what a plugin did is
 * read from those files. The built-in sales process is in the plugins folder too, so leads can move
 * through stages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginPlatformIT {

    private static final Path TEST_PLUGINS = Path.of(System.getProperty("leadline.it.test-plugins", "target/test-plugins"));
    private static final String JAR = "application/java-archive";

    private static LeadlineServer server;
    private static Path workDir;
    private static Api admin;

    @BeforeAll
    static void startServerWithPluginsFolder() throws IOException, InterruptedException {
        workDir = Files.createTempDirectory("leadline-it-plugins-");
        Path builtIn = Files.createDirectories(workDir.resolve("builtin-plugins"));
        for (String name : List.of("misbehaving", "failing-start", "hanging-start", "bundles-api",
                "requires-future")) {
            Files.copy(TEST_PLUGINS.resolve(name + ".jar"), builtIn.resolve(name + ".jar"));
        }
        Path home = Path.of(System.getProperty("leadline.home", "target/leadline")).toAbsolutePath();
        Files.copy(home.resolve("plugins/process-sales.jar"), builtIn.resolve("process-sales.jar"));
        Map<String, String> env = new HashMap<>();
        env.put("LEADLINE_PLUGINS_DIR", builtIn.toString());
        env.put("LEADLINE_PLUGINS_TENANT_DEFAULTS", "journal");
        env.put("LEADLINE_PLUGINS_CALL_TIMEOUT", "PT0.5S");
        env.put("LEADLINE_PLUGINS_QUARANTINE_AFTER", "3");
        env.put("LEADLINE_PLUGINS_MAX_ARCHIVE_BYTES", "200000");
        env.put("LEADLINE_PLUGINS_START_TIMEOUT", "PT2S");
        server = LeadlineServer.start(workDir, env);
        admin = Fixtures.platformAdmin(server);
        // A partner's plugin, installed by upload (a built-in plugin's id cannot be taken by an upload).
        Api.Response journal = upload(admin, TEST_PLUGINS.resolve("journal-v1.jar"));
        assertEquals(201, journal.status(), journal::toString);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            // Kept for reading after a failure; the server's folder is deleted.
            Files.writeString(Path.of("target", "plugin-platform-it-server.log"), server.log());
            server.discard();
        }
    }

    @Test
    @Order(1)
    void atStartGoodPluginsRunAndBadOnesAreRefusedOrFailedWhileTheServerServes() throws IOException {
        Api.Response list = admin.get("/api/v1/admin/plugins");
        assertEquals(200, list.status(), list::toString);
        Map<String, JsonObject> plugins = byId(list);

        JsonObject journal = plugins.get("journal");
        assertEquals("STARTED", journal.getString("state"));
        assertEquals("1.0.0", journal.getString("version"));
        assertFalse(journal.getBoolean("builtIn"), "uploaded");
        JsonObject journalExtension = journal.getJsonArray("extensions").getJsonObject(0);
        assertEquals("journal", journalExtension.getString("id"));
        assertEquals("LIFECYCLE_LISTENER", journalExtension.getString("kind"));
        assertTrue(journalExtension.getJsonArray("settings").stream().map(JsonValue::asJsonObject)
                .anyMatch(s -> s.getString("name").equals("token") && s.getBoolean("secret")), journal::toString);

        JsonObject misbehaving = plugins.get("misbehaving");
        assertEquals("STARTED", misbehaving.getString("state"));
        assertEquals(List.of("linkage", "sleeper", "thrower"), misbehaving.getJsonArray("extensions").stream()
                .map(v -> v.asJsonObject().getString("id")).toList(), "extensions returning garbage are left out");
        String problems = misbehaving.getJsonArray("problems").toString();
        assertTrue(problems.contains("Not An Id!"), problems);
        assertTrue(problems.contains("settings() contains null"), problems);

        JsonObject failing = plugins.get("failing-start");
        assertEquals("FAILED", failing.getString("state"));
        assertTrue(failing.getString("failure").contains("cannot reach the partner's back end"), failing::toString);
        assertEquals(0, failing.getJsonArray("extensions").size());

        // A start() that never returns is given up on after the configured time limit (2 s here).
        JsonObject hanging = plugins.get("hanging-start");
        assertEquals("FAILED", hanging.getString("state"), hanging::toString);
        assertTrue(hanging.getString("failure").contains("start() did not return within 2000 ms"), hanging::toString);
        assertEquals(0, hanging.getJsonArray("extensions").size());
        assertTrue(server.log().contains("Plugin hanging-start failed to start: start() did not return"),
                "the time-out is logged");

        assertFalse(plugins.containsKey("bundles-api"));
        assertFalse(plugins.containsKey("requires-future"));
        Map<String, String> refused = list.json().getJsonArray("refused").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(o -> o.getString("archive"), o -> o.getString("reason")));
        assertTrue(refused.get("bundles-api.jar").contains("bundles the Leadline plugin API"), refused::toString);
        assertTrue(refused.get("bundles-api.jar").contains("provided"), refused::toString);
        assertTrue(refused.get("requires-future.jar").contains("requires plugin API >=99.0.0"), refused::toString);

        assertEquals("1.1.0", list.json().getString("pluginApiVersion"));
        assertTrue(list.json().getJsonNumber("loadTimeMillis").longValue() >= 2000,
                "the total includes the hanging plugin's 2 s: " + list.json().get("loadTimeMillis"));
        assertTrue(journal.getJsonNumber("loadMillis").doubleValue() > 0, journal::toString);
        assertTrue(hanging.getJsonNumber("loadMillis").doubleValue() >= 2000, hanging::toString);
        assertTrue(server.log().contains("Plugin misbehaving 1.0.0: loaded in "), "each plugin's load time is logged");
        assertEquals(200, server.api().get("/health/ready").status());
        // PF4J's own logging reaches the server log through SLF4J's JUL binding.
        assertTrue(server.log().contains("org.pf4j"), "PF4J log lines are missing from the server log");
    }

    @Test
    @Order(2)
    void aNewTenantGetsTheConfiguredDefaultSetAndOnlyAdministratorsSeeIt() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api.Response list = tenant.api().get("/api/v1/extensions");
        assertEquals(200, list.status(), list::toString);
        Map<String, JsonObject> byKey = extensions(list);
        assertTrue(byKey.get("journal/journal").getBoolean("enabled"), "the default set enables the journal");
        assertFalse(byKey.get("misbehaving/sleeper").getBoolean("enabled"), "plugins outside the default set stay off");
        assertFalse(byKey.get("misbehaving/thrower").getBoolean("enabled"));
        assertFalse(byKey.containsKey("failing-start/never-called"), "a failed plugin offers no extensions");
        assertFalse(byKey.containsKey("hanging-start/never-called"), "a plugin that never started offers none");

        assertEquals(403, admin.get("/api/v1/extensions").status(), "platform administrators belong to no tenant");
        assertEquals(403, tenant.api().get("/api/v1/admin/plugins").status());
        assertEquals(401, server.api().get("/api/v1/extensions").status());
    }

    @Test
    @Order(3)
    void aPluginEnabledForTenantAAffectsTheLeadsOfAAndNotOfB() throws Exception {
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Fixtures.TenantAdmin b = Fixtures.newTenant(server);
        Path aJournal = workDir.resolve("journal-" + a.slug() + ".log");
        configure(a, "journal", "journal", Json.createObjectBuilder().add("journalFile", aJournal.toString()).build());
        assertEquals(200, b.api().post("/api/v1/extensions/journal/journal/disable").status());

        String aLead = createLead(a, "Albers");
        String bLead = createLead(b, "Bauer");
        await(() -> read(aJournal).contains(aLead), "A's lead reaches A's journal");
        Thread.sleep(500);
        String everything = read(aJournal) + read(workDir.resolve("journal.log"));
        assertFalse(everything.contains(bLead), "B disabled the journal: its lead must not be journaled");
        assertTrue(read(aJournal).contains("v1 CREATED " + a.tenantId() + " " + aLead), read(aJournal));

        // Each tenant sees its own choices only.
        JsonObject bView = b.api().get("/api/v1/extensions/journal/journal").json();
        assertFalse(bView.getBoolean("enabled"));
        assertFalse(bView.getJsonObject("values").containsKey("journalFile"), bView::toString);
        assertTrue(a.api().get("/api/v1/extensions/journal/journal").json().getBoolean("enabled"));
    }

    @Test
    @Order(4)
    void settingsAreValidatedAgainstTheDeclarationAndSecretsAreNeverEchoed() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        String path = "/api/v1/extensions/journal/journal/settings";
        Api.Response unknown = t.api().put(path, Json.createObjectBuilder().add("bogus", "x").build(), Map.of());
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.fieldError("settings.bogus").contains("is not a setting"), unknown::toString);

        Api.Response wrong = t.api().put(path, Json.createObjectBuilder().add("maxLines", "ten")
                .add("verbose", "yes").add("endpoint", "not a url").add("mode", "loud").build(), Map.of());
        assertEquals(400, wrong.status(), wrong::toString);
        assertEquals("must be an integer", wrong.fieldError("settings.maxLines"));
        assertEquals("must be true or false", wrong.fieldError("settings.verbose"));
        assertTrue(wrong.fieldError("settings.endpoint").contains("http"), wrong::toString);
        assertTrue(wrong.fieldError("settings.mode").contains("plain, fancy"), wrong::toString);
        assertEquals("/problems/validation", wrong.problemType());

        Api.Response missing = t.api().post("/api/v1/extensions/misbehaving/thrower/enable");
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.fieldError("settings.target").contains("is required"), missing::toString);
        Api.Response missingOnPut = t.api().put("/api/v1/extensions/misbehaving/thrower/settings",
                JsonValue.EMPTY_JSON_OBJECT, Map.of());
        assertEquals(400, missingOnPut.status());
        assertEquals("is required", missingOnPut.fieldError("settings.target"));
        assertEquals(404, t.api().get("/api/v1/extensions/misbehaving/no-such").status());

        Path journal = workDir.resolve("journal-" + t.slug() + ".log");
        Api.Response saved = t.api().put(path, Json.createObjectBuilder().add("journalFile", journal.toString())
                .add("token", "s3cret-token-42").add("maxLines", 77).build(), Map.of());
        assertEquals(200, saved.status(), saved::toString);
        assertFalse(saved.body().contains("s3cret-token-42"), "a secret is never echoed: " + saved.body());
        assertEquals(List.of("token"), saved.json().getJsonArray("secretsSet").getValuesAs(JsonValue::toString)
                .stream().map(s -> s.replace("\"", "")).toList());
        Api.Response read = t.api().get("/api/v1/extensions/journal/journal");
        assertFalse(read.body().contains("s3cret-token-42"), read.body());
        assertFalse(t.api().get("/api/v1/extensions").body().contains("s3cret-token-42"));
        assertFalse(admin.get("/api/v1/admin/plugins").body().contains("s3cret-token-42"));
        assertEquals(77, read.json().getJsonObject("values").getInt("maxLines"));

        // The plugin gets the secret and the typed values.
        String lead = createLead(t, "Sommer");
        await(() -> read(journal).contains(lead), "the lead is journaled");
        assertTrue(read(journal).contains(lead + " token=s3cret-token-42 maxLines=77"), read(journal));

        // Leaving the secret out keeps it; null clears it.
        assertEquals(200, t.api().put(path, Json.createObjectBuilder().add("journalFile", journal.toString())
                .add("maxLines", 78).build(), Map.of()).status());
        String second = createLead(t, "Winter");
        await(() -> read(journal).contains(second), "the second lead is journaled");
        assertTrue(read(journal).contains(second + " token=s3cret-token-42 maxLines=78"), read(journal));
        Api.Response cleared = t.api().put(path, Json.createObjectBuilder().add("journalFile", journal.toString())
                .addNull("token").build(), Map.of());
        assertEquals(List.of(), cleared.json().getJsonArray("secretsSet").stream().toList());
    }

    @Test
    @Order(5)
    void pluginsThatThrowHangOrBreakLinkageAreContainedAndQuarantined() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        configure(t, "misbehaving", "thrower", Json.createObjectBuilder().add("target", "anything").build());
        for (String id : List.of("sleeper", "linkage")) {
            assertEquals(200, t.api().post("/api/v1/extensions/misbehaving/" + id + "/enable").status());
        }
        // Until quarantined, each lead costs the sleeper's time limit (0.5 s), never a failed request.
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            createLead(t, "Fehler" + i);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 5_000, "a hanging plugin is cut off by the guard, took " + millis + " ms");
        }
        await(() -> quarantined(t, "thrower") && quarantined(t, "sleeper") && quarantined(t, "linkage"),
                "three consecutive failures quarantine each extension for the tenant");
        JsonObject sleeper = t.api().get("/api/v1/extensions/misbehaving/sleeper").json();
        assertTrue(sleeper.getJsonObject("quarantined").getString("reason").contains("did not answer within 500 ms"), sleeper::toString);
        assertTrue(t.api().get("/api/v1/extensions/misbehaving/linkage").json().getJsonObject("quarantined")
                .getString("reason").contains("could not be linked"));

        long start = System.nanoTime();
        createLead(t, "Ruhig");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 450, "quarantined extensions are not called");

        JsonObject plugin = admin.get("/api/v1/admin/plugins/misbehaving").json();
        JsonObject metrics = plugin.getJsonObject("metrics");
        assertTrue(metrics.getJsonNumber("failures").longValue() >= 9, metrics::toString);
        assertTrue(metrics.getJsonNumber("timeouts").longValue() >= 3, metrics::toString);
        assertTrue(metrics.getJsonNumber("skippedQuarantined").longValue() >= 1, metrics::toString);
        assertTrue(plugin.getJsonArray("quarantines").stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("tenantId").equals(t.tenantId())).count() == 3, plugin::toString);

        // Another tenant's use of the same extension is not affected by this tenant's quarantine.
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        assertEquals(JsonValue.NULL, other.api().get("/api/v1/extensions/misbehaving/sleeper").json().get("quarantined"));

        // An administrator re-enables it: it is called again (and fails again, contained).
        Api.Response reenabled = t.api().post("/api/v1/extensions/misbehaving/thrower/enable");
        assertEquals(200, reenabled.status());
        assertEquals(JsonValue.NULL, reenabled.json().get("quarantined"), reenabled::toString);
        long before = admin.get("/api/v1/admin/plugins/misbehaving").json().getJsonObject("metrics").getJsonNumber("calls").longValue();
        createLead(t, "Wieder");
        await(() -> admin.get("/api/v1/admin/plugins/misbehaving").json().getJsonObject("metrics")
                .getJsonNumber("calls").longValue() > before, "the re-enabled extension is called again");
        assertTrue(server.log().contains("the thrower throws"), "failures are logged with the plugin's message");
        assertEquals(200, server.api().get("/health/ready").status());
    }

    @Test
    @Order(6)
    void refusedUploadsNameTheReasonAndChangeNothing() throws Exception {
        Api.Response bundles = upload(admin, TEST_PLUGINS.resolve("bundles-api.jar"));
        assertEquals(422, bundles.status(), bundles::toString);
        assertTrue(bundles.fieldError("archive").contains("bundles the Leadline plugin API"), bundles::toString);
        Api.Response future = upload(admin, TEST_PLUGINS.resolve("requires-future.jar"));
        assertEquals(422, future.status(), future::toString);
        assertTrue(future.fieldError("archive").contains("requires plugin API >=99.0.0, this server provides 1.1.0"), future::toString);
        Path garbage = workDir.resolve("garbage.jar");
        Files.writeString(garbage, "this is not a jar");
        assertEquals(422, upload(admin, garbage).status());
        Path huge = workDir.resolve("huge.jar");
        Files.write(huge, new byte[300_000]);
        Api.Response tooLarge = upload(admin, huge);
        assertEquals(413, tooLarge.status(), tooLarge::toString);

        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        assertEquals(403, upload(t.api(), TEST_PLUGINS.resolve("lead-logger.jar")).status());
        assertFalse(byId(admin.get("/api/v1/admin/plugins")).containsKey("bundles-api"));
        assertEquals(404, admin.post("/api/v1/admin/plugins/no-such/stop").status());
    }

    @Test
    @Order(7)
    void thePartnersExamplePluginInstallsAtRuntimeAndWorksOnceEnabled() throws Exception {
        Api.Response installed = upload(admin, TEST_PLUGINS.resolve("lead-logger.jar"));
        assertEquals(201, installed.status(), installed::toString);
        assertEquals("STARTED", installed.json().getString("state"));
        assertEquals("Example Corp", installed.json().getString("provider"));

        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        JsonObject logger = t.api().get("/api/v1/extensions/lead-logger/lead-logger").json();
        assertFalse(logger.getBoolean("enabled"), "an uploaded plugin is not in the default set");
        configure(t, "lead-logger", "lead-logger", Json.createObjectBuilder().add("prefix", "example-" + t.slug()).build());
        String lead = createLead(t, "Beispiel");
        await(() -> logContains("example-" + t.slug() + ": CREATED " + lead), "the example plugin logs the lead");
    }

    @Test
    @Order(8)
    void anUpgradeUnderTrafficFailsNoRequestAndEveryLeadIsHandledByExactlyOneVersion() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        Path journal = workDir.resolve("upgrade-" + t.slug() + ".log");
        configure(t, "journal", "journal", Json.createObjectBuilder().add("journalFile", journal.toString()).build());

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers.add(clients.submit(() -> {
                int i = 0;
                while (running.get()) {
                    Api.Response r = t.api().post("/api/v1/leads", Fixtures.tradeFairLead("Traffic" + worker + "x" + i++));
                    if (r.status() == 201) {
                        created.add(r.json().getString("id"));
                    } else {
                        failed.add(r.toString());
                    }
                }
            }));
        }
        Thread.sleep(2_000);
        Api.Response upgraded = upload(admin, TEST_PLUGINS.resolve("journal-v2.jar"));
        Thread.sleep(2_000);
        running.set(false);
        for (Future<?> f : workers) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertEquals(200, upgraded.status(), upgraded::toString);
        assertEquals("2.0.0", upgraded.json().getString("version"));
        assertEquals("1.0.0", upgraded.json().getString("replacedVersion"));
        assertEquals(List.of(), failed, "no request fails during the upgrade");
        assertTrue(created.size() > 10, "traffic ran: " + created.size());

        await(() -> created.stream().allMatch(id -> read(journal).contains(id)), "every lead is journaled");
        Thread.sleep(500);
        Map<String, List<String>> versionsByLead = new HashMap<>();
        for (String line : read(journal).split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 3 && f[1].equals("CREATED")) {
                versionsByLead.computeIfAbsent(f[3], k -> new ArrayList<>()).add(f[0]);
            }
        }
        for (String id : created) {
            assertEquals(1, versionsByLead.get(id).size(), "lead " + id + " handled by " + versionsByLead.get(id));
        }
        assertTrue(versionsByLead.values().stream().anyMatch(v -> v.get(0).equals("v1")), "v1 handled leads before");
        assertTrue(versionsByLead.values().stream().anyMatch(v -> v.get(0).equals("v2")), "v2 handled leads after");
        // The tenant's settings survived the upgrade: v2 writes to the same configured file.
        assertEquals("journal.log", t.api().get("/api/v1/extensions/journal/journal").json()
                .getJsonArray("settings").getJsonObject(0).getString("default"));
    }

    @Test
    @Order(9)
    void stopStartUnloadAndInstallSurviveARestart() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        Path journal = workDir.resolve("restart-" + t.slug() + ".log");
        configure(t, "journal", "journal", Json.createObjectBuilder().add("journalFile", journal.toString()).build());

        Api.Response stopped = admin.post("/api/v1/admin/plugins/journal/stop");
        assertEquals(200, stopped.status(), stopped::toString);
        assertEquals("STOPPED", stopped.json().getString("state"));
        assertFalse(extensions(t.api().get("/api/v1/extensions")).containsKey("journal/journal"));
        String whileStopped = createLead(t, "Gestoppt");
        assertEquals(204, admin.delete("/api/v1/admin/plugins/lead-logger", Map.of()).status());

        server.restart();
        admin = Fixtures.platformAdmin(server);
        Map<String, JsonObject> plugins = byId(admin.get("/api/v1/admin/plugins"));
        assertEquals("STOPPED", plugins.get("journal").getString("state"), "a stopped plugin stays stopped");
        assertEquals("2.0.0", plugins.get("journal").getString("version"), "the uploaded upgrade is kept");
        assertFalse(plugins.containsKey("lead-logger"), "an unloaded plugin stays unloaded");

        Api.Response started = admin.post("/api/v1/admin/plugins/journal/start");
        assertEquals("STARTED", started.json().getString("state"));
        Api.Response reloaded = admin.post("/api/v1/admin/plugins/journal/reload");
        assertEquals("STARTED", reloaded.json().getString("state"), reloaded::toString);
        Api tenantApi = server.api().login(t.slug(), t.username(), "password-of-" + t.slug());
        Api.Response lead = tenantApi.post("/api/v1/leads", Fixtures.tradeFairLead("Wiederda"));
        assertEquals(201, lead.status());
        String after = lead.json().getString("id");
        await(() -> read(journal).contains("v2 CREATED " + t.tenantId() + " " + after), "the restarted plugin works with the kept settings");
        assertFalse(read(journal).contains(whileStopped), "a stopped plugin missed the lead created meanwhile");
    }

    @Test
    @Order(10)
    void aPluginPackagedAsAZipInstallsLoadsAndItsExtensionsWork() throws Exception {
        Path zip = TEST_PLUGINS.resolve("zipped.zip");
        Api.Response installed = upload(admin, zip, "application/zip");
        assertEquals(201, installed.status(), installed::toString);
        assertEquals("zipped", installed.json().getString("id"));
        assertEquals("STARTED", installed.json().getString("state"), installed::toString);
        assertEquals("Leadline tests", installed.json().getString("provider"));
        assertEquals(List.of("zipped-journal"), installed.json().getJsonArray("extensions").stream()
                .map(e -> e.asJsonObject().getString("id")).toList());
        assertTrue(byId(admin.get("/api/v1/admin/plugins")).containsKey("zipped"));

        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        Path journal = workDir.resolve("zipped-" + t.slug() + ".log");
        configure(t, "zipped", "zipped-journal", Json.createObjectBuilder().add("journalFile", journal.toString()).build());
        String lead = createLead(t, "Gezippt");
        await(() -> read(journal).contains("zip CREATED " + t.tenantId() + " " + lead), "the zipped plugin journals the lead");

        // The same version again is refused unless asked for; then it replaces it in place.
        Api.Response same = upload(admin, zip, "application/zip");
        assertEquals(422, same.status(), same::toString);
        assertTrue(same.fieldError("archive").contains("allowDowngrade=true"), same::toString);
        Api.Response again = upload(admin, zip, "application/zip", "?allowDowngrade=true");
        assertEquals(200, again.status(), again::toString);
        assertEquals("1.0.0", again.json().getString("replacedVersion"));
        assertEquals("STARTED", again.json().getString("state"));
        Api.Response asZip = upload(admin, TEST_PLUGINS.resolve("journal-v1.jar"), "application/zip");
        assertEquals(422, asZip.status(), asZip::toString);
        assertTrue(asZip.fieldError("archive").contains("plugin.properties"), asZip::toString);
    }

    @Test
    @Order(11)
    void everyLifecycleKindReachesTheTenantsListenerExactlyOnceAndNoOtherTenant() throws Exception {
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Fixtures.TenantAdmin b = Fixtures.newTenant(server);
        Path aJournal = workDir.resolve("lifecycle-" + a.slug() + ".log");
        configure(a, "journal", "journal", Json.createObjectBuilder().add("journalFile", aJournal.toString()).build());
        assertEquals(200, b.api().post("/api/v1/extensions/journal/journal/disable").status());
        for (Fixtures.TenantAdmin t : List.of(a, b)) {
            assertEquals(200, t.api().post("/api/v1/extensions/process-sales/sales/enable").status());
        }

        Map<String, String> aIds = walkThroughTheLifecycle(a);
        String aLead = aIds.get("lead");
        String bLead = walkThroughTheLifecycle(b).get("lead");

        List<String> kinds = List.of("CREATED", "UPDATED", "RATED", "STAGE_CHANGED", "DISQUALIFIED", "QUALIFIED",
                "DELETED", "RESTORED");
        await(() -> kinds.stream().allMatch(k -> !lines(aJournal, aLead, k).isEmpty()), "every kind reached A's journal");
        Thread.sleep(1_000);
        String journalText = read(aJournal);
        for (String line : journalText.split("\n")) {
            assertTrue(line.split(" ")[2].equals(a.tenantId()), "only A's events reach A's journal: " + line);
        }
        // UPDATED twice: the edit, and the reopening (the API has no kind of its own for it).
        Map<String, Integer> expected = new HashMap<>();
        kinds.forEach(k -> expected.put(k, 1));
        expected.put("UPDATED", 2);
        for (String kind : kinds) {
            assertEquals(expected.get(kind), lines(aJournal, aLead, kind).size(), kind + " in " + journalText);
        }
        assertEquals("{}", details(lines(aJournal, aLead, "CREATED").get(0)));
        assertEquals(List.of("{change=REOPENED, disqualifiedFor=NO_BUDGET}", "{}"),
                lines(aJournal, aLead, "UPDATED").stream().map(PluginPlatformIT::details).sorted().toList());
        assertEquals("{fromRating=COLD, fromScore=0, score=100, toRating=HOT}", details(lines(aJournal, aLead, "RATED").get(0)));
        assertEquals("{fromStage=qualify, toStage=develop}", details(lines(aJournal, aLead, "STAGE_CHANGED").get(0)));
        assertEquals("{reason=NO_BUDGET}", details(lines(aJournal, aLead, "DISQUALIFIED").get(0)));
        assertEquals("{accountId=" + aIds.get("account") + ", contactId=" + aIds.get("contact") + ", opportunityId="
                + aIds.get("opportunity") + "}", details(lines(aJournal, aLead, "QUALIFIED").get(0)));
        assertEquals("{restorable=true}", details(lines(aJournal, aLead, "DELETED").get(0)));
        assertEquals("{}", details(lines(aJournal, aLead, "RESTORED").get(0)));

        // B went through the same steps with the journal off: nothing of its lead reached any journal.
        try (var files = Files.list(workDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                assertFalse(read(f).contains(bLead), "B's lead must not reach " + f.getFileName());
            }
        }
    }

    /**
     * Drives one new lead of the tenant through create, edit, rating (a rule set making it HOT,
     * applied by the re-rating job), a stage change, disqualify, reopen, qualify, delete and restore.
     */
    private static Map<String, String> walkThroughTheLifecycle(Fixtures.TenantAdmin t) throws InterruptedException {
        Api api = t.api();
        String lead = createLead(t, "Lebenslauf");
        String path = "/api/v1/leads/" + lead;
        Api.Response edited = api.patch(path, Json.createObjectBuilder().add("topic", "A CRM for the field team").build(),
                Map.of("If-Match", api.get(path).etag()));
        assertEquals(200, edited.status(), edited::toString);

        JsonObject rules = Json.createObjectBuilder()
                .add("thresholds", Json.createObjectBuilder().add("hot", 60).add("warm", 30))
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "fair").add("points", 100)
                        .add("when", Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder().add("TRADE_FAIR")))))
                .build();
        Api.Response saved = api.put("/api/v1/qualification/rules", rules, Map.of());
        assertEquals(201, saved.status(), saved::toString);
        String job = saved.json().getJsonObject("rerating").getString("id");
        await(() -> !api.get("/api/v1/qualification/jobs/" + job).json().getString("state").equals("RUNNING"),
                "the re-rating job ends");
        assertEquals("HOT", api.get(path).json().getString("rating"));

        Api.Response ticked = api.post(path + "/process/checklist", Json.createObjectBuilder().add("stage", "qualify")
                .add("item", "The need was confirmed with the lead").add("done", true).build());
        assertEquals(200, ticked.status(), ticked::toString);
        Api.Response moved = api.post(path + "/process/stage", Json.createObjectBuilder().add("stage", "develop").build());
        assertEquals(200, moved.status(), moved::toString);

        Api.Response out = api.post(path + "/disqualify", Json.createObjectBuilder().add("reason", "NO_BUDGET").build());
        assertEquals(200, out.status(), out::toString);
        Api.Response reopened = api.post(path + "/reopen");
        assertEquals(200, reopened.status(), reopened::toString);
        Api.Response qualified = api.post(path + "/qualify", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, qualified.status(), qualified::toString);

        assertEquals(204, api.delete(path, Map.of("If-Match", api.get(path).etag())).status());
        Api.Response restored = api.post("/api/v1/deleted-leads/" + lead + "/restore");
        assertEquals(200, restored.status(), restored::toString);

        JsonObject q = qualified.json();
        return Map.of("lead", lead, "contact", q.getJsonObject("contact").getString("id"),
                "account", q.getJsonObject("account").getString("id"),
                "opportunity", q.getJsonObject("opportunity").getString("id"));
    }

    /** The journal's lines about one lead and one kind of event. */
    private static List<String> lines(Path journal, String lead, String kind) {
        return read(journal).lines().filter(l -> {
            String[] f = l.split(" ");
            return f.length > 3 && f[1].equals(kind) && f[3].equals(lead);
        }).toList();
    }

    private static String details(String line) {
        return line.substring(line.indexOf(" details=") + " details=".length());
    }

    // ---- helpers

    private static void configure(Fixtures.TenantAdmin t, String plugin, String extension, JsonObject settings) {
        Api.Response r = t.api().put("/api/v1/extensions/" + plugin + "/" + extension + "/settings", settings, Map.of());
        assertEquals(200, r.status(), r::toString);
        Api.Response e = t.api().post("/api/v1/extensions/" + plugin + "/" + extension + "/enable");
        assertEquals(200, e.status(), e::toString);
    }

    private static String createLead(Fixtures.TenantAdmin t, String lastName) {
        Api.Response r = t.api().post("/api/v1/leads", Fixtures.tradeFairLead(lastName));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static boolean quarantined(Fixtures.TenantAdmin t, String extension) {
        return t.api().get("/api/v1/extensions/misbehaving/" + extension).json().get("quarantined") instanceof JsonObject;
    }

    private static Map<String, JsonObject> byId(Api.Response r) {
        return r.items().stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(o -> o.getString("id"), o -> o));
    }

    private static Map<String, JsonObject> extensions(Api.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.items().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(o -> o.getString("pluginId") + "/" + o.getString("id"), o -> o));
    }

    private static Api.Response upload(Api api, Path archive) throws IOException, InterruptedException {
        return upload(api, archive, JAR);
    }

    private static Api.Response upload(Api api, Path archive, String contentType) throws IOException, InterruptedException {
        return upload(api, archive, contentType, "");
    }

    private static Api.Response upload(Api api, Path archive, String contentType, String query)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/admin/plugins" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(archive));
        if (api.token() != null) {
            b.header("Authorization", "Bearer " + api.token());
        }
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new HashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(", ", v)));
        return new Api.Response(r.statusCode(), headers, r.body());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean logContains(String text) {
        try {
            return server.log().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what);
    }

    static {
        assertNotNull(TEST_PLUGINS);
    }
}
