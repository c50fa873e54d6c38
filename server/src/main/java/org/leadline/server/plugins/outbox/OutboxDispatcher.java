package org.leadline.server.plugins.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * Delivers the outbox: claims due entries with a lease ({@link #LEASE}, default 2 minutes; a node that stops releases its leases, one that dies
 * leaves them to run out), hands
 * each to its extension through the plugin host's guard, removes what was delivered and schedules
 * what failed again, waiting twice as long after each failed attempt (from {@link #RETRY_BASE},
 * default 5 s, up to {@link #RETRY_MAX}, default 1 h) until {@link #MAX_ATTEMPTS} (default 12)
 * attempts have failed; the entry is then FAILED, shown to the tenant's administrators and kept
 * until they retry it. It runs every {@link #TICK} (default 1 s) and at once after a change added
 * entries on this node. Every node of an installation runs it; the leases keep them from delivering
 * the same entry twice while a lease lasts (delivery is at least once: a node that dies after the
 * extension took an entry but before removing it leaves the entry to be delivered again).
 */
@ApplicationScoped
public class OutboxDispatcher {

    public static final String TICK = "leadline.deliveries.tick";
    public static final String LEASE = "leadline.deliveries.lease";
    public static final String RETRY_BASE = "leadline.deliveries.retry-base";
    public static final String RETRY_MAX = "leadline.deliveries.retry-max";
    public static final String MAX_ATTEMPTS = "leadline.deliveries.max-attempts";
    public static final String PARALLEL = "leadline.deliveries.parallel";

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 100;

    @Inject
    OutboxStore store;

    @Inject
    OutboxDelivery delivery;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService workers;

    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean ready;
    private volatile boolean stopped;

    void onReady(@Observes Startup.Ready ready) {
        this.ready = true;
        long millis = Math.max(50, duration(TICK, Duration.ofSeconds(1)).toMillis());
        scheduler.scheduleWithFixedDelay(this::drain, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Lets other nodes (or this one, restarted) claim at once what this node still holds. */
    @PreDestroy
    void stop() {
        stopped = true;
        try {
            store.release(owner);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The outbox entries this node held are claimed again once their lease runs out", e);
        }
    }

    /** Entries were added on this node: deliver them now rather than at the next tick. */
    public void wake() {
        if (!ready || stopped) {
            return;
        }
        again.set(true);
        if (!running.get()) {
            try {
                scheduler.execute(this::drain);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The outbox is delivered at the next tick", e);
            }
        }
    }

    /** Entries delivered and failed attempts on this node since it started. */
    public long[] counts() {
        return new long[] {delivered.get(), failures.get()};
    }

    /** Delivers what is due until nothing is; one drain at a time on this node. Never throws. */
    void drain() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                again.set(false);
                while (!stopped && round() == BATCH) {
                    // a full batch: there may be more
                }
            } while (again.get() && !stopped);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering the plugin outbox failed; it is tried again at the next tick", e);
        } finally {
            running.set(false);
        }
    }

    /** Claims one batch and delivers it, entries in parallel (each is the only due one of its lead). */
    private int round() {
        Instant now = Timestamps.now();
        List<OutboxStore.Claimed> claimed = store.claim(owner, now, now.plus(duration(LEASE, Duration.ofMinutes(2))), BATCH);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        List<OutboxStore.Attempt> failed = Collections.synchronizedList(new ArrayList<>());
        List<String> notRunning = Collections.synchronizedList(new ArrayList<>());
        int parallel = Math.max(1, Settings.config().getOptionalValue(PARALLEL, Integer.class).orElse(8));
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (OutboxStore.Claimed c : claimed) {
            Runnable task = () -> {
                OutboxDelivery.Handover h = deliver(c.entry());
                switch (h.result()) {
                    case DELIVERED, NOT_ENABLED -> done.add(c.entry().id());
                    case NOT_RUNNING -> notRunning.add(c.entry().id());
                    case FAILED -> failed.add(attempt(c, h.failure()));
                }
            };
            if (parallel == 1 || claimed.size() == 1) {
                task.run();
            } else {
                inFlight.add(CompletableFuture.runAsync(task, workers));
                if (inFlight.size() >= parallel) {
                    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
                    inFlight.clear();
                }
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        store.remove(owner, done);
        store.failed(owner, failed);
        store.postpone(owner, notRunning, Timestamps.now().plus(duration(RETRY_BASE, Duration.ofSeconds(5))),
                "the plugin is not running");
        delivered.addAndGet(done.size());
        failures.addAndGet(failed.size());
        return claimed.size();
    }

    private OutboxDelivery.Handover deliver(OutboxEntry e) {
        try {
            return delivery.deliver(e);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Outbox entry " + e.id() + " for " + e.to() + " cannot be delivered", ex);
            return new OutboxDelivery.Handover(OutboxDelivery.Handed.FAILED, "could not be delivered: " + ex.getMessage());
        }
    }

    private OutboxStore.Attempt attempt(OutboxStore.Claimed c, String failure) {
        int attempts = c.attempts() + 1;
        Instant now = Timestamps.now();
        int max = Math.max(1, Settings.config().getOptionalValue(MAX_ATTEMPTS, Integer.class).orElse(12));
        if (attempts >= max) {
            LOG.warning(() -> "Giving up telling " + c.entry().to().pluginId() + "/" + c.entry().to().extensionId()
                    + " of " + c.entry().eventKind() + " of lead " + c.entry().leadId() + " after " + attempts
                    + " attempts: " + failure);
            return new OutboxStore.Attempt(c.entry().id(), attempts, now, null, failure);
        }
        return new OutboxStore.Attempt(c.entry().id(), attempts, now, now.plus(backoff(attempts)), failure);
    }

    /** The wait after the {@code attempts}-th failed attempt: the base, doubled after each, at most the maximum. */
    static Duration backoff(int attempts) {
        Duration base = duration(RETRY_BASE, Duration.ofSeconds(5));
        Duration max = duration(RETRY_MAX, Duration.ofHours(1));
        Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    private static Duration duration(String key, Duration fallback) {
        return Settings.get(key).map(Duration::parse).orElse(fallback);
    }
}
