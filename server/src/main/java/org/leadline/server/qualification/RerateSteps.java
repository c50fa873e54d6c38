package org.leadline.server.qualification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadWalk;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.tenancy.TenantPersistence;

/** The transactions of a re-rating job; each call is its own transaction, bound to the job's tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RerateSteps {

    /** Whether the job has more to do, and how many leads this step rated in one batch (0 lead by lead). */
    public record Step(boolean more, int rated) {
    }

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    Rater rater;

    public Step batch(String tenantId, String jobId, int size) {
        EntityManager em = open(tenantId);
        RerateJob job = em.find(RerateJob.class, jobId);
        if (job == null || job.state() != RerateJob.State.RUNNING) {
            return new Step(false, 0);
        }
        List<Lead> leads = next(em, job, size);
        if (leads.isEmpty()) {
            job.finish(RerateJob.State.DONE, Timestamps.now());
            return new Step(false, 0);
        }
        rater.rerateBatch(em, tenantId, leads, rules(em, job));
        job.advance(LeadWalk.Position.after(leads.get(leads.size() - 1)), leads.size(), 0, null, Timestamps.now());
        return new Step(true, leads.size());
    }

    /**
     * Opens a job re-rating all of the tenant's leads with its current rules, superseding a running
     * one (which would rate with the same or older rules); for work that wrote leads in bulk.
     */
    public String begin(String tenantId) {
        EntityManager em = open(tenantId);
        em.createQuery("SELECT j FROM RerateJob j WHERE j.state = :s", RerateJob.class)
                .setParameter("s", RerateJob.State.RUNNING).getResultList()
                .forEach(j -> j.finish(RerateJob.State.SUPERSEDED, Timestamps.now()));
        int version = rater.current(em).version();
        long total = em.createQuery("SELECT COUNT(l) FROM Lead l", Long.class).getSingleResult();
        RerateJob job = new RerateJob(org.leadline.server.platform.persistence.Ids.next(), version, total, Timestamps.now());
        em.persist(job);
        return job.id();
    }

    /** The fallback after a failed batch: each lead in its own transaction, failures counted. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Step oneByOne(String tenantId, String jobId, int size) {
        List<LeadWalk.Position> positions = positions(tenantId, jobId, size);
        if (positions.isEmpty()) {
            return self().batch(tenantId, jobId, size);
        }
        int errors = 0;
        String lastError = null;
        for (LeadWalk.Position position : positions) {
            try {
                self().one(tenantId, jobId, position.leadId());
            } catch (RuntimeException e) {
                errors++;
                lastError = "lead " + position.leadId() + ": " + e;
            }
        }
        self().advance(tenantId, jobId, positions.get(positions.size() - 1), positions.size(), errors, lastError);
        return new Step(true, 0);
    }

    public List<LeadWalk.Position> positions(String tenantId, String jobId, int size) {
        EntityManager em = open(tenantId);
        RerateJob job = em.find(RerateJob.class, jobId);
        if (job == null || job.state() != RerateJob.State.RUNNING) {
            return List.of();
        }
        return next(em, job, size).stream().map(LeadWalk.Position::after).toList();
    }

    public void one(String tenantId, String jobId, String leadId) {
        EntityManager em = open(tenantId);
        RerateJob job = em.find(RerateJob.class, jobId);
        Lead lead = em.find(Lead.class, leadId);
        if (job != null && lead != null) {
            rater.rate(em, tenantId, lead, rules(em, job), null);
        }
    }

    public void advance(String tenantId, String jobId, LeadWalk.Position last, int processed, int errors, String lastError) {
        EntityManager em = open(tenantId);
        RerateJob job = em.find(RerateJob.class, jobId);
        if (job != null) {
            job.advance(last, processed, errors, lastError, Timestamps.now());
        }
    }

    private RerateSteps self() {
        return jakarta.enterprise.inject.spi.CDI.current().select(RerateSteps.class).get();
    }

    private static List<Lead> next(EntityManager em, RerateJob job, int size) {
        return LeadWalk.next(em, position(em, job), size);
    }

    /**
     * Where the job stands. A job saved with only the last lead's id resumes from that lead's
     * creation time; if that lead is gone, from the start (rating a lead twice with the same rules
     * changes nothing).
     */
    private static LeadWalk.Position position(EntityManager em, RerateJob job) {
        if (job.lastLeadId() == null) {
            return LeadWalk.Position.START;
        }
        if (job.lastCreatedAt() != null) {
            return new LeadWalk.Position(job.lastCreatedAt(), job.lastLeadId());
        }
        Lead last = em.find(Lead.class, job.lastLeadId());
        return last == null ? LeadWalk.Position.START : LeadWalk.Position.after(last);
    }

    private Rater.CurrentRules rules(EntityManager em, RerateJob job) {
        List<RuleSet> sets = em.createQuery("SELECT r FROM RuleSet r WHERE r.version = :v", RuleSet.class)
                .setParameter("v", job.ruleSetVersion()).getResultList();
        return sets.isEmpty() ? new Rater.CurrentRules(0, RuleSetDefinition.EMPTY)
                : new Rater.CurrentRules(job.ruleSetVersion(), rater.definition(sets.get(0)));
    }

    /** An entity manager bound to the job's tenant (there is no request here), joined to this transaction. */
    private EntityManager open(String tenantId) {
        EntityManager em = TenantPersistence.open(emf, tenantId);
        em.joinTransaction();
        return em;
    }
}
