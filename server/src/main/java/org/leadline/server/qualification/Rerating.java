package org.leadline.server.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
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

import org.leadline.server.lead.LeadWalk;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.Database;
import org.leadline.server.platform.persistence.StatementCount;

/**
 * Runs re-rating jobs on the managed executor: rounds of batches over consecutive runs of leads,
 * side by side, one transaction a batch, the job's position moved after each round. There is no
 * request in a job: the tenant travels with the job. At start-up, jobs left running by a stopped
 * server go on from their saved position.
 */
@ApplicationScoped
public class Rerating {

    /** Leads rated per transaction. */
    public static final String BATCH_SIZE = "leadline.qualification.rerate.batch-size";
    /**
     * Batches rated side by side, each in a transaction of its own over its own run of leads. By
     * default on PostgreSQL twice the cores, at most eight: a batch's thread waits for the database
     * about half of its time (4 and 6 batches on 2 cores rated 1.2-1.3 times as fast as 2, and a
     * million leads 1.4-1.7 times as fast as 1). On the embedded Derby one: side by side they were
     * no faster there.
     */
    public static final String WORKERS = "leadline.qualification.rerate.workers";
    /** A pause between rounds of batches, to leave the database to interactive users on a busy server. */
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
        int size = Settings.get(BATCH_SIZE).map(Integer::parseInt).orElse(500);
        int workers = Settings.get(WORKERS).map(Integer::parseInt)
                .orElse(Database.postgresql() ? Math.min(8, 2 * Runtime.getRuntime().availableProcessors()) : 1);
        long pause = Settings.get(BATCH_PAUSE_MS).map(Long::parseLong).orElse(0L);
        try {
            while (true) {
                RerateSteps.Round round = steps.round(tenantId, jobId, size, Math.max(1, workers));
                if (round.ends().isEmpty()) {
                    return;
                }
                List<FutureTask<RerateSteps.Run>> runs = new ArrayList<>(round.ends().size());
                LeadWalk.Position from = round.start();
                for (LeadWalk.Position to : round.ends()) {
                    LeadWalk.Position after = from;
                    runs.add(new FutureTask<>(() -> rate(tenantId, jobId, after, to)));
                    from = to;
                }
                for (FutureTask<RerateSteps.Run> run : runs.subList(1, runs.size())) {
                    try {
                        executor.execute(run);
                    } catch (RejectedExecutionException e) {
                        break; // this thread rates them below
                    }
                }
                // This thread rates the first run, then any the pool has not started: a job never
                // waits for a pool thread that a busy pool cannot give it.
                runs.forEach(FutureTask::run);
                int processed = 0;
                int errors = 0;
                String lastError = null;
                for (FutureTask<RerateSteps.Run> run : runs) {
                    RerateSteps.Run done = done(run);
                    processed += done.processed();
                    errors += done.errors();
                    lastError = done.lastError() != null ? done.lastError() : lastError;
                }
                steps.advance(tenantId, jobId, from, processed, errors, lastError);
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

    /** One run of a round in one batch; should the batch fail, its leads one by one. */
    private RerateSteps.Run rate(String tenantId, String jobId, LeadWalk.Position from, LeadWalk.Position to) {
        try {
            StatementCount.reset();
            int rated = steps.run(tenantId, jobId, from, to);
            if (StatementCount.enabled() && rated > 0) {
                // logged, so the test suite sees that a batch's statements do not grow with its leads
                int statements = StatementCount.current();
                LOG.info(() -> "Re-rating batch of " + rated + " leads took " + statements + " statements");
            }
            return new RerateSteps.Run(rated, 0, null);
        } catch (RuntimeException e) {
            // One lead that cannot be rated (e.g. changed concurrently) must not hold up the others.
            LOG.log(Level.FINE, "Re-rating batch failed; rating its leads one by one", e);
            return steps.oneByOne(tenantId, jobId, from, to);
        }
    }

    private static RerateSteps.Run done(FutureTask<RerateSteps.Run> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
