package org.leadline.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.Await;
import org.leadline.it.LeadlineServer;

/**
 * What plugins are told after a change commits goes through the outbox: a listener that fails is
 * told again later, in the order of the lead's events, until its attempts run out; what failed
 * stays in the database across a restart and is delivered once the administrator retries it;
 * imported leads are announced like created ones; the conversion webhook is retried and signs its
 * posts. The server runs the built-in plugins and the journal listener (a real plugin jar), with
 * short retry waits.
 */
class DeliveriesIT {

    private static final Path TEST_PLUGINS = Path.of(System.getProperty("leadline.it.test-plugins", "target/test-plugins"));
    private static final String JOURNAL = "/api/v1/extensions/journal/journal";
    private static final int MAX_ATTEMPTS = 4;

    private static LeadlineServer server;
    private static Path workDir;

    @BeforeAll
    static void start() throws IOException {
        workDir = Files.createTempDirectory("leadline-it-deliveries-");
        Path plugins = Files.createDirectories(workDir.resolve("plugins"));
        Path home = Path.of(System.getProperty("leadline.home", "target/leadline")).toAbsolutePath();
        try (var jars = Files.list(home.resolve("plugins"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        Files.copy(TEST_PLUGINS.resolve("journal-v1.jar"), plugins.resolve("journal-v1.jar"));
        Map<String, String> env = new HashMap<>();
        env.put("LEADLINE_PLUGINS_DIR", plugins.toString());
        env.put("LEADLINE_DELIVERIES_RETRY_BASE", "PT0.2S");
        env.put("LEADLINE_DELIVERIES_RETRY_MAX", "PT0.4S");
        env.put("LEADLINE_DELIVERIES_MAX_ATTEMPTS", String.valueOf(MAX_ATTEMPTS));
        env.put("LEADLINE_PLUGINS_QUARANTINE_AFTER", "1000");
        server = LeadlineServer.start(workDir, env);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            Files.writeString(Path.of("target", "deliveries-it-server.log"), server.log());
            server.discard();
        }
    }

    @Test
    void aFailingListenerIsToldAgainInOrderAndWhatFailedOutlivesARestart() throws Exception {
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Fixtures.TenantAdmin b = Fixtures.newTenant(server);
        Path folder = workDir.resolve("journal-" + a.slug());
        Path journal = folder.resolve("journal.log"); // its folder does not exist yet: every write fails
        useJournal(a, journal);

        String lead = created(a.api().post("/api/v1/leads", Fixtures.minimalLead("Outbox")));
        String etag = a.api().get("/api/v1/leads/" + lead).etag();
        for (String title : List.of("Buyer", "Head of Buying")) {
            Api.Response changed = a.api().patch("/api/v1/leads/" + lead, Json.createObjectBuilder()
                    .add("person", Json.createObjectBuilder().add("jobTitle", title)).build(), Map.of("If-Match", etag));
            assertEquals(200, changed.status(), changed::toString);
            etag = changed.etag();
        }

        // The first event is tried until its attempts run out; the later ones wait behind it, then fail the same way.
        await(() -> deliveries(a).getInt("pending") == 0 && deliveries(a).getInt("failed") >= 3,
                () -> "every event of the lead failed: " + deliveries(a));
        JsonObject failed = deliveries(a);
        List<String> events = new ArrayList<>();
        for (JsonValue v : failed.getJsonArray("entries")) {
            JsonObject e = v.asJsonObject();
            assertEquals(lead, e.getString("leadId"));
            assertEquals("FAILED", e.getString("state"));
            assertEquals(MAX_ATTEMPTS, e.getInt("attempts"), e::toString);
            assertTrue(e.getString("lastError").contains("journal.log"), e::toString);
            events.add(e.getString("event"));
        }
        assertTrue(events.contains("CREATED"), events::toString);
        assertEquals(2, events.stream().filter("UPDATED"::equals).count(), events::toString);
        assertTrue(failed.getString("lastError").contains("journal.log"), failed::toString);

        // Another tenant sees nothing of it, and cannot retry it.
        JsonObject other = deliveries(b);
        assertEquals(0, other.getInt("pending"));
        assertEquals(0, other.getInt("failed"));
        assertEquals(0, b.api().post(JOURNAL + "/deliveries/retry").json().getInt("retried"));

        server.restart();
        JsonObject afterRestart = deliveries(a);
        assertEquals(events.size(), afterRestart.getInt("failed"), "what failed is kept in the database: " + afterRestart);

        Files.createDirectories(folder);
        Api.Response retried = a.api().post(JOURNAL + "/deliveries/retry");
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(events.size(), retried.json().getInt("retried"));
        await(() -> lines(journal).size() == events.size(), () -> "the journal got every event: " + lines(journal));
        List<String> told = lines(journal).stream().map(l -> l.split(" ")[1]).toList();
        assertEquals(events, told, "in the order they happened");
        assertTrue(lines(journal).stream().allMatch(l -> l.contains(lead) && l.contains(a.tenantId())));
        await(() -> deliveries(a).getInt("pending") == 0 && deliveries(a).getInt("failed") == 0,
                () -> "nothing waits any more: " + deliveries(a));
    }

    @Test
    void importedLeadsAreAnnouncedToListenersLikeCreatedOnes() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        Path journal = workDir.resolve("journal-import-" + t.slug() + ".log");
        useJournal(t, journal);
        byte[] csv = ("First Name,Last Name,Company,Email\n"
                + "Ada,Lovelace,Analytical Ltd,ada@analytical.example\n"
                + "Grace,Hopper,Cobol Inc,grace@cobol.example\n"
                + "Alan,Turing,Bletchley Ltd,alan@bletchley.example\n").getBytes(StandardCharsets.UTF_8);
        Api.Response started = t.api().sendChunked("POST", "/api/v1/imports", csv, "text/csv");
        assertEquals(202, started.status(), started::toString);
        String importId = started.json().getString("id");
        await(() -> lines(journal).stream().filter(l -> l.contains(" CREATED ")).count() == 3,
                () -> "each imported lead reached the journal: " + lines(journal));
        for (String line : lines(journal)) {
            if (line.contains(" CREATED ")) {
                assertTrue(line.contains("arrivedBy=IMPORT") && line.contains("importId=" + importId), line);
            }
        }
        Api.Response leads = t.api().get("/api/v1/leads?limit=10");
        String grace = null;
        for (JsonValue v : leads.items()) {
            String id = v.asJsonObject().getString("id");
            assertTrue(lines(journal).stream().anyMatch(l -> l.contains(" CREATED ") && l.contains(id)), id);
            if ("Hopper".equals(v.asJsonObject().getJsonObject("person").getString("lastName"))) {
                grace = id;
            }
        }
        assertNotNull(grace, leads::toString);

        // A second import that updates a lead it finds again tells the listeners so.
        byte[] again = ("First Name,Last Name,Company,Email\n"
                + "Grace,Hopper,Cobol Corporation,grace@cobol.example\n").getBytes(StandardCharsets.UTF_8);
        Api.Response update = t.api().sendChunked("POST", "/api/v1/imports?policy=UPDATE", again, "text/csv");
        assertEquals(202, update.status(), update::toString);
        String updateId = update.json().getString("id");
        String updated = grace;
        await(() -> lines(journal).stream().anyMatch(l -> l.contains(" UPDATED ") && l.contains(updated)),
                () -> "the updated lead reached the journal: " + lines(journal));
        String line = lines(journal).stream().filter(l -> l.contains(" UPDATED ") && l.contains(updated)).findFirst().orElseThrow();
        assertTrue(line.contains("change=IMPORT") && line.contains("importId=" + updateId), line);
        assertEquals("Cobol Corporation", t.api().get("/api/v1/leads/" + updated).json().getJsonObject("company")
                .getString("name"), "the import did update the lead");
        assertEquals(1, lines(journal).stream().filter(l -> l.contains(" UPDATED ")).count(), lines(journal)::toString);
    }

    @Test
    void theConversionWebhookIsRetriedUntilTheReceiverTakesItAndEachPostIsSigned() throws Exception {
        String secret = "a-signing-secret-of-the-receiver";
        BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer hook = HttpServer.create(new InetSocketAddress(LeadlineServer.OUTSIDE_HOST, 0), 0);
        hook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst("Leadline-Signature"), body});
            // the receiver is down for its first two calls
            exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 204, -1);
            exchange.close();
        });
        hook.start();
        try {
            Fixtures.TenantAdmin t = Fixtures.newTenant(server);
            String path = "/api/v1/extensions/conversion-webhook/webhook";
            Api.Response set = t.api().put(path + "/settings", Json.createObjectBuilder()
                    .add("url", "http://" + LeadlineServer.OUTSIDE_HOST + ":" + hook.getAddress().getPort() + "/hook")
                    .add("signingSecret", secret).build(), Map.of());
            assertEquals(200, set.status(), set::toString);
            assertEquals(200, t.api().post(path + "/enable").status());

            String lead = created(t.api().post("/api/v1/leads", Fixtures.tradeFairLead("Webhook")));
            Api.Response preview = t.api().post("/api/v1/leads/" + lead + "/qualify?dryRun=true", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(200, preview.status(), preview::toString);
            JsonObject webhook = preview.json().getJsonArray("handlers").stream().map(JsonValue::asJsonObject)
                    .filter(h -> h.getString("pluginId").equals("conversion-webhook")).findFirst().orElseThrow();
            assertEquals("PROCEEDS", webhook.getString("decision"), preview::toString);
            assertTrue(webhook.getString("effect").startsWith("Posts the qualification to http://"
                    + LeadlineServer.OUTSIDE_HOST + ":" + hook.getAddress().getPort() + "/hook, signed"), preview::toString);
            assertEquals(0, calls.get(), "a dry run posts nothing");
            Api.Response done = t.api().post("/api/v1/leads/" + lead + "/qualify", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(201, done.status(), done::toString);

            List<String[]> posts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String[] post = received.poll(30, TimeUnit.SECONDS);
                assertNotNull(post, "post " + (i + 1) + " arrived; earlier: " + posts.size());
                posts.add(post);
            }
            for (String[] post : posts) {
                assertEquals(posts.get(0)[1].replaceAll("\"at\":\"[^\"]+\"", ""), post[1].replaceAll("\"at\":\"[^\"]+\"", ""),
                        "the same qualification each time");
                assertSigned(secret, post[0], post[1]);
            }
            JsonObject json = Json.createReader(new java.io.StringReader(posts.get(2)[1])).readObject();
            assertEquals(lead, json.getString("leadId"));
            assertEquals(done.json().getJsonObject("opportunity").getString("id"), json.getString("opportunityId"));
            await(() -> t.api().get(path + "/deliveries").json().getInt("pending") == 0,
                    () -> "delivered: " + t.api().get(path + "/deliveries").json());
            Thread.sleep(1000);
            assertEquals(3, calls.get(), "not posted again once the receiver took it");

            // Secrets are sealed at rest: neither the signing secret nor the mailbox password is in the database.
            String mailboxPassword = "mailbox-password-" + t.slug();
            Api.Response mailbox = t.api().put("/api/v1/extensions/source-email/email/settings", Json.createObjectBuilder()
                    .add("imapHost", "mail.example.com").add("imapUser", "leads").add("imapPassword", mailboxPassword)
                    .build(), Map.of());
            assertEquals(200, mailbox.status(), mailbox::toString);
            server.stop();
            String stored = storedSettings(t.tenantId());
            assertTrue(stored.contains("conversion-webhook") && stored.contains("source-email"), stored);
            assertTrue(!stored.contains(secret) && !stored.contains(mailboxPassword), "no secret in clear text: " + stored);
            assertTrue(stored.contains("\"sealed\""), stored);
            assertTrue(stored.contains("mail.example.com"), "other settings stay readable: " + stored);
            // A secret stored in clear text (as by a version that did not seal them) is sealed at the next start.
            String clearPassword = "clear-mailbox-password-" + t.slug();
            writeSettings(t.tenantId(), "source-email", Json.createObjectBuilder().add("imapHost", "mail.example.com")
                    .add("imapUser", "leads").add("imapPassword", clearPassword).build().toString());
            server.restart();

            // After the restart the sealed secret is opened again: the next post is signed with it.
            Api api = new Api(server.base()).login(t.slug(), t.username(), t.password());
            String second = created(api.post("/api/v1/leads", Fixtures.tradeFairLead("Webhook2")));
            assertEquals(201, api.post("/api/v1/leads/" + second + "/qualify", JsonValue.EMPTY_JSON_OBJECT).status());
            String[] post = received.poll(30, TimeUnit.SECONDS);
            assertNotNull(post, "the qualification after the restart was posted");
            assertTrue(post[1].contains(second), post[1]);
            assertSigned(secret, post[0], post[1]);
            server.stop();
            String swept = storedSettings(t.tenantId());
            assertTrue(!swept.contains(clearPassword) && swept.contains("mail.example.com"),
                    "the clear-text secret was sealed at start: " + swept);
            server.restart();
            assertEquals(200, new Api(server.base()).login(t.slug(), t.username(), t.password())
                    .get("/api/v1/auth/me").status(), "the server is back for the tests after this one");
        } finally {
            hook.stop(0);
        }
    }

    /** Replaces the tenant's stored settings of a plugin's extension in the database of the stopped server. */
    private static void writeSettings(String tenantId, String pluginId, String settings) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "");
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE tenant_extensions SET settings = ? WHERE tenant_id = ? AND plugin_id = ?")) {
            ps.setString(1, settings);
            ps.setString(2, tenantId);
            ps.setString(3, pluginId);
            assertEquals(1, ps.executeUpdate(), "the stored settings row of " + pluginId);
        }
        if (server.jdbcUrl().startsWith("jdbc:derby:")) {
            try {
                DriverManager.getConnection(server.jdbcUrl() + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a shutdown with an exception; the server may open the database again
            }
        }
    }

    /** The tenant's stored extension settings, read from the database of the stopped server. */
    private static String storedSettings(String tenantId) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT plugin_id, settings FROM tenant_extensions WHERE tenant_id = ? AND settings IS NOT NULL")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
                }
            }
        }
        if (server.jdbcUrl().startsWith("jdbc:derby:")) {
            try {
                DriverManager.getConnection(server.jdbcUrl() + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a shutdown with an exception; the server may open the database again
            }
        }
        return all.toString();
    }

    private static void assertSigned(String secret, String header, String body) throws Exception {
        assertNotNull(header, "the post is signed");
        String[] parts = header.split(",");
        assertTrue(parts[0].startsWith("t=") && parts[1].startsWith("v1="), header);
        long t = Long.parseLong(parts[0].substring(2));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - t) < 300, "signed just now: " + header);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, parts[1].substring(3), "the HMAC-SHA256 of \"<t>.<body>\" with the shared secret");
    }

    private static void useJournal(Fixtures.TenantAdmin t, Path journal) {
        Api.Response set = t.api().put(JOURNAL + "/settings",
                Json.createObjectBuilder().add("journalFile", journal.toString()).build(), Map.of());
        assertEquals(200, set.status(), set::toString);
        Api.Response on = t.api().post(JOURNAL + "/enable");
        assertEquals(200, on.status(), on::toString);
    }

    private static JsonObject deliveries(Fixtures.TenantAdmin t) {
        Api.Response r = t.api().get(JOURNAL + "/deliveries");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static String created(Api.Response r) {
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> message)
            throws InterruptedException {
        Await.until(condition, java.time.Duration.ofSeconds(60), message);
    }
}
