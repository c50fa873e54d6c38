package org.leadline.server.plugins;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.leadline.server.platform.Settings;
import org.leadline.server.tenancy.TenantEntityManagers;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Each tenant's choices about extensions, cached in memory (secret settings opened, see
 * {@link SecretSettings}): the lead request path asks on every
 * event whether a tenant has an extension enabled, and must not pay a query for it. The cache of a
 * tenant is dropped when a transaction of this node that changed its choices completes, and read
 * again after {@code leadline.plugins.choices-ttl}, so another node's change is seen within that time.
 */
@ApplicationScoped
public class TenantExtensions {

    /** A tenant's stored choice about one extension, with its row's version. */
    public record Choice(boolean enabled, JsonObject settings, Instant quarantinedAt, String quarantineReason,
                         long version) {
    }

    /** The choices of a tenant as one node read them, and when. */
    private record Loaded(Map<String, Choice> choices, long loadedAt) {
    }

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    SecretSettings secrets;

    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    /** Read once: the choices are asked for on every lead event, the setting does not change while running. */
    private final long ttlNanos = Settings.extensionChoicesTtl().toNanos();

    /**
     * The tenant's choices by {@code pluginId/extensionId}; extensions without a row are absent. A
     * change made on this node is seen at once; one made on another node sharing the database within
     * {@code leadline.plugins.choices-ttl}, when this node reads the choices again.
     */
    public Map<String, Choice> choices(String tenantId) {
        Loaded c = cache.get(tenantId);
        long now = System.nanoTime();
        if (c != null && now - c.loadedAt() < ttlNanos) {
            return c.choices();
        }
        Map<String, Choice> loaded = new HashMap<>();
        // Inside a request of the tenant, read on the request's own connection: a second connection
        // per request let a burst of creates right after a start take every pooled connection and
        // then wait for one more, each holding its own.
        EntityManager request = entityManagers.ofRequest(tenantId);
        EntityManager em = request != null ? request : TenantPersistence.open(emf, tenantId);
        try {
            for (TenantExtension t : em.createQuery("SELECT t FROM TenantExtension t", TenantExtension.class)
                    .setFlushMode(FlushModeType.COMMIT).getResultList()) {
                // Secret values are opened here, once per read of the tenant's choices, not per plugin call.
                JsonObject settings = secrets.open(tenantId, t.pluginId(), t.extensionId(),
                        ExtensionSettings.parse(t.settings()));
                loaded.put(t.pluginId() + "/" + t.extensionId(), new Choice(t.enabled(), settings, t.quarantinedAt(),
                        t.quarantineReason(), t.version()));
            }
        } finally {
            if (request == null) {
                em.close();
            }
        }
        Map<String, Choice> result = Map.copyOf(loaded);
        cache.put(tenantId, new Loaded(result, now));
        return result;
    }

    /** The row of one extension in the current transaction, created if missing. */
    TenantExtension row(EntityManager em, String pluginId, String extensionId, boolean enabledIfNew) {
        List<TenantExtension> rows = em.createQuery(
                        "SELECT t FROM TenantExtension t WHERE t.pluginId = :p AND t.extensionId = :e", TenantExtension.class)
                .setParameter("p", pluginId).setParameter("e", extensionId).getResultList();
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        TenantExtension t = new TenantExtension(pluginId, extensionId, enabledIfNew);
        em.persist(t);
        return t;
    }

    /** Forget the tenant's cached choices once the current transaction is over (at once without one). */
    void invalidateAfterTransaction(String tenantId) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.remove(tenantId);
                }
            });
        }
        cache.remove(tenantId);
    }

    /** Records a quarantine the guard decided, in its own transaction: the call that failed may be in one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordQuarantine(String tenantId, String pluginId, String extensionId, String reason) {
        EntityManager em = TenantPersistence.open(emf, tenantId);
        try {
            em.joinTransaction();
            row(em, pluginId, extensionId, true).quarantine(reason);
            em.flush();
        } finally {
            em.close();
        }
        invalidateAfterTransaction(tenantId);
    }

    /**
     * Records "off" for the given extensions of a plugin in every tenant that has made no choice about
     * them: what an upgrade brings must not start working for a tenant that never chose it, even
     * when the plugin is one of the tenants' defaults. A tenant created later gets the defaults.
     *
     * @return how many tenants got such a choice
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int keepOffWhereUnchosen(String pluginId, java.util.Collection<String> extensionIds) {
        if (extensionIds.isEmpty()) {
            return 0;
        }
        List<String> tenants;
        EntityManager all = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object> ids = all.createNativeQuery("SELECT id FROM tenants")
                    // Deliberately across tenants: an upgrade is the platform's change.
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true).getResultList();
            tenants = ids.stream().map(String::valueOf).toList();
        } finally {
            all.close();
        }
        int changed = 0;
        for (String tenantId : tenants) {
            EntityManager em = TenantPersistence.open(emf, tenantId);
            try {
                em.joinTransaction();
                boolean any = false;
                for (String extensionId : extensionIds) {
                    boolean exists = !em.createQuery("SELECT t.id FROM TenantExtension t WHERE t.pluginId = :p"
                                    + " AND t.extensionId = :e", String.class)
                            .setParameter("p", pluginId).setParameter("e", extensionId).getResultList().isEmpty();
                    if (!exists) {
                        em.persist(new TenantExtension(pluginId, extensionId, false));
                        any = true;
                    }
                }
                em.flush();
                if (any) {
                    changed++;
                    invalidateAfterTransaction(tenantId);
                }
            } finally {
                em.close();
            }
        }
        return changed;
    }

    /** Every recorded quarantine, as {tenantId, pluginId, extensionId}, to restore them at start. */
    @SuppressWarnings("unchecked")
    public List<Object[]> quarantines() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createNativeQuery("SELECT tenant_id, plugin_id, extension_id FROM tenant_extensions"
                    + " WHERE quarantined_at IS NOT NULL")
                    // Deliberately across tenants: restoring every quarantine is the platform's job.
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .getResultList();
        } finally {
            em.close();
        }
    }
}
