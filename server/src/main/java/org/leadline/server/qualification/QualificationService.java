package org.leadline.server.qualification;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.leadline.api.lead.LeadScoring;
import org.leadline.api.page.PageInfo;
import org.leadline.server.lead.Lead;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.platform.json.Replacement;
import org.leadline.server.platform.web.Pages;

/** The tenant's rule sets and re-rating jobs. */
@RequestScoped
@Transactional
public class QualificationService {

    @Inject
    TenantPersistence persistence;

    @Inject
    org.leadline.server.lead.LeadService leads;

    @Inject
    CurrentCaller caller;

    @Inject
    Rater rater;

    @Inject
    Rerating rerating;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The outcome of a save: the new version and the job re-rating the tenant's leads with it. */
    public record Saved(RuleSet ruleSet, RerateJob job) {
    }

    public RuleSetView current() {
        List<RuleSet> latest = persistence.em().createQuery("SELECT r FROM RuleSet r ORDER BY r.version DESC",
                RuleSet.class).setMaxResults(1).getResultList();
        return latest.isEmpty() ? RuleSetView.none() : RuleSetView.of(latest.get(0), null);
    }

    public RuleSetView version(String versionText) {
        int v;
        try {
            v = Integer.parseInt(versionText);
        } catch (NumberFormatException e) {
            throw ProblemException.parameter("version", "must be a whole number");
        }
        List<RuleSet> sets = persistence.em().createQuery("SELECT r FROM RuleSet r WHERE r.version = :v", RuleSet.class)
                .setParameter("v", v).getResultList();
        if (sets.isEmpty()) {
            throw ProblemException.notFound("Rule set version " + versionText);
        }
        return RuleSetView.of(sets.get(0), null);
    }

    /** The saved versions, newest first, after the version {@code before} (null: from the newest). */
    public RuleSetView.Versions versions(Integer before, int limit) {
        List<RuleSet> rows = persistence.em()
                .createQuery("SELECT r FROM RuleSet r WHERE r.version < :before ORDER BY r.version DESC", RuleSet.class)
                .setParameter("before", before == null ? Integer.MAX_VALUE : before)
                .setMaxResults(limit + 1).getResultList();
        List<RuleSetView.Summary> items = rows.stream().limit(limit)
                .map(r -> new RuleSetView.Summary(r.version(), r.createdAt(), r.createdBy())).toList();
        String next = Pages.nextCursor(rows, limit, r -> String.valueOf(r.version()));
        return new RuleSetView.Versions(items, PageInfo.of(limit, next));
    }

    /** Saves the rule set as the next version and starts re-rating all of the tenant's leads with it. */
    public Saved save(Replacement<RuleSetView> body) {
        return save(body, null);
    }

    /**
     * As {@link #save(Replacement)}, when the current version is {@code expectedVersion} (412
     * otherwise; null saves over any version).
     */
    public Saved save(Replacement<RuleSetView> body, Long expectedVersion) {
        EntityManager em = persistence.em();
        List<RuleSet> latest = em.createQuery("SELECT r FROM RuleSet r ORDER BY r.version DESC", RuleSet.class)
                .setMaxResults(1).getResultList();
        int current = latest.isEmpty() ? 0 : latest.get(0).version();
        // Read-only members may come back as they were read (version, createdAt, createdBy of the current
        // version); another value is refused as on every resource. The re-rating job of an earlier save
        // changes on its own, so whatever is sent back of it is taken.
        JsonObject currentJson = RecordJson.toJson(latest.isEmpty() ? RuleSetView.none() : RuleSetView.of(latest.get(0), null));
        if (body.json().containsKey("rerating")) {
            currentJson = Json.createObjectBuilder(currentJson).add("rerating", body.json().get("rerating")).build();
        }
        RuleSetView rules = body.against(RuleSetView.class, currentJson);
        String stored = RecordJson.toJson(rules).toString();
        if (stored.length() > 32000) {
            throw ProblemException.field("rules", "the rule set is too large (at most 32000 characters of JSON)");
        }
        if (expectedVersion != null && expectedVersion != current) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The rules are at version " + current
                    + ", your If-Match names version " + expectedVersion + "; read them again");
        }
        int next = current + 1;
        RuleSet set = new RuleSet(Ids.next(), next, stored, Timestamps.now(), caller.userId());
        em.persist(set);
        em.createQuery("SELECT j FROM RerateJob j WHERE j.state = :s", RerateJob.class)
                .setParameter("s", RerateJob.State.RUNNING).getResultList()
                .forEach(j -> j.finish(RerateJob.State.SUPERSEDED, Timestamps.now()));
        long total = em.createQuery("SELECT COUNT(l) FROM Lead l", Long.class).getSingleResult();
        RerateJob job = new RerateJob(Ids.next(), next, total, Timestamps.now());
        em.persist(job);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another save of the same tenant took this version number first.
            throw new ProblemException(ProblemType.CONFLICT, "The rule set was saved concurrently; read it and save again");
        }
        String tenantId = caller.tenantId();
        String jobId = job.id();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    rerating.start(tenantId, jobId);
                }
            }
        });
        return new Saved(set, job);
    }

    public RerateJob job(String id) {
        RerateJob job = Ids.isValid(id) ? persistence.em().find(RerateJob.class, id) : null;
        if (job == null) {
            throw ProblemException.notFound("Re-rating job " + id);
        }
        return job;
    }

    /** The re-rating jobs, newest first, after the job {@code beforeId} (null: from the newest). */
    public RerateJobView.Jobs jobs(String beforeId, int limit) {
        var query = persistence.em().createQuery("SELECT j FROM RerateJob j"
                + (beforeId == null ? "" : " WHERE j.id < :before") + " ORDER BY j.id DESC", RerateJob.class);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        List<RerateJob> rows = query.setMaxResults(limit + 1).getResultList();
        String next = Pages.nextCursor(rows, limit, RerateJob::id);
        return new RerateJobView.Jobs(rows.stream().limit(limit).map(RerateJobView::of).toList(),
                PageInfo.of(limit, next));
    }

    /** Rates one lead again now, e.g. after the tenant enabled a scoring plugin. */
    public LeadScoring rerate(String leadId) {
        EntityManager em = persistence.em();
        Lead lead = Ids.isValid(leadId) ? em.find(Lead.class, leadId) : null;
        if (lead == null) {
            leads.find(leadId); // merged into another lead: a redirect (reads) or a lead-merged problem
            throw ProblemException.notFound("Lead " + leadId);
        }
        rater.rate(em, caller.tenantId(), lead, caller.userId());
        em.flush();
        return QualificationDetails.view(em, em.find(LeadRating.class, leadId));
    }

    public LeadScoring rating(String leadId) {
        EntityManager em = persistence.em();
        Lead lead = Ids.isValid(leadId) ? em.find(Lead.class, leadId) : null;
        if (lead == null) {
            leads.find(leadId); // merged into another lead: a redirect (reads) or a lead-merged problem
            throw ProblemException.notFound("Lead " + leadId);
        }
        LeadRating r = em.find(LeadRating.class, leadId);
        if (r == null) {
            return rerate(leadId);
        }
        return QualificationDetails.view(em, r);
    }
}
