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
     * Records "off" for the extensions an upgrade of a plugin brought, in every tenant that has made no
     * choice about them: what an upgrade brings must not start working for a tenant that never chose
     * it, even when the plugin is one of the tenants' defaults. A tenant created later gets the
     * defaults. Where the new extension declares itself default-on and the tenant uses the plugin (has
     * one of the extensions it kept enabled, by its own choice or by default), the row awaits the
     * platform administrator's confirmation ({@link #confirmDefaultOn}).
     *
     * @param added      the extensions new in this version
     * @param defaultOn  those of them that declare themselves default-on
     * @param kept       the extensions the previous version had too
     * @param defaultPlugin whether a tenant without a choice has the plugin's extensions on
     * @return how many tenants got such a choice
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int holdNewExtensions(String pluginId, java.util.Collection<String> added, java.util.Set<String> defaultOn,
                                 java.util.Set<String> kept, boolean defaultPlugin) {
        if (added.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (String tenantId : tenantIds()) {
            EntityManager em = TenantPersistence.open(emf, tenantId);
            try {
                em.joinTransaction();
                Map<String, TenantExtension> rows = new HashMap<>();
                for (TenantExtension t : em.createQuery("SELECT t FROM TenantExtension t WHERE t.pluginId = :p",
                        TenantExtension.class).setParameter("p", pluginId).getResultList()) {
                    rows.put(t.extensionId(), t);
                }
                boolean uses = kept.stream().anyMatch(k -> rows.containsKey(k) ? rows.get(k).enabled() : defaultPlugin);
                boolean any = false;
                for (String extensionId : added) {
                    if (!rows.containsKey(extensionId)) {
                        TenantExtension row = new TenantExtension(pluginId, extensionId, false);
                        if (uses && defaultOn.contains(extensionId)) {
                            row.awaitDefaultOn();
                        }
                        em.persist(row);
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

    /** What confirming an extension's default-on did. */
    public record Confirmed(int enabled, int missingSettings) {
    }

    /**
     * Switches the extension on for every tenant whose row awaits the confirmation of its default-on;
     * a tenant that lacks a required setting without a default keeps it off (and is counted). Other
     * tenants keep what they have.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Confirmed confirmDefaultOn(String pluginId, String extensionId, List<org.leadline.plugin.api.Setting> settings) {
        List<String> tenants;
        EntityManager all = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object> ids = all.createNativeQuery("SELECT tenant_id FROM tenant_extensions WHERE plugin_id = ?"
                            + " AND extension_id = ? AND awaiting_default_on = ?")
                    // Deliberately across tenants: the confirmation is the platform's decision.
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .setParameter(1, pluginId).setParameter(2, extensionId).setParameter(3, Boolean.TRUE).getResultList();
            tenants = ids.stream().map(String::valueOf).toList();
        } finally {
            all.close();
        }
        int enabled = 0;
        int missing = 0;
        for (String tenantId : tenants) {
            EntityManager em = TenantPersistence.open(emf, tenantId);
            try {
                em.joinTransaction();
                TenantExtension row = row(em, pluginId, extensionId, false);
                if (!row.awaitingDefaultOn()) {
                    continue; // the tenant decided meanwhile
                }
                boolean complete = ExtensionSettings.missingRequired(settings, ExtensionSettings.parse(row.settings())).isEmpty();
                row.endWait(complete);
                if (complete) {
                    enabled++;
                } else {
                    missing++;
                }
                em.flush();
                invalidateAfterTransaction(tenantId);
            } finally {
                em.close();
            }
        }
        return new Confirmed(enabled, missing);
    }

    /** The extensions whose default-on awaits the platform administrator's confirmation, by plugin id. */
    public Map<String, List<String>> awaitingDefaultOn() {
        EntityManager em = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT plugin_id, extension_id FROM tenant_extensions"
                            + " WHERE awaiting_default_on = ?")
                    // Deliberately across tenants: what waits is the platform administrator's to see.
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .setParameter(1, Boolean.TRUE).getResultList();
            Map<String, List<String>> out = new HashMap<>();
            for (Object[] r : rows) {
                out.computeIfAbsent(String.valueOf(r[0]), k -> new java.util.ArrayList<>()).add(String.valueOf(r[1]));
            }
            out.values().forEach(java.util.Collections::sort);
            return out;
        } finally {
            em.close();
        }
    }

    private List<String> tenantIds() {
        EntityManager all = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object> ids = all.createNativeQuery("SELECT id FROM tenants")
                    // Deliberately across tenants: an upgrade is the platform's change.
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true).getResultList();
            return ids.stream().map(String::valueOf).toList();
        } finally {
            all.close();
        }
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
