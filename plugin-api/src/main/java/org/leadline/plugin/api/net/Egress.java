package org.leadline.plugin.api.net;

import java.net.Socket;
import java.time.Duration;

import javax.net.SocketFactory;

import org.leadline.plugin.api.Stable;

/**
 * Outbound connections of a plugin, through the server's egress policy. The policy refuses, unless
 * a platform administrator allowed them, addresses inside the installation's own networks:
 * loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT, unspecified,
 * multicast and the cloud metadata addresses ({@code 169.254.169.254}, {@code fd00:ec2::254}).
 *
 * <p>The check is made on the address a host name resolves to, at the moment of connecting, and
 * the connection goes to exactly that address: a name that resolves elsewhere a second later
 * (DNS rebinding) gains nothing. Failures are an {@link EgressException} whose message is
 * {@link #REFUSED} or {@link #UNREACHABLE} and nothing more, so a tenant's settings cannot be
 * used to tell an open port from a closed one.
 *
 * <p>Since 1.1.
 */
@Stable(since = "1.1")
public interface Egress {

    /** The message of a connection the policy refused. */
    String REFUSED = "connection refused by policy";

    /** The message of a connection that failed for any other reason (no such host, closed, timed out). */
    String UNREACHABLE = "could not connect";

    /**
     * A TCP connection to {@code host} (a name or an IP address) on {@code port}.
     *
     * @param timeout the longest time to wait for the connection
     * @throws EgressException when the policy refuses every address of the host, or none answers
     */
    Socket connect(String host, int port, Duration timeout) throws EgressException;

    /**
     * A socket factory whose every socket connects through this policy, for libraries that take
     * one (Jakarta Mail: {@code mail.imap.socketFactory}; the library then layers TLS on top). An
     * unconnected socket it creates is checked when it connects.
     *
     * @param timeout the longest time to wait for a connection made by the factory's own
     *                {@code createSocket(host, port)} methods
     */
    SocketFactory socketFactory(Duration timeout);

    /**
     * Sends an HTTP or HTTPS request and reads the whole answer. Redirects are not followed; a
     * 3xx answer is returned as it is.
     *
     * @throws EgressException when the connection is refused or fails, or no answer arrives in time
     */
    HttpExchange.Response send(HttpExchange.Request request) throws EgressException;

    /** An egress that refuses every connection; what a context built without one hands out. */
    static Egress refusingAll() {
        return RefusingEgress.INSTANCE;
    }
}
