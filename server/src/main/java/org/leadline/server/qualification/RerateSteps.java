package org.leadline.server.qualification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadWalk;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.tenancy.TenantPersistence;

/** The transactions of a re-rating job; each call is its own transaction, bound to the job's tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RerateSteps {

    /**
     * A round of a job: the runs of leads after {@code start} that end at each of {@code ends}, to
     * be rated side by side; no runs when the job is done or no longer running.
     */
    public record Round(LeadWalk.Position start, List<LeadWalk.Position> ends) {
        static final Round NONE = new Round(LeadWalk.Position.START, List.of());
    }

    /** What rating one run did: its leads, how many of them failed, and the last failure. */
    public record Run(int processed, int errors, String lastError) {
    }

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    Rater rater;

    /**
     * The job's next round: up to {@code runs} runs of {@code size} leads after its position. At the
     * end of the tenant's leads the job is done.
     */
    public Round round(String tenantId, String jobId, int size, int runs) {
        EntityManager em = open(tenantId);
        RerateJob job = em.find(RerateJob.class, jobId);
        if (job == null || job.state() != RerateJob.State.RUNNING) {
            return Round.NONE;
        }
        LeadWalk.Position start = position(em, job);
        List<LeadWalk.Position> ends = LeadWalk.ends(em, start, size, runs);
        if (ends.isEmpty()) {
            job.finish(RerateJob.State.DONE, Timestamps.now());
        }
        return new Round(start, ends);
    }

    /**
     * Rates the leads after {@code from} up to and including {@code to} in one batch, unless the
     * job stopped running (a newer rule set superseded it). The job's position is the round's to move.
     */
    public int run(String tenantId, String jobId, LeadWalk.Position from, LeadWalk.Position to) {
        EntityManager em = open(tenantId);
        RerateJob job = em.find(RerateJob.class, jobId);
        if (job == null || job.state() != RerateJob.State.RUNNING) {
            return 0;
        }
        List<Lead> leads = LeadWalk.between(em, from, to);
        rater.rerateBatch(em, tenantId, leads, rules(em, job));
        return leads.size();
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

    /** The fallback after a failed run: each of its leads in its own transaction, failures counted. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Run oneByOne(String tenantId, String jobId, LeadWalk.Position from, LeadWalk.Position to) {
        List<String> leadIds = self().leadIds(tenantId, from, to);
        int errors = 0;
        String lastError = null;
        for (String leadId : leadIds) {
            try {
                self().one(tenantId, jobId, leadId);
            } catch (RuntimeException e) {
                errors++;
                lastError = "lead " + leadId + ": " + e;
            }
        }
        return new Run(leadIds.size(), errors, lastError);
    }

    public List<String> leadIds(String tenantId, LeadWalk.Position from, LeadWalk.Position to) {
        return LeadWalk.idsBetween(open(tenantId), from, to);
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
