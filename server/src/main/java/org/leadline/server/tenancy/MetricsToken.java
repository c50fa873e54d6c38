package org.leadline.server.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.logging.Logger;

import org.leadline.server.platform.Settings;

/**
 * The token a metrics scraper sends ({@code leadline.metrics.token}); none when not configured, so
 * that only platform administrators read the metrics. A token shorter than {@link #MIN_LENGTH} is
 * ignored with a warning: it could be guessed.
 */
final class MetricsToken {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(MetricsToken.class.getName());

    private final byte[] expected;

    private MetricsToken(byte[] expected) {
        this.expected = expected;
    }

    static MetricsToken configured() {
        String value = Settings.config().getOptionalValue(Settings.METRICS_TOKEN, String.class).map(String::strip)
                .orElse("");
        if (!value.isEmpty() && value.length() < MIN_LENGTH) {
            LOG.warning(Settings.METRICS_TOKEN + " is shorter than " + MIN_LENGTH
                    + " characters and is ignored; metrics need a platform administrator's token");
            value = "";
        }
        return new MetricsToken(value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code token} is the configured one; compared in constant time. */
    boolean matches(String token) {
        return expected != null && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }
}
