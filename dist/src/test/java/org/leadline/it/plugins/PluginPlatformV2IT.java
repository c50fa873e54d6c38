package org.leadline.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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
 * The second round of the plugin platform, seen from outside with real plugin archives: a slow
 * plugin of one tenant does not starve the others (bulkheads), a busy tenant's calls wait for a place
 * in its share instead of being left out, built-in plugins cannot be replaced
 * by an upload, an upgrade is tried before it replaces anything and never switches on what a tenant
 * did not choose (also when the old version was stopped), versions are semantic, a null scoring
 * result is a failure, process definitions and settings declarations are checked; an extension new in
 * an upgrade that declares itself default-on goes on only when the platform administrator confirms,
 * and only for tenants that used the plugin; a built-in plugin cannot be unloaded.
 *
 * <p>The server starts with the built-in BANT rule as every tenant's default, and the partner's
 * plugin ({@code partner}, uploaded later) in the default set too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginPlatformV2IT {

    private static final Path TEST_PLUGINS = Path.of(System.getProperty("leadline.it.test-plugins", "target/test-plugins"));

    private static LeadlineServer server;
    private static Path workDir;
    private static Api admin;
    /** Created before the partner's plugin is installed, and kept through its upgrade. */
    private static Fixtures.TenantAdmin early;

    @BeforeAll
    static void startServer() throws IOException {
        workDir = Files.createTempDirectory("leadline-it-plugins-v2-");
        Path builtIn = Files.createDirectories(workDir.resolve("builtin-plugins"));
        Path home = Path.of(System.getProperty("leadline.home", "target/leadline")).toAbsolutePath();
        Files.copy(home.resolve("plugins/scoring-bant.jar"), builtIn.resolve("scoring-bant.jar"));
        Map<String, String> env = new HashMap<>();
        env.put("LEADLINE_PLUGINS_DIR", builtIn.toString());
        env.put("LEADLINE_PLUGINS_TENANT_DEFAULTS", "scoring-bant,partner");
        env.put("LEADLINE_PLUGINS_CALL_TIMEOUT", "PT1S");
        env.put("LEADLINE_PLUGINS_QUARANTINE_AFTER", "5");
        // Fewer guard threads than by default, so that one plugin's calls could take them all: the
        // bulkheads must keep a share for everyone else.
        env.put("LEADLINE_PLUGINS_CALL_THREADS", "16");
        env.put("LEADLINE_PLUGINS_BULKHEAD_PER_PLUGIN", "12");
        env.put("LEADLINE_PLUGINS_BULKHEAD_PER_TENANT", "8");
        server = LeadlineServer.start(workDir, env);
        admin = Fixtures.platformAdmin(server);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            Files.writeString(Path.of("target", "plugin-platform-v2-it-server.log"), server.log());
            server.discard();
        }
    }

    @Test
    @Order(0)
    void aBusyTenantsCreatesAllGetTheVoteOfARuleWhoseCallsOverlapBeyondTheTenantsShare() throws Exception {
        slowpokeInstalled();
        Fixtures.TenantAdmin c = Fixtures.newTenant(server);
        int bantAlone = score(c, createLead(c, "Allein"));
        assertEquals(200, c.api().post("/api/v1/extensions/slowpoke/deliberate/enable").status());
        int withRule = score(c, createLead(c, "Bedacht"));
        assertEquals(bantAlone + 7, withRule, "the deliberate rule adds its 7 points");

        // 16 creates at once: the rule's calls (300 ms each) overlap beyond the tenant's 8 places of the
        // plugin. A call finding the places taken waits for one (less than the 1 s limit here) instead of
        // leaving the rule out of that lead's rating.
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> creates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            JsonObject lead = distinctPerson(Fixtures.tradeFairLead("Gleichzeitig" + i), 100 + i);
            creates.add(clients.submit(() -> c.api().post("/api/v1/leads", lead)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Api.Response> f : creates) {
            Api.Response r = f.get(120, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r::toString);
            ids.add(r.json().getString("id"));
        }
        clients.shutdown();
        for (String id : ids) {
            assertEquals(withRule, score(c, id), () -> "every lead has the rule's vote: " + reasons(c, id));
        }
        JsonObject metrics = admin.get("/api/v1/admin/plugins/slowpoke").json().getJsonObject("metrics");
        assertEquals(0, metrics.getJsonNumber("rejectedBusy").longValue(), metrics::toString);
    }

    @Test
    @Order(1)
    void aSlowPluginOfTenantAHoldsUpNeitherTenantBsScoringNorAsHealthyExtensions() throws Exception {
        slowpokeInstalled();
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Fixtures.TenantAdmin b = Fixtures.newTenant(server);
        int real = score(b, createLead(b, "Vorher"));
        assertTrue(real > 0, "B's BANT rule scores the lead: " + real);
        for (String rule : List.of("sleepy", "steady")) {
            assertEquals(200, a.api().post("/api/v1/extensions/slowpoke/" + rule + "/enable").status());
        }

        // Many creates at once in A, each asking the rule that takes 10 s and ignores the time limit
        // (1 s here): its calls hold their threads long after the guard gave up on them.
        ExecutorService clients = Executors.newFixedThreadPool(36);
        List<Future<Api.Response>> inA = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            JsonObject lead = distinctPerson(Fixtures.tradeFairLead("Langsam" + i), i);
            inA.add(clients.submit(() -> a.api().post("/api/v1/leads", lead)));
        }
        Thread.sleep(2_000);
        List<Integer> bScores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bScores.add(score(b, createLead(b, "Waehrenddessen" + i)));
        }
        for (Future<Api.Response> f : inA) {
            Api.Response r = f.get(120, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r::toString);
        }
        clients.shutdown();

        assertEquals(List.of(real, real, real), bScores, "B's leads get their real score while A's plugin hangs");
        assertEquals(JsonValue.NULL, extension(a, "scoring-bant", "bant").get("quarantined"),
                "A's BANT rule did not fail: it must not be quarantined");
        assertEquals(JsonValue.NULL, extension(a, "slowpoke", "steady").get("quarantined"),
                "a call not made because the plugin's share was in use is not the healthy rule's failure");
        JsonObject metrics = admin.get("/api/v1/admin/plugins/slowpoke").json().getJsonObject("metrics");
        assertTrue(metrics.getJsonNumber("rejectedBusy").longValue() > 0, metrics::toString);
        assertEquals(JsonValue.NULL, extension(b, "scoring-bant", "bant").get("quarantined"));
    }

    @Test
    @Order(2)
    void anUploadCannotTakeTheIdOfABuiltInPlugin() throws Exception {
        Path impostor = rewrite(TEST_PLUGINS.resolve("partner-v1.jar"), "impostor.jar",
                Map.of("Plugin-Id", "scoring-bant", "Plugin-Version", "9.0.0"), null);
        Api.Response refused = upload(admin, impostor, "");
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.fieldError("archive").contains("scoring-bant is the id of a plugin shipped with the server"),
                refused::toString);
        JsonObject bant = admin.get("/api/v1/admin/plugins/scoring-bant").json();
        assertTrue(bant.getBoolean("builtIn"));
        assertEquals("STARTED", bant.getString("state"));
        assertFalse(bant.getString("version").equals("9.0.0"));
    }

    @Test
    @Order(3)
    void settingsDeclaredWithRangePatternChoicesAndLinesAreEnforcedOnSave() throws Exception {
        early = Fixtures.newTenant(server);
        Api.Response installed = upload(admin, TEST_PLUGINS.resolve("partner-v1.jar"), "");
        assertEquals(201, installed.status(), installed::toString);
        assertTrue(extension(early, "partner", "alpha").getBoolean("enabled"), "partner is in the default set");

        JsonObject pitch = extension(early, "partner", "alpha").getJsonArray("settings").stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("pitch")).findFirst().orElseThrow();
        assertTrue(pitch.getBoolean("multiLine"), pitch::toString);

        String path = "/api/v1/extensions/partner/alpha/settings";
        Api.Response wrong = early.api().put(path, Json.createObjectBuilder().add("threshold", -1)
                .add("ratio", new java.math.BigDecimal("1.5")).add("code", "eur").add("tier", "bronze")
                .add("headline", "one\ntwo").build(), Map.of());
        assertEquals(400, wrong.status(), wrong::toString);
        assertEquals("must be between 0 and 100", wrong.fieldError("settings.threshold"));
        assertEquals("must be between 0 and 1", wrong.fieldError("settings.ratio"));
        assertEquals("must match [A-Z]{3}", wrong.fieldError("settings.code"));
        assertEquals("must be one of gold, silver", wrong.fieldError("settings.tier"));
        assertEquals("must be a single line", wrong.fieldError("settings.headline"));

        Api.Response huge = early.api().send("PUT", path, "{\"threshold\": 1e400}", "application/json", Map.of());
        assertEquals(400, huge.status(), huge::toString);
        assertTrue(huge.fieldError("settings.threshold").startsWith("must be an integer"), huge::toString);

        Api.Response saved = early.api().put(path, Json.createObjectBuilder().add("threshold", 100)
                .add("ratio", new java.math.BigDecimal("0.25")).add("code", "EUR").add("tier", "gold")
                .add("pitch", "Line one\nLine two").add("headline", "One line").build(), Map.of());
        assertEquals(200, saved.status(), saved::toString);
        assertEquals("Line one\nLine two", extension(early, "partner", "alpha").getJsonObject("values").getString("pitch"));
    }

    @Test
    @Order(4)
    void versionsAreSemanticAndAnUpgradeMustBeNewer() throws Exception {
        Path banana = rewrite(TEST_PLUGINS.resolve("partner-v2.jar"), "banana.jar", Map.of("Plugin-Version", "banana"), null);
        Api.Response refused = upload(admin, banana, "");
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.fieldError("archive").contains("'banana' is not a semantic version"), refused::toString);

        Api.Response same = upload(admin, TEST_PLUGINS.resolve("partner-v1.jar"), "");
        assertEquals(422, same.status(), same::toString);
        assertTrue(same.fieldError("archive").contains("the version already installed"), same::toString);
        assertTrue(same.fieldError("archive").contains("allowDowngrade=true"), same::toString);
        assertEquals("1.0.0", admin.get("/api/v1/admin/plugins/partner").json().getString("version"));
    }

    @Test
    @Order(5)
    void anUpgradeNeverSwitchesOnANewExtensionForATenantThatHadNotChosenIt() throws Exception {
        Api.Response upgraded = upload(admin, TEST_PLUGINS.resolve("partner-v2.jar"), "");
        assertEquals(200, upgraded.status(), upgraded::toString);
        assertEquals("1.0.0", upgraded.json().getString("replacedVersion"));
        assertTrue(extension(early, "partner", "alpha").getBoolean("enabled"), "what the tenant had stays on");
        assertFalse(extension(early, "partner", "beta").getBoolean("enabled"), "new in 2.0.0: off for a tenant of 1.0.0");
        Fixtures.TenantAdmin later = Fixtures.newTenant(server);
        assertTrue(extension(later, "partner", "beta").getBoolean("enabled"), "a new tenant gets the default set");

        Api.Response older = upload(admin, TEST_PLUGINS.resolve("partner-v1.jar"), "");
        assertEquals(422, older.status(), older::toString);
        assertTrue(older.fieldError("archive").contains("older than the installed 2.0.0"), older::toString);
    }

    @Test
    @Order(6)
    void aBrokenUpgradeIsRefusedInThePartnersTermsAndTheOldVersionKeepsServing() throws Exception {
        Api.Response cannotCreate = upload(admin, TEST_PLUGINS.resolve("partner-broken.jar"), "");
        assertEquals(422, cannotCreate.status(), cannotCreate::toString);
        assertTrue(cannotCreate.fieldError("archive").contains("the licence file partner.lic is missing"), cannotCreate::toString);

        Path noPluginClass = rewrite(TEST_PLUGINS.resolve("partner-v2.jar"), "no-plugin-class.jar",
                Map.of("Plugin-Version", "4.0.0", "Plugin-Class", "org.example.Missing"), null);
        Api.Response missing = upload(admin, noPluginClass, "");
        assertEquals(422, missing.status(), missing::toString);
        assertTrue(missing.fieldError("archive").contains("Plugin-Class org.example.Missing is not in the archive"),
                missing::toString);

        Path newerJava = rewrite(TEST_PLUGINS.resolve("partner-v2.jar"), "newer-java.jar",
                Map.of("Plugin-Version", "5.0.0"), "org/leadline/fixtures/Partner$Alpha.class");
        Api.Response tooNew = upload(admin, newerJava, "");
        assertEquals(422, tooNew.status(), tooNew::toString);
        assertTrue(tooNew.fieldError("archive").contains("compiled for a newer Java"), tooNew::toString);

        for (Api.Response r : List.of(cannotCreate, missing, tooNew)) {
            assertFalse(r.body().contains(".upload-"), r::toString);
            assertFalse(r.body().contains("partner-"), "no file names of the server: " + r);
            assertFalse(r.body().contains("NullPointer") || r.body().contains("Cannot invoke"), r::toString);
            assertFalse(r.body().contains("java.lang."), r::toString);
        }
        JsonObject partner = admin.get("/api/v1/admin/plugins/partner").json();
        assertEquals("2.0.0", partner.getString("version"), partner::toString);
        assertEquals("STARTED", partner.getString("state"));
        assertEquals(List.of("alpha", "beta"), partner.getJsonArray("extensions").stream()
                .map(e -> e.asJsonObject().getString("id")).toList());
        assertTrue(reasons(early, createLead(early, "NachFehlschlag")).contains("v2 alpha"), "version 2 still scores");

        // A downgrade the administrator asks for is installed.
        Api.Response down = upload(admin, TEST_PLUGINS.resolve("partner-v1.jar"), "?allowDowngrade=true");
        assertEquals(200, down.status(), down::toString);
        assertEquals("1.0.0", down.json().getString("version"));
    }

    @Test
    @Order(7)
    void aScoringRuleAnsweringNullFailsAndIsQuarantined() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        assertEquals(200, t.api().post("/api/v1/extensions/slowpoke/nully/enable").status());
        for (int i = 0; i < 5; i++) {
            createLead(t, "Null" + i);
        }
        await(() -> extension(t, "slowpoke", "nully").get("quarantined") instanceof JsonObject, "nully is quarantined");
        assertTrue(extension(t, "slowpoke", "nully").getJsonObject("quarantined").getString("reason")
                .contains("returned null instead of a ScoringResult"));
    }

    @Test
    @Order(8)
    void invalidProcessDefinitionsAreRefusedAtInstallWithEveryProblem() throws Exception {
        Api.Response refused = upload(admin, TEST_PLUGINS.resolve("bad-process.jar"), "");
        assertEquals(422, refused.status(), refused::toString);
        List<String> problems = refused.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("reason")).toList();
        String all = String.join("\n", problems);
        assertTrue(all.contains("the process dupes: the stage key 'qualify' is used more than once"), all);
        assertTrue(all.contains("the process empty: it has no stages"), all);
        assertTrue(all.contains("the process unknown-field: stage 'qualify' requires the unknown field 'qualification.budgett'"), all);
        assertFalse(all.contains("'qualification.budget'"), "a known field is no problem: " + all);
        assertEquals(404, admin.get("/api/v1/admin/plugins/bad-process").status());
    }

    @Test
    @Order(9)
    void anUpgradeOfAStoppedVersionKeepsWhatEachTenantHad() throws Exception {
        Fixtures.TenantAdmin byDefault = Fixtures.newTenant(server);
        Fixtures.TenantAdmin optedOut = Fixtures.newTenant(server);
        assertEquals(200, optedOut.api().post("/api/v1/extensions/partner/alpha/disable").status());
        assertTrue(extension(byDefault, "partner", "alpha").getBoolean("enabled"), "partner is in the default set");

        Api.Response stopped = admin.post("/api/v1/admin/plugins/partner/stop");
        assertEquals(200, stopped.status(), stopped::toString);
        assertEquals("STOPPED", stopped.json().getString("state"));
        Api.Response upgraded = upload(admin, TEST_PLUGINS.resolve("partner-v2.jar"), "");
        assertEquals(200, upgraded.status(), upgraded::toString);
        assertEquals("1.0.0", upgraded.json().getString("replacedVersion"));
        assertEquals("STARTED", upgraded.json().getString("state"));

        assertTrue(extension(byDefault, "partner", "alpha").getBoolean("enabled"),
                "alpha was on for the tenant (by default) before the upgrade of the stopped version, and stays on");
        assertFalse(extension(byDefault, "partner", "beta").getBoolean("enabled"), "beta is new in 2.0.0");
        assertFalse(extension(optedOut, "partner", "alpha").getBoolean("enabled"), "the tenant's own choice stays");
        assertTrue(reasons(byDefault, createLead(byDefault, "NachStopp")).contains("v2 alpha"));
        assertFalse(reasons(optedOut, createLead(optedOut, "Abgewählt")).contains("alpha"));
    }

    @Test
    @Order(10)
    void aNewDefaultOnExtensionOfAnUpgradeWaitsForThePlatformAdministratorsConfirmation() throws Exception {
        assertEquals(201, upload(admin, TEST_PLUGINS.resolve("companion-v1.jar"), "").status());
        Fixtures.TenantAdmin user = Fixtures.newTenant(server);
        Fixtures.TenantAdmin bystander = Fixtures.newTenant(server);
        assertEquals(200, user.api().post("/api/v1/extensions/companion/base/enable").status());

        Api.Response upgraded = upload(admin, TEST_PLUGINS.resolve("companion-v2.jar"), "");
        assertEquals(200, upgraded.status(), upgraded::toString);
        assertEquals(List.of("extra"), strings(upgraded.json().getJsonArray("awaitingDefaultOn")));
        Map<String, Boolean> declared = new HashMap<>();
        upgraded.json().getJsonArray("extensions").forEach(e -> declared.put(e.asJsonObject().getString("id"),
                e.asJsonObject().getBoolean("defaultOn")));
        assertEquals(Map.of("base", false, "extra", true, "plain", false), declared);
        for (Fixtures.TenantAdmin t : List.of(user, bystander)) {
            assertFalse(extension(t, "companion", "extra").getBoolean("enabled"), "off until the administrator confirms");
            assertFalse(extension(t, "companion", "plain").getBoolean("enabled"));
        }
        assertFalse(reasons(user, createLead(user, "VorBestätigung")).contains("companion extra"));

        String confirm = "/api/v1/admin/plugins/companion/default-on/confirm";
        Api.Response empty = admin.post(confirm, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.header("Content-Type").startsWith("application/problem+json"), empty::toString);
        assertTrue(empty.fieldError("extensions") != null, empty::toString);
        Api.Response wrong = admin.post(confirm, Json.createObjectBuilder()
                .add("extensions", Json.createArrayBuilder().add("plain").add("nope")).build());
        assertEquals(400, wrong.status(), wrong::toString);
        assertTrue(wrong.fieldError("extensions[0]").contains("does not declare itself default-on"), wrong::toString);
        assertTrue(wrong.fieldError("extensions[1]").contains("is not an extension of plugin companion"), wrong::toString);
        assertEquals(404, admin.post("/api/v1/admin/plugins/nowhere/default-on/confirm", Json.createObjectBuilder()
                .add("extensions", Json.createArrayBuilder().add("extra")).build()).status());
        assertFalse(extension(user, "companion", "plain").getBoolean("enabled"), "a refused confirmation changes nothing");

        Api.Response confirmed = admin.post(confirm, Json.createObjectBuilder()
                .add("extensions", Json.createArrayBuilder().add("extra")).build());
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals(1, confirmed.json().getInt("tenantsEnabled"), "only the tenant that used the plugin");
        assertEquals(List.of(), strings(confirmed.json().getJsonArray("awaitingDefaultOn")));
        assertTrue(extension(user, "companion", "extra").getBoolean("enabled"), "on where the plugin was in use");
        assertFalse(extension(user, "companion", "plain").getBoolean("enabled"), "not default-on: still off");
        assertFalse(extension(bystander, "companion", "extra").getBoolean("enabled"), "never used the plugin: off");
        assertTrue(reasons(user, createLead(user, "NachBestätigung")).contains("companion extra"));
        assertEquals(List.of(), strings(admin.get("/api/v1/admin/plugins/companion").json().getJsonArray("awaitingDefaultOn")));
    }

    @Test
    @Order(11)
    void aBuiltInPluginCannotBeUnloadedOnlyStopped() throws Exception {
        Api.Response refused = admin.delete("/api/v1/admin/plugins/scoring-bant", Map.of());
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused::toString);
        assertTrue(refused.json().getString("detail").contains("scoring-bant is shipped with the server"), refused::toString);
        assertTrue(refused.json().getString("detail").contains("stop it instead"), refused::toString);
        JsonObject bant = admin.get("/api/v1/admin/plugins/scoring-bant").json();
        assertEquals("STARTED", bant.getString("state"), bant::toString);
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        assertTrue(score(t, createLead(t, "NachLöschversuch")) > 0, "BANT still scores");
    }

    private static List<String> strings(jakarta.json.JsonArray a) {
        return a.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    // ---- helpers

    private static JsonObject extension(Fixtures.TenantAdmin t, String plugin, String extension) {
        Api.Response r = t.api().get("/api/v1/extensions/" + plugin + "/" + extension);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    /** Installs the test plugin with the slow rules, once for the tests that use it. */
    private static void slowpokeInstalled() throws Exception {
        if (admin.get("/api/v1/admin/plugins/slowpoke").status() == 404) {
            Api.Response r = upload(admin, TEST_PLUGINS.resolve("slowpoke.jar"), "");
            assertEquals(201, r.status(), r::toString);
        }
    }

    private static String createLead(Fixtures.TenantAdmin t, String lastName) {
        Api.Response r = t.api().post("/api/v1/leads", Fixtures.tradeFairLead(lastName));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    /** A lead of another person (own phone number), so that creates do not wait for each other's duplicate check. */
    private static JsonObject distinctPerson(JsonObject lead, int n) {
        JsonObject person = Json.createObjectBuilder(lead.getJsonObject("person"))
                .add("businessPhone", "+49 30 555" + String.format("%04d", n)).build();
        return Json.createObjectBuilder(lead).add("person", person).build();
    }

    private static int score(Fixtures.TenantAdmin t, String lead) {
        return t.api().get("/api/v1/leads/" + lead).json().getJsonObject("scoring").getInt("score");
    }

    private static String reasons(Fixtures.TenantAdmin t, String lead) {
        return t.api().get("/api/v1/leads/" + lead).json().getJsonObject("scoring").getJsonArray("reasons").toString();
    }

    /**
     * A copy of a plugin jar with manifest attributes replaced and, if named, one class file marked
     * as compiled for a Java far newer than any the server runs (class file major version 99).
     */
    private static Path rewrite(Path jar, String name, Map<String, String> attributes, String newerClass) throws IOException {
        Path out = workDir.resolve(name);
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            attributes.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
            try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(out), manifest)) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    byte[] bytes = in.readAllBytes();
                    if (e.getName().equals(newerClass)) {
                        bytes[6] = 0;
                        bytes[7] = 99;
                    }
                    jarOut.putNextEntry(new JarEntry(e.getName()));
                    jarOut.write(bytes);
                    jarOut.closeEntry();
                }
            }
        }
        return out;
    }

    private static Api.Response upload(Api api, Path archive, String query) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/admin/plugins" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/java-archive")
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

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what);
    }
}
