package org.leadline.server.qualification;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.StatementCount;

/**
 * Runs re-rating jobs on the managed executor, one batch per transaction. There is no request in
 * a job: the tenant travels with the job. At start-up, jobs left running by a stopped server go on
 * from their saved position.
 */
@ApplicationScoped
public class Rerating {

    /** Leads rated per transaction. */
    public static final String BATCH_SIZE = "leadline.qualification.rerate.batch-size";
    /** A pause between batches, to leave the database to interactive users on a busy server. */
    public static final String BATCH_PAUSE_MS = "leadline.qualification.rerate.batch-pause-ms";

    private static final Logger LOG = Logger.getLogger(Rerating.class.getName());

    @Resource
    ManagedExecutorService executor;

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    RerateSteps steps;

    void resume(@Observes Startup.Ready ready) {
        EntityManager em = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> running = em.createNativeQuery(
                    "SELECT id, tenant_id FROM rerating_jobs WHERE state = 'RUNNING' ORDER BY created_at")
                    // Deliberately across tenants: each job then runs bound to its own tenant.
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .getResultList();
            for (Object[] row : running) {
                LOG.info("Resuming re-rating job " + row[0] + " of tenant " + row[1]);
                start((String) row[1], (String) row[0]);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot resume re-rating jobs", e);
        } finally {
            em.close();
        }
    }

    /** Re-rates all of the tenant's leads with its current rules, e.g. after an import wrote leads in bulk. */
    public String rerateTenant(String tenantId) {
        String jobId = steps.begin(tenantId);
        start(tenantId, jobId);
        return jobId;
    }

    /** Starts (or resumes) a job; call after the transaction that created it committed. */
    public void start(String tenantId, String jobId) {
        executor.execute(() -> run(tenantId, jobId));
    }

    private void run(String tenantId, String jobId) {
        int batch = Settings.get(BATCH_SIZE).map(Integer::parseInt).orElse(500);
        long pause = Settings.get(BATCH_PAUSE_MS).map(Long::parseLong).orElse(0L);
        try {
            while (true) {
                RerateSteps.Step step;
                try {
                    StatementCount.reset();
                    step = steps.batch(tenantId, jobId, batch);
                    if (StatementCount.enabled() && step.rated() > 0) {
                        // logged, so the test suite sees that a batch's statements do not grow with its leads
                        int statements = StatementCount.current();
                        int rated = step.rated();
                        LOG.info(() -> "Re-rating batch of " + rated + " leads took " + statements + " statements");
                    }
                } catch (RuntimeException e) {
                    // One lead that cannot be rated (e.g. changed concurrently) must not hold up the others.
                    LOG.log(Level.FINE, "Re-rating batch failed; rating its leads one by one", e);
                    step = steps.oneByOne(tenantId, jobId, batch);
                }
                if (!step.more()) {
                    return;
                }
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-rating job " + jobId + " of tenant " + tenantId + " stopped; it resumes at the next start", e);
        }
    }
}
