package org.leadline.server.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Tells every node's {@link CallerCache} that a token, a user or a tenant changed in the current
 * transaction: a revoked token, a disabled user or tenant, changed roles. Each method is called
 * where the change is made, inside its transaction.
 *
 * <p>This node forgets its copies when the transaction ends (committed or not: forgetting is
 * always safe). On PostgreSQL the other nodes learn of it by {@code NOTIFY}, sent in the same
 * transaction: PostgreSQL delivers it only if the change commits, and right when it does.
 */
@ApplicationScoped
public class CredentialChanges {

    /** The PostgreSQL notification channel; a payload is a kind letter, a colon and an id. */
    static final String CHANNEL = "leadline_credentials";

    @PersistenceContext(unitName = "leadline")
    EntityManager em;

    @Inject
    PersistenceUnitResources resources;

    @Inject
    CallerCache cache;

    public void tokenChanged(String tokenId) {
        changed("k:" + tokenId);
    }

    public void userChanged(String userId) {
        changed("u:" + userId);
    }

    public void tenantChanged(String tenantId) {
        changed("t:" + tenantId);
    }

    private void changed(String change) {
        TransactionSynchronizationRegistry transactions = resources.transactions();
        boolean inTransaction = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (cache.mode() == CallerCache.Mode.NOTIFIED) {
            if (!inTransaction) {
                throw new IllegalStateException("A credential change is announced inside its transaction");
            }
            // pg_notify returns void, which is no value JDBC knows: the statement returns a boolean
            em.createNativeQuery("SELECT pg_notify(?, ?) IS NULL")
                    // the persistence unit allows native SQL only where a statement says so
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .setParameter(1, CHANNEL)
                    .setParameter(2, change)
                    .getResultList();
        }
        if (inTransaction) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    cache.apply(change);
                }
            });
        } else {
            cache.apply(change);
        }
    }
}
