package org.leadline.plugins.email;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import javax.net.SocketFactory;

import org.leadline.plugin.api.net.Egress;
import org.leadline.plugin.api.net.EgressException;
import org.leadline.plugin.api.net.HttpExchange;

/** An egress without a policy, for tests against a mail server on this machine. */
final class OpenEgress implements Egress {

    static final OpenEgress INSTANCE = new OpenEgress();

    @Override
    public Socket connect(String host, int port, Duration timeout) throws EgressException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return s;
        } catch (IOException e) {
            throw EgressException.unreachable();
        }
    }

    @Override
    public SocketFactory socketFactory(Duration timeout) {
        return SocketFactory.getDefault();
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws EgressException {
        throw EgressException.refused();
    }
}
