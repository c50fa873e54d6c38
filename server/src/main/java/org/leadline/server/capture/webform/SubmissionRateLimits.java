package org.leadline.server.capture.webform;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-minute limits on form submissions, per client address and form and per form, counted in
 * fixed one-minute windows in this server's memory. Each server of a cluster counts for itself:
 * the limits protect the server and the tenant's lead list from floods, not an exact quota.
 */
@ApplicationScoped
public class SubmissionRateLimits {

    static final long WINDOW_MILLIS = 60_000;
    /** Keys kept before stale windows are swept; bounds the memory a flood of addresses can take. */
    private static final int SWEEP_ABOVE = 50_000;

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Counts one submission against both limits; returns the seconds until the client may try again
     * when either is exhausted (the submission is then not counted).
     */
    OptionalLong acquire(WebForm form, String clientAddress, long nowMillis) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> nowMillis - w.start >= WINDOW_MILLIS);
        }
        String formKey = "f|" + form.id();
        String ipKey = "i|" + form.id() + "|" + clientAddress;
        long start = nowMillis - nowMillis % WINDOW_MILLIS;
        synchronized (this) {
            Window f = current(formKey, start);
            Window i = current(ipKey, start);
            if (f.count >= form.perFormPerMinute() || i.count >= form.perIpPerMinute()) {
                long retry = (start + WINDOW_MILLIS - nowMillis + 999) / 1000;
                return OptionalLong.of(Math.max(1, retry));
            }
            f.count++;
            i.count++;
            return OptionalLong.empty();
        }
    }

    private Window current(String key, long start) {
        Window w = windows.get(key);
        if (w == null || w.start != start) {
            w = new Window(start);
            windows.put(key, w);
        }
        return w;
    }
}
