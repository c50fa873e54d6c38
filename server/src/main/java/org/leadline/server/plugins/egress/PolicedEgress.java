package org.leadline.server.plugins.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.SocketFactory;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.leadline.plugin.api.net.Egress;
import org.leadline.plugin.api.net.EgressException;
import org.leadline.plugin.api.net.HttpExchange;

/**
 * The server's {@link Egress}: every connection is resolved once, each resolved address is judged
 * by the {@link EgressPolicy}, and the connection goes to an address that passed, never to a second
 * lookup of the name. HTTP runs on Apache HttpClient with this check as its DNS resolver (the
 * client then connects to exactly the addresses the resolver returned; TLS still verifies and
 * names the host of the URI); sockets for libraries come from {@link #socketFactory}, whose
 * unconnected sockets are checked when they connect.
 *
 * <p>One instance serves the whole server; {@link #forCaller} hands each plugin call a view that
 * names the plugin and tenant in the server log when a connection is refused. Failures reach the
 * plugin as {@link EgressException} with nothing but "connection refused by policy" or "could not
 * connect".
 */
public final class PolicedEgress implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PolicedEgress.class.getName());
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final Set<String> SERVER_HEADERS = Set.of("host", "content-length", "connection",
            "transfer-encoding", "upgrade", "te", "trailer", "keep-alive", "proxy-connection");

    private final EgressPolicy policy;
    private final CloseableHttpClient http;

    public PolicedEgress(EgressPolicy policy) {
        this.policy = policy;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new Resolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .setMaxConnTotal(50).setMaxConnPerRoute(5)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Leadline")
                .build();
    }

    public EgressPolicy policy() {
        return policy;
    }

    /** The egress of one plugin acting for one tenant. */
    public Egress forCaller(String pluginId, String tenantId) {
        return new Caller(pluginId, tenantId);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the egress HTTP client", e);
        }
    }

    /** The addresses of {@code host} the policy lets {@code port} be reached at, in resolver order. */
    List<InetAddress> permitted(String host, int port, String caller) throws EgressException {
        String name = host == null ? "" : host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetAddress[] all = resolve(name);
        List<InetAddress> permitted = new ArrayList<>();
        for (InetAddress a : all) {
            if (policy.permits(name, a, port)) {
                permitted.add(a);
            }
        }
        if (permitted.isEmpty()) {
            LOG.info(() -> "Egress policy refused " + caller + " a connection to " + host + ":" + port
                    + " (" + java.util.Arrays.toString(all) + ")");
            throw EgressException.refused();
        }
        return permitted;
    }

    /** Every address of the name, looked up once; a literal address is taken as it is. */
    private static InetAddress[] resolve(String name) throws EgressException {
        try {
            java.util.Optional<InetAddress> literal = AddressRange.literal(name);
            return literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(name);
        } catch (UnknownHostException | SecurityException | IllegalArgumentException e) {
            throw EgressException.unreachable();
        }
    }

    Socket connect(String host, int port, Duration timeout, String caller) throws EgressException {
        InetAddress target = permitted(host, port, caller).get(0);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target, port), millis(timeout));
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            LOG.log(Level.INFO, () -> caller + " could not reach " + host + ":" + port + ": " + e);
            throw EgressException.unreachable();
        }
    }

    HttpExchange.Response send(HttpExchange.Request request, String caller) throws EgressException {
        String scheme = request.uri().getScheme() == null ? "" : request.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || request.uri().getHost() == null) {
            throw EgressException.unreachable();
        }
        HttpUriRequestBase message = new HttpUriRequestBase(request.method().toUpperCase(Locale.ROOT), request.uri());
        request.headers().forEach((name, values) -> {
            if (!SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> message.addHeader(name, v));
            }
        });
        byte[] body = request.body();
        if (body.length > 0 || !message.getMethod().equals("GET") && !message.getMethod().equals("HEAD")) {
            message.setEntity(new ByteArrayEntity(body, null));
        }
        Timeout timeout = Timeout.of(request.timeout());
        message.setConfig(RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build());
        try {
            return http.execute(message, response -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
                }
                return new HttpExchange.Response(response.getCode(), headers, read(response.getEntity()));
            });
        } catch (Refused e) {
            LOG.info(() -> "Egress policy refused " + caller + " a request to " + request.uri().getHost());
            throw EgressException.refused();
        } catch (IOException | RuntimeException e) {
            if (EgressException.in(e).filter(EgressException::refusedByPolicy).isPresent()) {
                throw EgressException.refused();
            }
            // The plugin and the tenant learn only "could not connect"; the platform administrator the why.
            LOG.log(Level.INFO, () -> caller + " could not reach " + request.uri().getHost() + ": " + e);
            throw EgressException.unreachable();
        }
    }

    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return in == null ? new byte[0] : in.readNBytes(MAX_ANSWER_BYTES);
        }
    }

    SocketFactory socketFactory(Duration timeout, String caller) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new PolicedSocket(caller);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connect(host, port, timeout, caller);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                Socket s = new PolicedSocket(caller);
                s.bind(new InetSocketAddress(localHost, localPort));
                s.connect(InetSocketAddress.createUnresolved(host, port), millis(timeout));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket s = new PolicedSocket(caller);
                s.connect(new InetSocketAddress(host, port), millis(timeout));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                Socket s = new PolicedSocket(caller);
                s.bind(new InetSocketAddress(localAddress, localPort));
                s.connect(new InetSocketAddress(address, port), millis(timeout));
                return s;
            }
        };
    }

    private static int millis(Duration timeout) {
        return timeout == null ? 10_000 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    /** A socket that judges the address it is to connect to, and connects to exactly that one. */
    final class PolicedSocket extends Socket {

        private final String caller;

        PolicedSocket(String caller) {
            this.caller = caller;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress isa)) {
                throw EgressException.refused();
            }
            InetAddress target;
            if (isa.isUnresolved()) {
                target = permitted(isa.getHostString(), isa.getPort(), caller).get(0);
            } else if (policy.permits(isa.getHostString(), isa.getAddress(), isa.getPort())) {
                // Resolved by the library a moment ago: the check is on the very address connected to.
                target = isa.getAddress();
            } else {
                LOG.info(() -> "Egress policy refused " + caller + " a connection to " + isa.getHostString() + ":"
                        + isa.getPort() + " (" + isa.getAddress() + ")");
                throw EgressException.refused();
            }
            try {
                super.connect(new InetSocketAddress(target, isa.getPort()), timeout);
            } catch (IOException | RuntimeException e) {
                closeQuietly(this);
                LOG.log(Level.INFO, () -> caller + " could not reach " + isa.getHostString() + ":" + isa.getPort() + ": " + e);
                throw EgressException.unreachable();
            }
        }
    }

    /** No address of the host passed the policy; travels through HttpClient as an {@link UnknownHostException}. */
    static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(Egress.REFUSED);
        }
    }

    /** HttpClient's name lookup, with the policy applied to every address it returns. */
    final class Resolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            // Without a port, port-specific exceptions of the allow-list do not apply.
            return resolve(host, 0).stream().map(InetSocketAddress::getAddress).toArray(InetAddress[]::new);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            try {
                return permitted(host, port, "a plugin's HTTP request").stream()
                        .map(a -> new InetSocketAddress(a, port)).toList();
            } catch (EgressException e) {
                if (e.refusedByPolicy()) {
                    throw new Refused();
                }
                throw new UnknownHostException(Egress.UNREACHABLE);
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** The egress as one plugin call sees it. */
    private final class Caller implements Egress {

        private final String name;

        Caller(String pluginId, String tenantId) {
            this.name = "plugin " + pluginId + " (tenant " + tenantId + ")";
        }

        @Override
        public Socket connect(String host, int port, Duration timeout) throws EgressException {
            return PolicedEgress.this.connect(host, port, timeout, name);
        }

        @Override
        public SocketFactory socketFactory(Duration timeout) {
            return PolicedEgress.this.socketFactory(timeout, name);
        }

        @Override
        public HttpExchange.Response send(HttpExchange.Request request) throws EgressException {
            return PolicedEgress.this.send(request, name);
        }
    }
}
