package org.leadline.plugin.api.net;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.leadline.plugin.api.Stable;

/** The request and the answer of {@link Egress#send}. Since 1.1. */
@Stable(since = "1.1")
public final class HttpExchange {

    private HttpExchange() {
    }

    /**
     * An HTTP request.
     *
     * @param method  {@code GET}, {@code POST}, {@code PUT}, ...
     * @param uri     an absolute {@code http} or {@code https} address
     * @param headers header names to their values; {@code Host}, {@code Content-Length} and
     *                {@code Connection} are set by the server
     * @param body    the body; empty for none
     * @param timeout the longest time for connecting and for the whole answer to arrive
     */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout) {

        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? new byte[0] : body.clone();
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** A POST of {@code body} with the given content type. */
        public static Request post(URI uri, String contentType, byte[] body, Duration timeout) {
            return new Request("POST", uri, Map.of("Content-Type", List.of(contentType)), body, timeout);
        }

        /** This request with one more header value. */
        public Request withHeader(String name, String value) {
            Map<String, List<String>> more = new java.util.LinkedHashMap<>(headers);
            more.merge(name, List.of(value), (a, b) -> {
                List<String> both = new java.util.ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
            return new Request(method, uri, more, body, timeout);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * An HTTP answer.
     *
     * @param status  the status code
     * @param headers header names (lower case) to their values
     * @param body    the body, cut off after the server's limit for answers (1 MiB)
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Response {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? new byte[0] : body.clone();
        }

        /** The first value of a header, by its name in any case. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }
}
