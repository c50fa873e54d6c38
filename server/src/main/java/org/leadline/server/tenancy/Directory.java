package org.leadline.server.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Tenants, their users and API tokens. These records are not tenant-discriminated (signing in
 * must find a user before the tenant is known), so every method that serves a tenant takes the
 * tenant explicitly and filters by it.
 */
@ApplicationScoped
@Transactional
public class Directory {

    @PersistenceContext(unitName = "leadline")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Credentials credentials;

    @Inject
    CredentialChanges changes;

    // ---- tenants -------------------------------------------------------------------------------

    public Tenant createTenant(String slug, String name) {
        if (!em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :s", Tenant.class).setParameter("s", slug)
                .getResultList().isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "A tenant with slug '" + slug + "' exists already",
                    List.of(new org.leadline.api.problem.FieldError("slug", "is taken")));
        }
        Tenant tenant = new Tenant(slug, name);
        em.persist(tenant);
        return tenant;
    }

    public Tenant tenant(String id) {
        Tenant tenant = Ids.isValid(id) ? em.find(Tenant.class, id) : null;
        if (tenant == null) {
            throw ProblemException.notFound("Tenant " + id);
        }
        return tenant;
    }

    public List<Tenant> tenants(String afterId, int limit) {
        return em.createQuery("SELECT t FROM Tenant t WHERE t.id > :after ORDER BY t.id", Tenant.class)
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public Tenant updateTenant(String id, Long expectedVersion, String name, Tenant.Status status) {
        Tenant tenant = tenant(id);
        org.leadline.server.platform.web.Preconditions.check("Tenant " + id, tenant.version(), expectedVersion);
        if (name != null) {
            tenant.rename(name);
        }
        if (status != null && status != tenant.status()) {
            tenant.changeStatus(status);
            if (status == Tenant.Status.DISABLED) {
                // For good: re-enabling the tenant later must not bring back what was signed in
                // before. Every node forgets the callers it kept when this commits.
                credentials.revokeAllOfTenant(tenant.id());
            }
            changes.tenantChanged(tenant.id());
        }
        return tenant;
    }


    // ---- users ---------------------------------------------------------------------------------

    public UserAccount createUser(String tenantId, String username, String displayName, String email,
                                  Set<Role> roles, String password) {
        checkUsernameFree(tenantId, username);
        return persistUser(tenantId, username, displayName, email, roles,
                password == null ? null : passwords.hash(password));
    }

    /** {@link #createUser} with the password already hashed by {@link Passwords#hash} (or none). */
    public UserAccount createUserWithHash(String tenantId, String username, String displayName, String email,
                                          Set<Role> roles, String passwordHash) {
        checkUsernameFree(tenantId, username);
        return persistUser(tenantId, username, displayName, email, roles, passwordHash);
    }

    private void checkUsernameFree(String tenantId, String username) {
        // Unique within the tenant only: whether another tenant has the name is none of this one's business.
        if (credentials.findUserInTenant(tenantId, username).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "The username '" + username + "' is taken in this tenant",
                    List.of(new org.leadline.api.problem.FieldError("username", "is taken")));
        }
    }

    private UserAccount persistUser(String tenantId, String username, String displayName, String email,
                                    Set<Role> roles, String passwordHash) {
        UserAccount user = new UserAccount(tenantId, username, displayName, email, roles);
        user.setPasswordHash(passwordHash);
        em.persist(user);
        return user;
    }

    /** A user of the given tenant; users of other tenants do not exist for it. */
    public UserAccount user(String tenantId, String userId) {
        UserAccount user = Ids.isValid(userId) ? em.find(UserAccount.class, userId) : null;
        if (user == null || !tenantId.equals(user.tenantId())) {
            throw ProblemException.notFound("User " + userId);
        }
        return user;
    }

    public List<UserAccount> users(String tenantId, String afterId, int limit) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.tenantId = :t AND u.id > :after ORDER BY u.id",
                        UserAccount.class)
                .setParameter("t", tenantId)
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public UserAccount updateUser(String tenantId, String userId, Long expectedVersion, String displayName,
                                  String email, Set<Role> roles, UserAccount.Status status, String password) {
        UserAccount user = user(tenantId, userId);
        org.leadline.server.platform.web.Preconditions.check("User " + userId, user.version(), expectedVersion);
        user.update(displayName != null ? displayName : user.displayName(),
                email != null ? email : user.email(),
                roles != null ? roles : user.roles());
        if (password != null) {
            Passwords.checkPolicy("password", password, user.username(), user.displayName(), user.email());
            user.setPasswordHash(passwords.hash(password));
            credentials.revokeAllOf(user.id());
        }
        if (status != null && status != user.status()) {
            user.changeStatus(status);
            if (status == UserAccount.Status.DISABLED) {
                credentials.revokeAllOf(user.id());
            }
        }
        // the roles a kept caller carries may have changed
        changes.userChanged(user.id());
        return user;
    }

    public boolean anyUserExists() {
        return !em.createQuery("SELECT u.id FROM UserAccount u", String.class).setMaxResults(1).getResultList().isEmpty();
    }

    // ---- API tokens ----------------------------------------------------------------------------

    public Credentials.Issued createApiToken(String tenantId, String userId, String name, Instant expiresAt,
                                             String createdBy) {
        UserAccount user = user(tenantId, userId);
        if (!user.isActive()) {
            throw ProblemException.field("userId", "is a disabled user");
        }
        return credentials.issue(user, AccessToken.Kind.API, name, expiresAt, createdBy);
    }

    public List<AccessToken> apiTokens(String tenantId, String afterId, int limit) {
        return em.createQuery("SELECT t FROM AccessToken t WHERE t.tenantId = :t AND t.kind = :k AND t.id > :after"
                        + " ORDER BY t.id", AccessToken.class)
                .setParameter("t", tenantId)
                .setParameter("k", AccessToken.Kind.API)
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public AccessToken apiToken(String tenantId, String tokenId) {
        AccessToken token = Ids.isValid(tokenId) ? em.find(AccessToken.class, tokenId) : null;
        if (token == null || token.kind() != AccessToken.Kind.API || !tenantId.equals(token.tenantId())) {
            throw ProblemException.notFound("API token " + tokenId);
        }
        return token;
    }

    public AccessToken revokeApiToken(String tenantId, String tokenId) {
        AccessToken token = apiToken(tenantId, tokenId);
        token.revoke();
        changes.tokenChanged(token.id());
        return token;
    }
}
