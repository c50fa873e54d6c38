package org.leadline.server.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.persistence.Database;

/**
 * The callers this node has checked against the database, by the hash of their token, so that a
 * request needs no token look-up.
 *
 * <p>The database stays the truth; a copy here is only used while every change that could make
 * it wrong reaches this node:
 * <ul>
 * <li>a change of a token, a user or a tenant ({@link CredentialChanges}) forgets the copies it
 * touches when its transaction ends here, and on PostgreSQL tells the other nodes by a
 * {@code NOTIFY} sent in the same transaction, which PostgreSQL delivers when it commits;</li>
 * <li>on PostgreSQL the copies are used only while this node listens for those notifications
 * ({@link CredentialNotifications}): when the listening connection is lost or stops answering,
 * every copy is forgotten and each request is checked against the database until it is back;</li>
 * <li>on embedded Derby only this process can open the database, so the local changes are all
 * there are; a Derby network server (a URL with a host) gets no copies at all;</li>
 * <li>a copy is kept at most {@code leadline.auth.cache-ttl} (a minute by default) and never past
 * its token's expiry.</li>
 * </ul>
 * A look-up that read the database while a change was being made could store what it read after
 * the change forgot it; every forgetting therefore counts a generation, and a copy read in an
 * older generation than the current one is dropped again.
 */
@ApplicationScoped
public class CallerCache {

    private static final Logger LOG = Logger.getLogger(CallerCache.class.getName());

    /** How long the listener may stay silent before the copies are no longer trusted. */
    static final Duration LISTENER_SILENCE = Duration.ofSeconds(15);

    /** How the copies are kept correct, from the database in use. */
    enum Mode {
        /** Embedded Derby: one process, so the local changes are all changes. */
        LOCAL,
        /** PostgreSQL: other nodes' changes arrive as notifications. */
        NOTIFIED,
        /** No copies: configured off, or a database whose other users could not tell us. */
        OFF
    }

    /** A caller as checked at {@code generation}, with what its token allows. */
    public static final class Entry {
        final Caller caller;
        final Instant expiresAt;
        volatile Instant lastUsedAt;

        Entry(Caller caller, Instant expiresAt, Instant lastUsedAt) {
            this.caller = caller;
            this.expiresAt = expiresAt;
            this.lastUsedAt = lastUsedAt;
        }

        public Caller caller() {
            return caller;
        }

        public Instant expiresAt() {
            return expiresAt;
        }
    }

    private final AtomicLong generation = new AtomicLong();
    private Cache<String, Entry> entries;
    private Mode mode;
    /** On PostgreSQL: when the listener last showed it was listening ({@link System#nanoTime()}); 0 when it is not. */
    private volatile long listeningSince;
    private volatile long lastHeard;

    public CallerCache() {
        // configured from the settings once created (configure)
    }

    /** A cache kept as {@code mode} says, for the tests. */
    CallerCache(Mode mode, Duration ttl, int size) {
        this.mode = mode;
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(1, size)).expireAfterWrite(ttl).build();
    }

    @PostConstruct
    void configure() {
        Duration ttl = Settings.authCacheTtl();
        int size = Settings.authCacheSize();
        String url = Settings.dbUrl();
        if (ttl.isZero() || size == 0) {
            mode = Mode.OFF;
        } else if (Database.postgresql()) {
            mode = Mode.NOTIFIED;
        } else if (url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            mode = Mode.LOCAL;
        } else {
            mode = Mode.OFF;
        }
        entries = Caffeine.newBuilder().maximumSize(Math.max(1, size)).expireAfterWrite(ttl.isZero() ? Duration.ofSeconds(1) : ttl)
                .build();
        LOG.fine(() -> "Signed-in callers are kept: " + mode);
    }

    Mode mode() {
        return mode;
    }

    /** Whether copies may be used now. */
    boolean usable() {
        return switch (mode) {
            case LOCAL -> true;
            case OFF -> false;
            case NOTIFIED -> listeningSince != 0 && System.nanoTime() - lastHeard < LISTENER_SILENCE.toNanos();
        };
    }

    /** The copy for a token's hash, if one may be used. */
    Entry find(String tokenHash) {
        return usable() ? entries.getIfPresent(tokenHash) : null;
    }

    /** The generation to hand to {@link #keep} for a look-up that starts now. */
    long generation() {
        return generation.get();
    }

    /** Keeps what a look-up that started in {@code readIn} found, unless something was forgotten since. */
    void keep(long readIn, String tokenHash, Entry entry) {
        if (!usable()) {
            return;
        }
        entries.put(tokenHash, entry);
        if (generation.get() != readIn) {
            entries.invalidate(tokenHash);
        }
    }

    void forgetToken(String tokenId) {
        forget(e -> e.caller.tokenId().equals(tokenId));
    }

    void forgetUser(String userId) {
        forget(e -> e.caller.userId().equals(userId));
    }

    void forgetTenant(String tenantId) {
        forget(e -> tenantId.equals(e.caller.tenantId()));
    }

    void forgetAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private void forget(Predicate<Entry> which) {
        generation.incrementAndGet();
        entries.asMap().values().removeIf(which);
    }

    /** Applies a change as {@link CredentialChanges} describes it: a kind letter, a colon and an id. */
    void apply(String change) {
        if (change == null || change.length() < 3 || change.charAt(1) != ':') {
            forgetAll();
            return;
        }
        String id = change.substring(2);
        switch (change.charAt(0)) {
            case 'k' -> forgetToken(id);
            case 'u' -> forgetUser(id);
            case 't' -> forgetTenant(id);
            default -> forgetAll();
        }
    }

    /** The listener listens again: what happened while it did not is unknown, so nothing kept is trusted. */
    void listening() {
        forgetAll();
        long now = System.nanoTime();
        lastHeard = now;
        listeningSince = now;
    }

    /** The listener has shown it still listens. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** The listener has lost its connection. */
    void deaf() {
        listeningSince = 0;
        forgetAll();
    }

    long size() {
        return entries.estimatedSize();
    }
}
