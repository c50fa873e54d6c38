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

    /** A token's last use is recorded at most this often, so reads do not turn into writes. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "leadline")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    /** This bean through its proxy, so that the transaction of {@link #touch} applies. */
    @Inject
    Credentials self;

    /** A freshly issued token: the only moment its secret is known. */
    public record Issued(AccessToken token, String secret) {
    }

    public Issued login(String username, String password) {
        throttle.checkAllowed(username);
        UserAccount user = findUser(username).orElse(null);
        if (user == null) {
            // Spend the same time as a real check, so response times do not reveal usernames.
            passwords.matches(password, DUMMY_HASH.get(passwords));
            throttle.failed(username);
            throw invalidLogin();
        }
        if (!passwords.matches(password, user.passwordHash()) || !user.isActive() || !tenantActive(user)) {
            throttle.failed(username);
            throw invalidLogin();
        }
        throttle.succeeded(username);
        return issue(user, AccessToken.Kind.SESSION, "session",
                Timestamps.now().plus(Settings.sessionTtl()), user.id());
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
     * Runs on every request, so without a transaction of its own: one query, and a write only when
     * the token's last use is to be recorded.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Secrets.TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        // One statement for the token, its user and the state of the user's tenant: this runs on
        // every request. A disabled tenant's users find no row.
        List<Object[]> found = em.createQuery(
                        "SELECT t, u FROM AccessToken t, UserAccount u WHERE t.tokenHash = :h AND u.id = t.userId"
                                + " AND (u.tenantId IS NULL OR EXISTS (SELECT tn.id FROM Tenant tn"
                                + " WHERE tn.id = u.tenantId AND tn.status = :active))", Object[].class)
                .setParameter("h", Secrets.sha256(secret))
                .setParameter("active", Tenant.Status.ACTIVE)
                .getResultList();
        Instant now = Timestamps.now();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = (AccessToken) found.get(0)[0];
        UserAccount user = (UserAccount) found.get(0)[1];
        if (!token.isUsableAt(now) || !user.isActive()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            self.touch(token.id(), now);
        }
        return Optional.of(new Caller(user.id(), user.username(), user.tenantId(), user.roles(),
                token.id(), token.kind()));
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
        }
    }

    /** Revokes every token of a user, e.g. when the user is disabled. */
    public void revokeAllOf(String userId) {
        em.createQuery("SELECT t FROM AccessToken t WHERE t.userId = :u AND t.revokedAt IS NULL", AccessToken.class)
                .setParameter("u", userId)
                .getResultList()
                .forEach(AccessToken::revoke);
    }

    public Optional<UserAccount> findUser(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n", UserAccount.class)
                .setParameter("n", username.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultList().stream().findFirst();
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
