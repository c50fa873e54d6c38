package org.leadline.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in a black-box test for what the server does after it answered (outbox, jobs, its log). */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with {@code message} after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError(message.get());
        }
    }

    /** {@link #until(BooleanSupplier, Duration, Supplier)} for 30 s, failing with "timed out waiting until {@code what}". */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, Duration.ofSeconds(30), () -> "timed out waiting until " + what);
    }
}
