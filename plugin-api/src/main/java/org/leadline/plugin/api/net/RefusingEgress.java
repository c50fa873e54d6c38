package org.leadline.plugin.api.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import javax.net.SocketFactory;

/** Refuses every connection: the egress of a context that was built without one. */
final class RefusingEgress implements Egress {

    static final RefusingEgress INSTANCE = new RefusingEgress();

    private RefusingEgress() {
    }

    @Override
    public Socket connect(String host, int port, Duration timeout) throws EgressException {
        throw EgressException.refused();
    }

    @Override
    public SocketFactory socketFactory(Duration timeout) {
        return new SocketFactory() {
            @Override
            public Socket createSocket(String host, int port) throws IOException {
                throw EgressException.refused();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                throw EgressException.refused();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                throw EgressException.refused();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                throw EgressException.refused();
            }
        };
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws EgressException {
        throw EgressException.refused();
    }
}
