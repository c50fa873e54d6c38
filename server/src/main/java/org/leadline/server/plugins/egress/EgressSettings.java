package org.leadline.server.plugins.egress;

import java.util.logging.Logger;

import org.leadline.server.platform.Settings;

/** The configuration of the egress policy. */
public final class EgressSettings {

    /**
     * Exceptions to the egress policy: host names ({@code *.corp.example}), IP addresses and CIDR
     * blocks, each optionally with {@code :port}, separated by commas or spaces. Empty by default.
     */
    public static final String ALLOW = "leadline.egress.allow";

    private static final Logger LOG = Logger.getLogger(EgressSettings.class.getName());
    private static volatile EgressPolicy policy;

    private EgressSettings() {
    }

    /**
     * The policy as configured. An allow-list with a bad entry is not half applied: the server logs
     * why and allows no exceptions, which fails closed.
     */
    public static EgressPolicy policy() {
        EgressPolicy p = policy;
        if (p == null) {
            String configured;
            try {
                configured = Settings.get(ALLOW).orElse("");
            } catch (IllegalStateException e) {
                // No MicroProfile Config at all (plain unit tests): the default policy, not kept.
                return EgressPolicy.of("");
            }
            try {
                p = EgressPolicy.of(configured);
                EgressPolicy parsed = p;
                if (!configured.isBlank()) {
                    LOG.info(() -> "Egress policy: outbound connections of plugins may also go to " + configured.strip());
                }
                policy = parsed;
            } catch (IllegalArgumentException e) {
                LOG.severe(() -> ALLOW + " is not used, so no internal address is allowed: " + e.getMessage());
                p = EgressPolicy.of("");
                policy = p;
            }
        }
        return p;
    }
}
