package org.leadline.server.conversion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Removes deleted leads for good once their restore period is over. Runs at start and then at a
 * fixed interval; each lead is purged in its own transaction, bound to its tenant, so one failure
 * leaves the others to be purged.
 */
@ApplicationScoped
public class LeadPurge {

    /** How often the purge runs (ISO-8601 duration, default an hour). */
    public static final String INTERVAL = "leadline.leads.purge-interval";
    private static final Logger LOG = Logger.getLogger(LeadPurge.class.getName());
    private static final String SYSTEM_USER = "system";

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LeadPurge self;

    @Inject
    Event<LeadEvent> events;

    void onReady(@Observes Startup.Ready ready) {
        long seconds = Settings.get(INTERVAL).map(Duration::parse).orElse(Duration.ofHours(1)).toSeconds();
        scheduler.scheduleWithFixedDelay(this::purgeDue, Math.min(seconds, 60), Math.max(1, seconds), TimeUnit.SECONDS);
    }

    /** Purges every lead whose restore period is over; returns how many. */
    public int purgeDue() {
        int purged = 0;
        try {
            Instant cutoff = Timestamps.now().minus(ClosingService.restorePeriod());
            EntityManager em = emf.createEntityManager();
            List<?> due;
            try {
                due = em.createNativeQuery("SELECT tenant_id, id FROM leads WHERE deleted_at IS NOT NULL AND deleted_at < ?")
                        // Across tenants on purpose: the purge is the installation's job.
                        .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                        .setParameter(1, java.sql.Timestamp.from(cutoff))
                        .setMaxResults(1000).getResultList();
            } finally {
                em.close();
            }
            for (Object row : due) {
                Object[] r = (Object[]) row;
                try {
                    if (self.purge((String) r[0], (String) r[1], cutoff)) {
                        purged++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not purge lead " + r[1] + " of tenant " + r[0], e);
                }
            }
            if (purged > 0) {
                LOG.info("Purged " + purged + " leads deleted before " + cutoff);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The purge of deleted leads failed", e);
        }
        return purged;
    }

    @Transactional
    public boolean purge(String tenantId, String leadId, Instant cutoff) {
        EntityManager em = TenantPersistence.open(emf, tenantId);
        try {
            em.joinTransaction();
            Lead lead = em.find(Lead.class, leadId);
            if (lead == null || lead.deletedAt() == null || !lead.deletedAt().isBefore(cutoff)) {
                return false;
            }
            ClosingService.remove(em, events, tenantId, lead, SYSTEM_USER);
            return true;
        } finally {
            em.close();
        }
    }
}
