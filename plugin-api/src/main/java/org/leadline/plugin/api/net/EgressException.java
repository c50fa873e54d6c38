package org.leadline.plugin.api.net;

import java.io.IOException;

import org.leadline.plugin.api.Stable;

/**
 * An outbound connection that the egress policy refused ({@link Egress#REFUSED}) or that could not
 * be made or completed ({@link Egress#UNREACHABLE}). The message is one of those two and never
 * says more; show it to the tenant as it is. Since 1.1.
 */
@Stable(since = "1.1")
public class EgressException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean refused;

    private EgressException(String message, boolean refused) {
        super(message, null);
        this.refused = refused;
    }

    /** The policy refused the connection. */
    public static EgressException refused() {
        return new EgressException(Egress.REFUSED, true);
    }

    /** The connection could not be made or failed before the answer was complete. */
    public static EgressException unreachable() {
        return new EgressException(Egress.UNREACHABLE, false);
    }

    /** Whether the policy refused the connection (rather than the other side not answering). */
    public boolean refusedByPolicy() {
        return refused;
    }

    /** The first egress failure among {@code t} and its causes, if any. */
    public static java.util.Optional<EgressException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EgressException e) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    /** Without a stack trace: it is an expected outcome, not a bug, and says where nothing. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
