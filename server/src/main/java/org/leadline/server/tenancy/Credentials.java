package org.leadline.server.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/** Signing in, and issuing, checking and revoking bearer tokens. */
@ApplicationScoped
@Transactional
public class Credentials {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Credentials.class.getName());

    /** A token's last use is recorded at most this often, so reads do not turn into writes. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "leadline")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    CallerCache cache;

    @Inject
    CredentialChanges changes;

    /** This bean through its proxy, so that the transaction of {@link #touch} applies. */
    @Inject
    Credentials self;

    /** A freshly issued token: the only moment its secret is known. */
    public record Issued(AccessToken token, String secret) {
    }

    /**
     * Signs in. Usernames are unique per tenant: {@code tenant} (a slug) names the user's tenant;
     * without it the username is a platform administrator's or, failing that, a user's of the
     * default tenant ({@link Settings#defaultTenant()}), so a single-tenant installation needs no
     * tenant. Every failure gives one answer, whatever failed.
     *
     * @param address the client's address, for the throttle
     */
    public Issued login(String tenant, String username, String password, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        boolean named = tenant != null && !tenant.isBlank();
        String slug = named ? tenant.strip().toLowerCase(java.util.Locale.ROOT) : null;
        UserAccount user = null;
        if (!named) {
            user = platformAdministrator(name).orElse(null);
            slug = user != null ? "" : Settings.defaultTenant();
        }
        if (user == null) {
            user = findUser(slug, name).orElse(null);
        }
        String account = slug + "/" + name;
        throttle.checkAllowed(account, address);
        if (user == null) {
            // Spend the same time as a real check, so response times do not reveal usernames.
            passwords.matches(password, DUMMY_HASH.get(passwords));
            countFailure(account, address);
            throw invalidLogin();
        }
        if (!passwords.matches(password, user.passwordHash()) || !user.isActive() || !tenantActive(user)) {
            countFailure(account, address);
            throw invalidLogin();
        }
        try {
            throttle.succeeded(account, address);
        } catch (RuntimeException e) {
            // Two sign-ins from one address at once record it twice; one wins, both are signed in.
            LOG.log(java.util.logging.Level.FINE, "Recording a sign-in for the throttle failed", e);
        }
        return issue(user, AccessToken.Kind.SESSION, "session",
                Timestamps.now().plus(Settings.sessionTtl()), user.id());
    }

    /** Counts a failure; concurrent first failures of one key race to create its row, so once more. */
    private void countFailure(String account, String address) {
        try {
            throttle.failed(account, address);
        } catch (RuntimeException first) {
            try {
                throttle.failed(account, address);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "Counting a failed sign-in failed", e);
            }
        }
    }

    private static ProblemException invalidLogin() {
        return new ProblemException(ProblemType.UNAUTHENTICATED,
                "Unknown username, wrong password, or the account is disabled");
    }

    public Issued issue(UserAccount user, AccessToken.Kind kind, String name, Instant expiresAt, String createdBy) {
        String secret = Secrets.newToken();
        AccessToken token = new AccessToken(user, kind, name, Secrets.sha256(secret), expiresAt, createdBy);
        em.persist(token);
        return new Issued(token, secret);
    }

    /**
     * The caller a bearer token stands for, if the token, its user and its tenant are all usable.
     * Runs on every request, so without a transaction of its own: a copy this node keeps
     * ({@link CallerCache}) or one query, and a write only when the token's last use is to be
     * recorded.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Secrets.TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(secret);
        Instant now = Timestamps.now();
        CallerCache.Entry kept = cache.find(hash);
        if (kept != null) {
            if (!now.isBefore(kept.expiresAt)) {
                return Optional.empty();
            }
            touchIfDue(kept, now);
            return Optional.of(kept.caller);
        }
        long generation = cache.generation();
        // One statement for the token, its user and the state of the user's tenant. A disabled
        // tenant's users find no row.
        List<Object[]> found = em.createQuery(
                        "SELECT t, u FROM AccessToken t, UserAccount u WHERE t.tokenHash = :h AND u.id = t.userId"
                                + " AND (u.tenantId IS NULL OR EXISTS (SELECT tn.id FROM Tenant tn"
                                + " WHERE tn.id = u.tenantId AND tn.status = :active))", Object[].class)
                .setParameter("h", hash)
                .setParameter("active", Tenant.Status.ACTIVE)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = (AccessToken) found.get(0)[0];
        UserAccount user = (UserAccount) found.get(0)[1];
        if (!token.isUsableAt(now) || !user.isActive()) {
            return Optional.empty();
        }
        Caller caller = new Caller(user.id(), user.username(), user.tenantId(), user.roles(), token.id(), token.kind());
        CallerCache.Entry entry = new CallerCache.Entry(caller, token.expiresAt(), token.lastUsedAt());
        touchIfDue(entry, now);
        cache.keep(generation, hash, entry);
        return Optional.of(caller);
    }

    private void touchIfDue(CallerCache.Entry entry, Instant now) {
        Instant last = entry.lastUsedAt;
        if (last == null || last.plus(TOUCH_INTERVAL).isBefore(now)) {
            entry.lastUsedAt = now;
            self.touch(entry.caller.tokenId(), now);
        }
    }

    /** Records a token's last use (at most once per {@link #TOUCH_INTERVAL}, by the caller's check). */
    public void touch(String tokenId, Instant now) {
        AccessToken token = em.find(AccessToken.class, tokenId);
        if (token != null) {
            token.touch(now);
        }
    }

    public void revoke(String tokenId) {
        AccessToken token = em.find(AccessToken.class, tokenId);
        if (token != null) {
            token.revoke();
            changes.tokenChanged(tokenId);
        }
    }

    /** Revokes every token of a user, e.g. when the user is disabled. */
    public void revokeAllOf(String userId) {
        em.createQuery("SELECT t FROM AccessToken t WHERE t.userId = :u AND t.revokedAt IS NULL", AccessToken.class)
                .setParameter("u", userId)
                .getResultList()
                .forEach(AccessToken::revoke);
        changes.userChanged(userId);
    }

    /** Revokes every session and API token of a tenant's users, e.g. when the tenant is disabled. */
    public void revokeAllOfTenant(String tenantId) {
        em.createQuery("UPDATE AccessToken t SET t.revokedAt = :now WHERE t.tenantId = :t AND t.revokedAt IS NULL")
                .setParameter("now", Timestamps.now())
                .setParameter("t", tenantId)
                .executeUpdate();
        changes.tenantChanged(tenantId);
    }

    /** The user named {@code username} in the tenant with the slug {@code tenantSlug}. */
    public Optional<UserAccount> findUser(String tenantSlug, String username) {
        if (username == null || tenantSlug == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM UserAccount u, Tenant t WHERE u.username = :n AND u.tenantId = t.id"
                        + " AND t.slug = :s", UserAccount.class)
                .setParameter("n", username.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("s", tenantSlug.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    /** The user named {@code username} in the tenant with the id {@code tenantId}; platform administrators for null. */
    public Optional<UserAccount> findUserInTenant(String tenantId, String username) {
        if (tenantId == null) {
            return platformAdministrator(username);
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n AND u.tenantId = :t", UserAccount.class)
                .setParameter("n", username.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("t", tenantId)
                .getResultList().stream().findFirst();
    }

    public Optional<UserAccount> platformAdministrator(String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n AND u.tenantId IS NULL", UserAccount.class)
                .setParameter("n", username.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    public Optional<UserAccount> user(String id) {
        return Optional.ofNullable(id == null ? null : em.find(UserAccount.class, id));
    }

    private boolean tenantActive(UserAccount user) {
        if (user.tenantId() == null) {
            return true;
        }
        Tenant tenant = em.find(Tenant.class, user.tenantId());
        return tenant != null && tenant.isActive();
    }

    /** A hash of a random password, computed once, to compare unknown usernames against. */
    private static final class DUMMY_HASH {
        private static volatile String value;

        static String get(Passwords passwords) {
            if (value == null) {
                value = passwords.hash(Secrets.newPassword());
            }
            return value;
        }
    }
}
