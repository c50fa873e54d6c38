package org.leadline.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch of guarded calls keeps the rules of single calls: time limit, failures, quarantine, class loader. */
class GuardCallEachTest {

    private final List<String> quarantines = Collections.synchronizedList(new ArrayList<>());
    private final Guard guard = new Guard(Duration.ofMillis(1_000), 3, 4,
            (tenant, plugin, extension, reason) -> quarantines.add(tenant + " " + plugin + "/" + extension + ": " + reason));
    private final ClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private final Guard.Target target = new Guard.Target("t1", "p", "e", loader);

    @AfterEach
    void close() {
        guard.close();
    }

    @Test
    void everyInputIsCalledInOrderOnAGuardThreadWithThePluginsClassLoader() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Guard.Outcome<String>> out = guard.callEach(target, List.of(1, 2, 3, 4, 5), i -> {
            threads.add(Thread.currentThread().getName());
            assertSame(loader, Thread.currentThread().getContextClassLoader());
            return "v" + i;
        });
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5"), out.stream().map(Guard.Outcome::value).toList());
        assertTrue(out.stream().allMatch(Guard.Outcome::ok));
        assertEquals(1, threads.size(), "one hand-over for the batch: " + threads);
        assertTrue(threads.iterator().next().startsWith("leadline-plugin-call-"), threads::toString);
        assertEquals(5, guard.metrics("p").calls());
        assertEquals(0, guard.metrics("p").failures());
    }

    @Test
    void aCallThatThrowsFailsAloneAndIsCounted() {
        List<Guard.Outcome<Integer>> out = guard.callEach(target, List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new IllegalStateException("no rating for two");
            }
            return i * 10;
        });
        assertEquals(10, out.get(0).value());
        assertTrue(out.get(1).failure().contains("no rating for two"), out.get(1)::toString);
        assertNull(out.get(1).value());
        assertEquals(30, out.get(2).value());
        assertEquals(3, guard.metrics("p").calls());
        assertEquals(1, guard.metrics("p").failures());
    }

    @Test
    void aCallOverItsTimeLimitIsAbandonedAndTheRestGoOnAnotherThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        List<Guard.Outcome<Integer>> out = guard.callEach(target, List.of(1, 2, 3, 4), i -> {
            threads.add(Thread.currentThread().getName());
            if (i == 2) {
                hangIgnoringInterrupts(8_000);
            }
            // each call well within its own limit (a margin for a loaded machine), the batch together over it
            Thread.sleep(400);
            return i;
        });
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(1, out.get(0).value());
        assertTrue(out.get(1).failure().startsWith("did not answer within 1000 ms"), out.get(1)::toString);
        assertEquals(3, out.get(2).value());
        assertEquals(4, out.get(3).value());
        assertEquals(2, threads.size(), "the hanging call keeps its thread: " + threads);
        assertEquals(1, guard.metrics("p").timeouts());
        assertEquals(1, guard.metrics("p").failures());
        assertTrue(millis < 6_000, "the hanging call was not waited for: " + millis + " ms");
    }

    @Test
    void failuresQuarantineTheExtensionForTheTenantAndLaterBatchesAreSkipped() {
        List<Guard.Outcome<Integer>> out = guard.callEach(target, List.of(1, 2, 3, 4), i -> {
            throw new IllegalArgumentException("broken");
        });
        assertTrue(out.stream().noneMatch(Guard.Outcome::ok));
        assertEquals(1, quarantines.size(), quarantines::toString);
        assertTrue(quarantines.get(0).startsWith("t1 p/e: 3 consecutive failures"), quarantines::toString);
        assertTrue(guard.isQuarantined("t1", "p", "e"));

        List<Guard.Outcome<Integer>> later = guard.callEach(target, IntStream.range(0, 3).boxed().toList(), i -> i);
        assertTrue(later.stream().allMatch(Guard.Outcome::skipped), later::toString);
        assertEquals(3, guard.metrics("p").skipped());
        // Another tenant's use of the same extension is not affected.
        List<Guard.Outcome<Integer>> other = guard.callEach(new Guard.Target("t2", "p", "e", loader), List.of(7), i -> i);
        assertEquals(7, other.get(0).value());
    }

    /** A plugin stuck for good: it does not give up when interrupted. */
    private static void hangIgnoringInterrupts(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // ignored, as a stuck plugin would
            }
        }
    }
}
