package org.leadline.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A plugin hanging for one tenant uses up its own share of the guard threads, and nobody else's. */
class GuardBulkheadTest {

    private final List<String> quarantines = Collections.synchronizedList(new ArrayList<>());
    // 8 threads in all; a plugin may hold 4, a tenant within it 2.
    private final Guard guard = new Guard(Duration.ofMillis(200), 3, 8, 4, 2,
            (tenant, plugin, extension, reason) -> quarantines.add(tenant + " " + plugin + "/" + extension));
    private final ClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        callers.shutdown();
        callers.awaitTermination(5, TimeUnit.SECONDS);
        guard.close();
    }

    /** A call that ignores the time limit and interrupts until the test ends. */
    private Object hang() {
        while (true) {
            try {
                if (release.await(10, TimeUnit.SECONDS)) {
                    return "late";
                }
            } catch (InterruptedException e) {
                // ignores being cancelled, as a badly written plugin would
            }
        }
    }

    @Test
    void aHangingPluginTurnsAwayItsTenantsCallsAfterTheTimeLimitWithoutQuarantiningItsHealthyExtension() throws Exception {
        Guard.Target slowA = new Guard.Target("A", "slow", "sleepy", loader);
        for (int i = 0; i < 2; i++) {
            assertTrue(guard.call(slowA, this::hang).failure().contains("did not answer"));
        }
        // A's share of the plugin (2) is held by the hanging calls: its other extension waits for a
        // place as long as a call's time limit (200 ms), finds none and is not called.
        Guard.Target healthyA = new Guard.Target("A", "slow", "steady", loader);
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Guard.Outcome<String> o = guard.call(healthyA, () -> "fine");
            assertFalse(o.ok());
            assertTrue(o.failure().contains("for this tenant stayed in use for 200 ms"), o.failure());
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(200), "it waited for a place");
        }
        assertFalse(guard.isQuarantined("A", "slow", "steady"), "not called is not failed");
        assertEquals(5, guard.metrics("slow").rejected());
        assertEquals(2, guard.metrics("slow").failures());

        // Tenant B of the same plugin, and any other plugin for A, are served.
        assertEquals("fine", guard.call(new Guard.Target("B", "slow", "steady", loader), () -> "fine").value());
        assertEquals("bant", guard.call(new Guard.Target("A", "bant", "bant", loader), () -> "bant").value());
        assertEquals(List.of(), quarantines);
    }

    @Test
    void thePluginsShareBoundsAllItsTenantsTogether() {
        for (String tenant : List.of("A", "B")) {
            for (int i = 0; i < 2; i++) {
                guard.call(new Guard.Target(tenant, "slow", "sleepy", loader), this::hang);
            }
        }
        Guard.Outcome<String> c = guard.call(new Guard.Target("C", "slow", "steady", loader), () -> "fine");
        assertTrue(c.failure().contains("all 4 concurrent calls of plugin slow stayed in use"), c.failure());
        List<Guard.Outcome<String>> batch = guard.callEach(new Guard.Target("C", "slow", "steady", loader),
                List.of(1, 2, 3), i -> "v" + i);
        assertTrue(batch.stream().allMatch(o -> !o.ok() && o.failure().contains("stayed in use")), batch::toString);
        assertEquals("other", guard.call(new Guard.Target("C", "other", "x", loader), () -> "other").value());
        assertFalse(guard.isQuarantined("C", "slow", "steady"));
    }

    @Test
    void aCallFindingItsShareInUseByQuickCallsWaitsForAPlaceAndIsMade() throws Exception {
        // A busy tenant, not a hanging plugin: both of A's places are taken by calls that end soon.
        Guard.Target t = new Guard.Target("A", "p", "e", loader);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        List<java.util.concurrent.Future<Guard.Outcome<String>>> first = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            first.add(callers.submit(() -> guard.call(t, () -> {
                running.countDown();
                finish.await();
                return "first";
            })));
        }
        assertTrue(running.await(5, TimeUnit.SECONDS));
        java.util.concurrent.Future<Guard.Outcome<String>> third = callers.submit(() -> guard.call(t, () -> "third"));
        java.util.concurrent.Future<List<Guard.Outcome<Integer>>> batch = callers.submit(
                () -> guard.callEach(t, List.of(1, 2), i -> i * 10));
        Thread.sleep(50);
        assertFalse(third.isDone(), "the third call waits while both places are in use");
        finish.countDown();
        assertEquals("third", third.get(5, TimeUnit.SECONDS).value());
        assertEquals(List.of(10, 20), batch.get(5, TimeUnit.SECONDS).stream().map(Guard.Outcome::value).toList());
        for (var f : first) {
            assertEquals("first", f.get(5, TimeUnit.SECONDS).value());
        }
        assertEquals(0, guard.metrics("p").rejected());
        assertEquals(0, guard.running("p"));
    }

    @Test
    void aCallerInterruptedBeforeItsPlaceIsNotCalledAndSaysWhy() {
        Thread.currentThread().interrupt();
        Guard.Outcome<String> o;
        try {
            o = guard.call(new Guard.Target("A", "p", "e", loader), () -> "fine");
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        }
        assertTrue(o.failure().contains("interrupted while waiting for a place"), o.failure());
        assertEquals(1, guard.metrics("p").rejected());
        assertEquals(0, guard.running("p"));
    }

    @Test
    void theShareIsGivenBackWhenThePluginsCodeReturns() {
        Guard.Target t = new Guard.Target("A", "p", "e", loader);
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertEquals(n, guard.call(t, () -> n).value(), "call " + n + " found the share free again");
        }
        assertEquals(0, guard.running("p"));
    }
}
