package org.leadline.server.conversion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.lead.LeadStatus;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadService;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/** Setting a lead aside and bringing it back: disqualify, reopen, restore, erase. */
@RequestScoped
@Transactional
public class ClosingService {

    /** How long a deleted lead can be restored before the purge removes it. */
    public static final String RESTORE_PERIOD = "leadline.leads.restore-period";
    static final Pattern REASON_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final int MAX_NOTE = 2000;
    static final int MAX_TENANT_REASONS = 100;

    /** The reasons every tenant has. */
    public enum BuiltInReason { LOST, NO_BUDGET, CANNOT_CONTACT, NO_LONGER_INTERESTED, CANCELLED }

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    LeadService leads;

    @Inject
    Event<LeadEvent> events;

    public static Duration restorePeriod() {
        return Settings.get(RESTORE_PERIOD).map(Duration::parse).orElse(Duration.ofDays(30));
    }

    public List<String> reasons() {
        List<String> all = new ArrayList<>();
        EnumSet.allOf(BuiltInReason.class).forEach(r -> all.add(r.name()));
        persistence.em().createQuery("SELECT r FROM DisqualificationReason r ORDER BY r.key", DisqualificationReason.class)
                .getResultList().forEach(r -> all.add(r.key()));
        return all;
    }

    public List<String> addReason(String key) {
        if (key == null || !REASON_KEY.matcher(key).matches()) {
            throw ProblemException.field("reason", "must be upper-case letters, digits and _ (at most 64), starting with a letter");
        }
        List<String> all = reasons();
        if (!all.contains(key)) {
            if (all.size() - BuiltInReason.values().length >= MAX_TENANT_REASONS) {
                throw ProblemException.field("reason", "a tenant may define at most " + MAX_TENANT_REASONS + " reasons");
            }
            persistence.em().persist(new DisqualificationReason(key));
            persistence.em().flush();
        }
        return reasons();
    }

    public Lead disqualify(String leadId, Long expectedVersion, String reason, String note) {
        Lead lead = leads.find(leadId);
        checkVersion(lead, expectedVersion);
        String key = reason == null ? null : reason.strip().toUpperCase(Locale.ROOT);
        if (key == null || !reasons().contains(key)) {
            throw ProblemException.field("reason", "must be one of " + reasons());
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.field("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (lead.status() != LeadStatus.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "Lead " + leadId + " is " + lead.status()
                    + "; only an open lead can be disqualified");
        }
        persistence.em().persist(new Disqualification(leadId, key, note, caller.userId()));
        lead.changeStatus(LeadStatus.DISQUALIFIED, caller.userId());
        persistence.em().flush();
        events.fire(new LeadEvent.Disqualified(caller.tenantId(), leadId, caller.userId(), key));
        return lead;
    }

    public Lead reopen(String leadId, Long expectedVersion) {
        Lead lead = leads.find(leadId);
        checkVersion(lead, expectedVersion);
        if (lead.status() != LeadStatus.DISQUALIFIED) {
            throw new ProblemException(ProblemType.CONFLICT, "Lead " + leadId + " is " + lead.status()
                    + "; only a disqualified lead can be reopened");
        }
        java.util.Optional<Disqualification> disqualification = current(leadId);
        disqualification.ifPresent(Disqualification::reopened);
        lead.changeStatus(LeadStatus.OPEN, caller.userId());
        persistence.em().flush();
        events.fire(new LeadEvent.Reopened(caller.tenantId(), leadId, caller.userId(),
                disqualification.map(Disqualification::reason).orElse(null)));
        return lead;
    }

    /** The disqualification in force, if the lead is disqualified. */
    public java.util.Optional<Disqualification> current(String leadId) {
        return persistence.em().createQuery("SELECT d FROM Disqualification d WHERE d.leadId = :lead"
                        + " AND d.reopenedAt IS NULL ORDER BY d.disqualifiedAt DESC", Disqualification.class)
                .setParameter("lead", leadId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * Deleted leads that can still be restored, newest deletion first (then by id, descending),
     * after the one deleted at {@code afterDeletedAt} with id {@code afterId} when those are given.
     */
    public List<Lead> deleted(Instant afterDeletedAt, String afterId, int limit) {
        var query = persistence.em().createQuery("SELECT l FROM Lead l WHERE l.deletedAt IS NOT NULL"
                        + (afterDeletedAt == null ? "" : " AND (l.deletedAt < :at OR (l.deletedAt = :at AND l.id < :id))")
                        + " ORDER BY l.deletedAt DESC, l.id DESC", Lead.class);
        if (afterDeletedAt != null) {
            query.setParameter("at", afterDeletedAt).setParameter("id", afterId);
        }
        return query.setMaxResults(limit).getResultList();
    }

    private Lead deletedLead(String leadId) {
        Lead lead = Ids.isValid(leadId) ? persistence.em().find(Lead.class, leadId) : null;
        if (lead == null || lead.deletedAt() == null) {
            throw ProblemException.notFound("Deleted lead " + leadId);
        }
        return lead;
    }

    public Lead restore(String leadId) {
        Lead lead = deletedLead(leadId);
        if (lead.deletedAt().plus(restorePeriod()).isBefore(Timestamps.now())) {
            throw new ProblemException(ProblemType.CONFLICT, "Lead " + leadId + " was deleted at " + lead.deletedAt()
                    + ", longer ago than the restore period of " + restorePeriod() + "; it is about to be purged");
        }
        lead.restore(caller.userId());
        persistence.em().flush();
        events.fire(new LeadEvent.Restored(caller.tenantId(), leadId, caller.userId()));
        return lead;
    }

    /**
     * Removes the lead for good at once, deleted or not: its record, timeline, audit history,
     * parties, stage history and closing records. Contacts, accounts and opportunities made from
     * it stay: they are the tenant's customers now.
     */
    public void erase(String leadId) {
        Lead lead = Ids.isValid(leadId) ? persistence.em().find(Lead.class, leadId) : null;
        if (lead == null) {
            throw ProblemException.notFound("Lead " + leadId);
        }
        remove(persistence.em(), events, caller.tenantId(), lead, caller.userId());
    }

    static void remove(EntityManager em, Event<LeadEvent> events, String tenantId, Lead lead, String userId) {
        String id = lead.id();
        boolean wasSoftDeleted = lead.deletedAt() != null;
        for (String entity : new String[] {"LeadSearchTerm", "StageChange", "ChecklistTick", "Disqualification",
                "LeadConversion"}) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.leadId = :id").setParameter("id", id).executeUpdate();
        }
        em.remove(lead);
        em.flush();
        // The timeline and the parties remove theirs on this event, in this transaction.
        events.fire(new LeadEvent.Deleted(tenantId, id, userId, wasSoftDeleted));
    }

    private static void checkVersion(Lead lead, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != lead.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The lead is at version " + lead.version()
                    + ", your If-Match names version " + expectedVersion + "; read it again");
        }
    }

    /** When a deletion at {@code deletedAt} may be purged. */
    static Instant purgeableAfter(Instant deletedAt) {
        return deletedAt.plus(restorePeriod());
    }
}
