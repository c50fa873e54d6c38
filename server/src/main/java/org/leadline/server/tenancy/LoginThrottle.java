package org.leadline.server.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Slows down password guessing with growing delays, without letting a guesser lock anybody else
 * out. Three counters of failed sign-ins in a row, each delaying only what it counts:
 * <ul>
 *   <li><b>an account at a client address</b>: after {@code leadline.auth.login.max-failures}
 *       failures that address waits {@code leadline.auth.login.lockout} before it may try that
 *       account again, every further delay twice as long (up to 32 times). The account's owner at
 *       another address is not delayed.</li>
 *   <li><b>a client address</b>, over all accounts: after {@value #PER_ADDRESS_FACTOR} times as
 *       many failures the address waits likewise (one address trying many accounts). A success
 *       from the address starts its count again.</li>
 *   <li><b>an account</b>, over all addresses: after {@value #PER_ACCOUNT_FACTOR} times as many
 *       failures (guessing from many addresses) the account is delayed, but only for addresses it
 *       has not signed in from in the last {@value #KNOWN_ADDRESS_DAYS} days, so its owner at home
 *       still gets in.</li>
 * </ul>
 * While delayed, sign-in answers 429 with {@code Retry-After} without looking at the password, so
 * guessing gains nothing. Unknown usernames are counted like known ones, so a delay reveals nothing
 * about which accounts exist.
 *
 * <p>The counters live in the database (table {@code sign_in_throttle}), so they hold across the
 * nodes of a cluster and across restarts. Behind a reverse proxy the client address is the proxy's:
 * see docs/configuration.md. Rows that have been quiet for a day (known addresses: for their
 * {@value #KNOWN_ADDRESS_DAYS} days) are swept away.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginThrottle {

    static final int PER_ADDRESS_FACTOR = 10;
    static final int PER_ACCOUNT_FACTOR = 4;
    static final int KNOWN_ADDRESS_DAYS = 30;
    static final int MAX_DOUBLINGS = 5;
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int SWEEP_EVERY = 200;
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @PersistenceContext(unitName = "leadline")
    EntityManager em;

    private final Clock clock;
    private final int maxFailures;
    private final Duration delay;
    private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);

    public LoginThrottle() {
        this(Clock.systemUTC(), Settings.loginMaxFailures(), Settings.loginLockout());
    }

    LoginThrottle(Clock clock, int maxFailures, Duration delay) {
        this.clock = clock;
        this.maxFailures = Math.max(1, maxFailures);
        this.delay = delay;
    }

    /** The keys one sign-in attempt is counted under. */
    record Keys(String pair, String address, String account, String known) {

        /**
         * @param account the account as the attempt named it: its tenant's slug (empty for a platform
         *                administrator) and the username, e.g. {@code acme/anna}
         * @param address the client's address
         */
        static Keys of(String account, String address) {
            String a = address == null || address.isBlank() ? "unknown" : address;
            return new Keys("pair|" + account + "|" + a, "addr|" + a, "acct|" + account, "ok|" + account + "|" + a);
        }

        List<String> all() {
            return List.of(pair, address, account, known);
        }
    }

    /** Throws a 429 problem while {@code account} is delayed for a client at {@code address}. */
    public void checkAllowed(String account, String address) {
        Keys keys = Keys.of(account, address);
        Map<String, SignInRecord> rows = new HashMap<>();
        em.createQuery("SELECT r FROM SignInRecord r WHERE r.key IN :keys", SignInRecord.class)
                .setParameter("keys", keys.all()).getResultList().forEach(r -> rows.put(r.key(), r));
        Instant now = clock.instant();
        Instant until = delayedUntil(keys, rows, now);
        if (until != null) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
            throw new ProblemException(ProblemType.RATE_LIMITED,
                    "Too many failed sign-ins; try again in " + seconds + " s",
                    List.of(), Map.of("retryAfterSeconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Until when an attempt is delayed, or {@code null} when it may go ahead. */
    static Instant delayedUntil(Keys keys, Map<String, SignInRecord> rows, Instant now) {
        Instant until = null;
        for (String key : List.of(keys.pair(), keys.address(), keys.account())) {
            SignInRecord r = rows.get(key);
            if (r == null || r.delayedUntil() == null || !now.isBefore(r.delayedUntil())) {
                continue;
            }
            if (key.equals(keys.account()) && known(rows.get(keys.known()), now)) {
                continue;
            }
            until = until == null || r.delayedUntil().isAfter(until) ? r.delayedUntil() : until;
        }
        return until;
    }

    private static boolean known(SignInRecord r, Instant now) {
        return r != null && r.lastAt().plus(Duration.ofDays(KNOWN_ADDRESS_DAYS)).isAfter(now);
    }

    /** Counts a failed sign-in of {@code account} from {@code address}. */
    public void failed(String account, String address) {
        Keys keys = Keys.of(account, address);
        Instant now = clock.instant();
        row(keys.pair(), now).fail(now, maxFailures, delay, MAX_DOUBLINGS);
        row(keys.address(), now).fail(now, maxFailures * PER_ADDRESS_FACTOR, delay, MAX_DOUBLINGS);
        row(keys.account(), now).fail(now, maxFailures * PER_ACCOUNT_FACTOR, delay, MAX_DOUBLINGS);
        if (untilSweep.decrementAndGet() <= 0) {
            untilSweep.set(SWEEP_EVERY);
            sweep(now);
        }
    }

    /** A successful sign-in: its counters start again, and the address is known to the account. */
    public void succeeded(String account, String address) {
        Keys keys = Keys.of(account, address);
        Instant now = clock.instant();
        em.createQuery("DELETE FROM SignInRecord r WHERE r.key IN :keys")
                .setParameter("keys", List.of(keys.pair(), keys.address(), keys.account())).executeUpdate();
        row(keys.known(), now).seen(now);
    }

    private SignInRecord row(String key, Instant now) {
        SignInRecord r = em.find(SignInRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            r = new SignInRecord(key, now);
            em.persist(r);
        }
        return r;
    }

    private void sweep(Instant now) {
        try {
            em.createQuery("DELETE FROM SignInRecord r WHERE r.lastAt < :quiet AND r.key NOT LIKE 'ok|%'")
                    .setParameter("quiet", now.minus(FORGET_AFTER)).executeUpdate();
            em.createQuery("DELETE FROM SignInRecord r WHERE r.lastAt < :old AND r.key LIKE 'ok|%'")
                    .setParameter("old", now.minus(Duration.ofDays(KNOWN_ADDRESS_DAYS))).executeUpdate();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Sweeping the sign-in throttle failed; next time", e);
        }
    }
}
