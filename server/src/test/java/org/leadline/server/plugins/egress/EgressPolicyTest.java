package org.leadline.server.plugins.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.net.Egress;
import org.leadline.plugin.api.net.EgressException;
import org.leadline.plugin.api.net.HttpExchange;

class EgressPolicyTest {

    static InetAddress ip(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }

    static final EgressPolicy DEFAULT = EgressPolicy.of("");

    @Test
    void theInstallationsOwnNetworksAndTheCloudMetadataAreRefusedByDefault() {
        for (String internal : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "100.64.0.1", "169.254.169.254", "169.254.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
                "::1", "::", "fd00:ec2::254", "fc00::1", "fe80::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "::7f00:1")) {
            assertFalse(DEFAULT.permits("x", ip(internal), 80), internal);
        }
    }

    @Test
    void publicAddressesAreAllowed() {
        for (String outside : List.of("93.184.215.14", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
                "192.0.2.1")) {
            assertTrue(DEFAULT.permits("x", ip(outside), 443), outside);
        }
    }

    @Test
    void aPlatformAdministratorAllowsHostsAddressesAndBlocksOptionallyOnOnePort() {
        EgressPolicy p = EgressPolicy.of("mail.internal:993, *.corp.example 10.20.0.0/16,[fd12::/64]:8443 127.0.0.2");
        assertTrue(p.permits("mail.internal", ip("10.0.0.5"), 993));
        assertFalse(p.permits("mail.internal", ip("10.0.0.5"), 22), "only on its port");
        assertTrue(p.permits("crm.corp.example", ip("192.168.3.3"), 443));
        assertFalse(p.permits("corp.example.evil", ip("192.168.3.3"), 443));
        assertTrue(p.permits("x", ip("10.20.5.5"), 22));
        assertFalse(p.permits("x", ip("10.21.5.5"), 22));
        assertTrue(p.permits("x", ip("fd12::7"), 8443));
        assertFalse(p.permits("x", ip("fd12::7"), 443));
        assertTrue(p.permits("x", ip("127.0.0.2"), 5555));
        assertFalse(p.permits("x", ip("127.0.0.1"), 5555));
    }

    @Test
    void aBadAllowListEntryIsNamed() {
        for (String bad : List.of("10.0.0.0/33", "host:99999", "[fd00::1", "not a/host", "under_score.example")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EgressPolicy.of(bad), bad);
            assertTrue(e.getMessage().contains("'"), e.getMessage());
        }
    }

    @Test
    void settingsWithALiteralInternalAddressAreRefusedWhenSaved() {
        for (String literal : List.of("127.0.0.1", "[::1]", "::1", "169.254.169.254", "10.0.0.1", "[fd00:ec2::254]")) {
            assertTrue(DEFAULT.refusesLiteral(literal, 80).isPresent(), literal);
        }
        assertEquals(Optional.empty(), DEFAULT.refusesLiteral("hooks.example.com", 443), "names are judged when connecting");
        assertEquals(Optional.empty(), DEFAULT.refusesLiteral("localhost", 443), "names are judged when connecting");
        assertEquals(Optional.empty(), EgressPolicy.of("127.0.0.2").refusesLiteral("127.0.0.2", 80));
        assertEquals(Optional.empty(), EgressPolicy.of("127.0.0.2:8080").refusesLiteral("127.0.0.2", -1));
    }

    // ---- connecting ----------------------------------------------------------------------------

    @Test
    void aNameIsJudgedByTheAddressItResolvesTo() {
        Egress egress = new PolicedEgress(DEFAULT).forCaller("test", "t");
        EgressException e = assertThrows(EgressException.class, () -> egress.connect("localhost", 9, Duration.ofSeconds(1)));
        assertEquals(Egress.REFUSED, e.getMessage());
        assertTrue(e.refusedByPolicy());
    }

    @Test
    void aClosedAndAnOpenPortOfARefusedAddressGetTheSameAnswer() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            int closed = freePort();
            Egress egress = new PolicedEgress(DEFAULT).forCaller("test", "t");
            String toOpen = assertThrows(EgressException.class,
                    () -> egress.connect("127.0.0.1", open.getLocalPort(), Duration.ofSeconds(1))).getMessage();
            String toClosed = assertThrows(EgressException.class,
                    () -> egress.connect("127.0.0.1", closed, Duration.ofSeconds(1))).getMessage();
            assertEquals(Egress.REFUSED, toOpen);
            assertEquals(toOpen, toClosed);
        }
    }

    @Test
    void anAllowedAddressIsConnectedAndAClosedPortThereSaysOnlyThatItCouldNotConnect() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            Egress egress = new PolicedEgress(EgressPolicy.of("127.0.0.1")).forCaller("test", "t");
            try (Socket s = egress.connect("127.0.0.1", open.getLocalPort(), Duration.ofSeconds(2))) {
                assertTrue(s.isConnected());
            }
            EgressException e = assertThrows(EgressException.class,
                    () -> egress.connect("127.0.0.1", freePort(), Duration.ofSeconds(2)));
            assertEquals(Egress.UNREACHABLE, e.getMessage());
            assertFalse(e.refusedByPolicy());
        }
    }

    @Test
    void socketsOfTheFactoryAreJudgedWhenTheyConnect() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            Egress refusing = new PolicedEgress(DEFAULT).forCaller("test", "t");
            Socket unconnected = refusing.socketFactory(Duration.ofSeconds(1)).createSocket();
            // As Jakarta Mail does it: an address it resolved itself, then connect.
            EgressException e = assertThrows(EgressException.class,
                    () -> unconnected.connect(new InetSocketAddress("localhost", open.getLocalPort()), 1000));
            assertEquals(Egress.REFUSED, e.getMessage());
            assertThrows(EgressException.class,
                    () -> refusing.socketFactory(Duration.ofSeconds(1)).createSocket("127.0.0.1", open.getLocalPort()));

            Egress allowing = new PolicedEgress(EgressPolicy.of("localhost")).forCaller("test", "t");
            try (Socket s = allowing.socketFactory(Duration.ofSeconds(1)).createSocket()) {
                s.connect(new InetSocketAddress("localhost", open.getLocalPort()), 1000);
                assertTrue(s.isConnected());
            }
        }
    }

    @Test
    void httpToALoopbackOrMetadataAddressIsRefusedAndToAnAllowedOneIsSent() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(ip("127.0.0.1"), 0), 0);
        server.createContext("/hook", x -> {
            byte[] got;
            try (InputStream in = x.getRequestBody()) {
                got = in.readAllBytes();
            }
            x.getResponseHeaders().add("X-Host", x.getRequestHeaders().getFirst("Host"));
            x.sendResponseHeaders(200, got.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(got);
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            HttpExchange.Request post = HttpExchange.Request.post(URI.create("http://localhost:" + port + "/hook"),
                    "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            Egress refusing = new PolicedEgress(DEFAULT).forCaller("test", "t");
            for (String url : List.of("http://localhost:" + port + "/hook", "http://127.0.0.1:" + port + "/hook",
                    "http://[::1]:" + port + "/hook", "http://169.254.169.254/latest/meta-data/")) {
                HttpExchange.Request r = new HttpExchange.Request("POST", URI.create(url), post.headers(), post.body(),
                        Duration.ofSeconds(5));
                assertEquals(Egress.REFUSED, assertThrows(EgressException.class, () -> refusing.send(r)).getMessage(), url);
            }
            Egress allowing = new PolicedEgress(EgressPolicy.of("localhost")).forCaller("test", "t");
            HttpExchange.Response answer = allowing.send(post);
            assertEquals(200, answer.status());
            assertEquals("{\"a\":1}", new String(answer.body(), StandardCharsets.UTF_8));
            assertEquals("localhost:" + port, answer.header("X-Host").orElseThrow(), "the Host header names the URI's host");
            HttpExchange.Request closed = HttpExchange.Request.post(URI.create("http://localhost:" + freePort() + "/"),
                    "text/plain", new byte[0], Duration.ofSeconds(5));
            assertEquals(Egress.UNREACHABLE, assertThrows(EgressException.class, () -> allowing.send(closed)).getMessage());
        } finally {
            server.stop(0);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
