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

    /** The caller a bearer token stands for, if the token, its user and its tenant are all usable. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Secrets.TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        List<AccessToken> found = em.createQuery(
                        "SELECT t FROM AccessToken t WHERE t.tokenHash = :h", AccessToken.class)
                .setParameter("h", Secrets.sha256(secret))
                .getResultList();
        Instant now = Timestamps.now();
        if (found.isEmpty() || !found.get(0).isUsableAt(now)) {
            return Optional.empty();
        }
        AccessToken token = found.get(0);
        UserAccount user = em.find(UserAccount.class, token.userId());
        if (user == null || !user.isActive() || !tenantActive(user)) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            token.touch(now);
        }
        return Optional.of(new Caller(user.id(), user.username(), user.tenantId(), user.roles(),
                token.id(), token.kind()));
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
