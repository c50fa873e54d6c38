package org.leadline.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.Await;
import org.leadline.it.LeadlineServer;

/**
 * Plugins connect out only through the server's egress policy: a tenant cannot make the server
 * post its leads to the server's own network or the cloud's metadata service, nor use a mailbox's
 * poll status to find open ports. The test servers allow {@link LeadlineServer#OUTSIDE_HOST} only.
 */
class EgressIT {

    private static final String WEBHOOK = "/api/v1/extensions/conversion-webhook/webhook";
    private static final String EMAIL = "/api/v1/extensions/source-email/email";

    static LeadlineServer server;

    @BeforeAll
    static void server() {
        server = LeadlineServer.shared();
    }

    @Test
    void aWebhookToALiteralInternalAddressIsRefusedWhenSaved() {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://[::1]:8080/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
                "http://10.0.0.7/", "http://[::ffff:127.0.0.1]/")) {
            Api.Response r = t.api().put(WEBHOOK + "/settings", Json.createObjectBuilder().add("url", url).build(), Map.of());
            assertEquals(400, r.status(), url + ": " + r);
            assertTrue(r.header("content-type").startsWith("application/problem+json"), r::toString);
            assertEquals("is an internal address that outbound connections may not go to", r.fieldError("settings.url"), r::toString);
        }
    }

    @Test
    void aWebhookToANameOfALoopbackAddressIsRefusedWhenItConnectsAndAnAllowedOneIsPosted() throws Exception {
        BlockingQueue<String> inside = new LinkedBlockingQueue<>();
        BlockingQueue<String> outside = new LinkedBlockingQueue<>();
        HttpServer internal = receiver("127.0.0.1", inside);
        HttpServer allowed = receiver(LeadlineServer.OUTSIDE_HOST, outside);
        try {
            Fixtures.TenantAdmin t = Fixtures.newTenant(server);
            // "localhost" passes the check of the settings (names are judged by what they resolve to when used)
            String url = "http://localhost:" + internal.getAddress().getPort() + "/hook";
            assertEquals(200, t.api().put(WEBHOOK + "/settings", Json.createObjectBuilder().add("url", url)
                    .add("token", "secret-of-the-tenant").build(), Map.of()).status());
            assertEquals(200, t.api().post(WEBHOOK + "/enable").status());
            String lead = lead(t.api(), "Intern");
            assertEquals(201, t.api().post("/api/v1/leads/" + lead + "/qualify", JsonValue.EMPTY_JSON_OBJECT).status());
            // The post is made after the qualification's commit, by the outbox: wait until it was tried and refused
            // (a delivery reads the settings when it is made, so changing them first would send it elsewhere).
            String refused = "Webhook " + url + " not delivered for lead " + lead + ": connection refused by policy";
            Await.until(() -> logContains(refused), java.time.Duration.ofSeconds(30),
                    () -> "the plugin's log says why");

            // The allowed receiver, set afterwards, gets the next qualification.
            assertEquals(200, t.api().put(WEBHOOK + "/settings", Json.createObjectBuilder()
                    .add("url", "http://" + LeadlineServer.OUTSIDE_HOST + ":" + allowed.getAddress().getPort() + "/hook")
                    .add("token", "secret-of-the-tenant").build(), Map.of()).status());
            String second = lead(t.api(), "Extern");
            assertEquals(201, t.api().post("/api/v1/leads/" + second + "/qualify", JsonValue.EMPTY_JSON_OBJECT).status());
            // The first qualification's post is retried (deliveries are at least once) and may reach the
            // allowed receiver too, before or after the second one: what matters is that the second arrives.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<String> posts = new ArrayList<>();
            while (posts.stream().noneMatch(p -> p.contains(second)) && System.nanoTime() < until) {
                String posted = outside.poll(1, TimeUnit.SECONDS);
                if (posted != null) {
                    assertTrue(posted.contains(second) || posted.contains(lead), "a post of one of the two leads: " + posted);
                    posts.add(posted);
                }
            }
            assertTrue(posts.stream().anyMatch(p -> p.contains(second)), "the allowed receiver got the second lead: " + posts);
            assertNull(inside.poll(1, TimeUnit.SECONDS), "nothing reached the loopback receiver");
        } finally {
            internal.stop(0);
            allowed.stop(0);
        }
    }

    @Test
    void aMailboxOnALiteralInternalAddressIsRefusedWhenSaved() {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        for (String host : List.of("127.0.0.1", "::1", "[::1]", "169.254.169.254", "192.168.0.10")) {
            Api.Response r = t.api().put(EMAIL + "/settings", Json.createObjectBuilder().add("imapHost", host).build(), Map.of());
            assertEquals(400, r.status(), host + ": " + r);
            assertEquals("is an internal address that outbound connections may not go to", r.fieldError("settings.imapHost"), r::toString);
        }
        Api.Response junk = t.api().put(EMAIL + "/settings", Json.createObjectBuilder().add("imapHost", "mail server/1").build(), Map.of());
        assertEquals(400, junk.status(), junk::toString);
        assertEquals("must be a host name or IP address", junk.fieldError("settings.imapHost"), junk::toString);
    }

    @Test
    void aMailboxPollTellsNeitherAnOpenFromAClosedPortNorAnyJavaClass() throws Exception {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        try (ServerSocket loopbackOpen = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             AcceptAndClose outsideOpen = new AcceptAndClose(LeadlineServer.OUTSIDE_HOST)) {
            // refused by the policy: a name of the loopback address, an open and a closed port
            String open = pollError(t.api(), "localhost", loopbackOpen.getLocalPort());
            String closed = pollError(t.api(), "localhost", freePort("127.0.0.1"));
            assertEquals(open, closed);
            assertEquals("fetching failed: connection refused by policy", open);

            // allowed, but no mail server: a port that takes the connection and one that is closed
            String silent = pollError(t.api(), LeadlineServer.OUTSIDE_HOST, outsideOpen.port());
            String shut = pollError(t.api(), LeadlineServer.OUTSIDE_HOST, freePort(LeadlineServer.OUTSIDE_HOST));
            assertEquals(silent, shut);
            assertEquals("fetching failed: could not connect", silent);
        }
    }

    private static String pollError(Api api, String host, int port) {
        Api.Response set = api.put(EMAIL + "/settings", Json.createObjectBuilder().add("imapHost", host).add("imapPort", port)
                .add("imapTls", false).add("imapUser", "leads").add("imapPassword", "pw").build(), Map.of());
        assertEquals(200, set.status(), set::toString);
        Api.Response r = api.post("/api/v1/intake/mailbox/poll");
        assertEquals(200, r.status(), r::toString);
        JsonObject last = r.json().getJsonArray("mailboxes").getJsonObject(0).getJsonObject("lastPoll");
        String error = last.getString("error");
        assertFalse(error.matches("(?s).*(Exception|Error|java\\.|jakarta\\.|org\\.|timed out|Couldn't|refused:).*"), error);
        return error;
    }

    private static String lead(Api api, String lastName) {
        Api.Response r = api.post("/api/v1/leads", Fixtures.tradeFairLead(lastName));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static HttpServer receiver(String address, BlockingQueue<String> into) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(address, 0), 0);
        s.createContext("/hook", exchange -> {
            into.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        s.start();
        return s;
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** A port where something listens that is no mail server: it takes each connection and hangs up. */
    private static final class AcceptAndClose implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        AcceptAndClose(String address) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getByName(address));
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "accept-and-close");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static boolean logContains(String line) {
        try {
            return server.log().contains(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
