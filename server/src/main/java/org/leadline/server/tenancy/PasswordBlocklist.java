package org.leadline.server.tenancy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The password blocklist of NIST SP 800-63B, through nbvcxz: its list of passwords from public
 * breaches, English words and names, and the patterns guessing tools try first (repetitions,
 * sequences, keyboard walks, l33t spellings, reversed words) and the product's name, plus the
 * account's own username and tenant (the password may not be one of them with a few characters around).
 * A password is blocked when nbvcxz estimates that a guesser trying those first finds it within
 * 2^{@value #MIN_GUESS_BITS} guesses: a breached password as a whole ({@code "iloveyou"}), two of
 * them glued together ({@code "baseball1234"}), {@code "aaaaaaaaaaaa"} or {@code "123456789012"}.
 * Separate words with a separator are not blocked for being words; their number makes them strong.
 */
final class PasswordBlocklist {

    static final int MIN_GUESS_BITS = 20;
    static final String REASON = "is too easy to guess: a common or breached password, or a simple pattern of one";

    private PasswordBlocklist() {
    }

    static boolean blocks(String password, String... context) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("leadline") || (context != null && Arrays.stream(context).filter(Objects::nonNull)
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).anyMatch(w -> w.length() >= 3
                        && (lower.equals(w) || lower.replace(w, "").length() < 4)))) {
            // The account's own name, its tenant, the product: with at most a few characters around.
            return true;
        }
        return entropy(password) < MIN_GUESS_BITS;
    }

    /** How long the dictionaries stay loaded after the last check. */
    static final Duration KEEP = Duration.ofSeconds(30);

    /** By name: a class literal would load it, and nbvcxz with it, into this class's own loader. */
    private static final String ENTROPY_CLASS = "org.leadline.server.tenancy.PasswordEntropy";

    private static final Object LOCK = new Object();
    private static ToDoubleFunction<String> entropy; // guarded by LOCK
    private static long lastUse; // guarded by LOCK
    private static boolean releasePending; // guarded by LOCK
    private static long loads; // guarded by LOCK: a release scheduled for an earlier load does nothing
    private static long keepNanos = KEEP.toNanos(); // guarded by LOCK

    /**
     * nbvcxz's estimate. nbvcxz loads its dictionaries (171,000 words, about 19 MB of heap) into
     * static fields at its first use and keeps them for as long as its classes live. So it is loaded
     * by a class loader of its own, kept while checks come, and let go {@link #KEEP} after the
     * last one: an idle server holds none of it.
     */
    static double entropy(String password) {
        ToDoubleFunction<String> estimator;
        synchronized (LOCK) {
            if (entropy == null) {
                entropy = load();
                loads++;
                releasePending = false;
            }
            estimator = entropy;
            lastUse = System.nanoTime();
            if (!releasePending) {
                releasePending = true;
                releaseLater(loads, keepNanos);
            }
        }
        return estimator.applyAsDouble(password);
    }

    /** Lets the dictionaries go now (the first start checks its passwords once and has no more to check). */
    static void release() {
        synchronized (LOCK) {
            entropy = null;
        }
    }

    /** The class loader of the loaded dictionaries, or null: for tests. */
    static ClassLoader loader() {
        synchronized (LOCK) {
            return entropy == null ? null : entropy.getClass().getClassLoader();
        }
    }

    /** For tests: how long the dictionaries stay loaded after the last check. */
    static void keepFor(Duration keep) {
        synchronized (LOCK) {
            keepNanos = keep.toNanos();
        }
    }

    private static void releaseLater(long load, long nanos) {
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(() -> releaseIfIdle(load));
    }

    private static void releaseIfIdle(long load) {
        synchronized (LOCK) {
            if (load != loads || entropy == null) {
                return;
            }
            long idle = System.nanoTime() - lastUse;
            if (idle >= keepNanos) {
                entropy = null;
                releasePending = false;
            } else {
                releaseLater(load, keepNanos - idle);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ToDoubleFunction<String> load() {
        ClassLoader loader = new DisposableLoader(PasswordBlocklist.class.getClassLoader(),
                List.of("me.gosimple.nbvcxz.", ENTROPY_CLASS));
        try {
            return (ToDoubleFunction<String>) loader.loadClass(ENTROPY_CLASS)
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the password blocklist", e);
        }
    }
}
