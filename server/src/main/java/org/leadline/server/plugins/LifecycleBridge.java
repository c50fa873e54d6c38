package org.leadline.server.plugins;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent.Kind;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener.Delivery;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.plugins.outbox.Outbox;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Hands the core's lead events, translated into the plugin API's kinds, to the lifecycle listeners
 * each tenant enabled: in the transaction for listeners that ask for it, otherwise through the
 * {@link Outbox}, whose entries are written in the transaction and delivered after it committed, at
 * least once, in order per lead, retried until the listener takes them. Events fired outside
 * a request (a re-rating job, the purge) name their tenant too; the lead is then read through a
 * persistence context bound to that tenant. The lead is copied into a {@link LeadView} once, inside
 * the transaction. A tenant without enabled listeners costs one map lookup per event.
 */
@ApplicationScoped
public class LifecycleBridge {

    private static final Logger LOG = Logger.getLogger(LifecycleBridge.class.getName());

    @Inject
    LifecycleListeners listeners;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    Outbox outbox;

    void on(@Observes LeadEvent event) {
        String tenantId = event.tenantId();
        LeadLifecycleEvent lifecycle;
        try {
            if (!listeners.wanted(tenantId)) {
                return;
            }
            lifecycle = translate(event);
            if (lifecycle == null) {
                return;
            }
        } catch (RuntimeException e) {
            // Plugins never fail the core's request: without a description there is no delivery.
            LOG.log(Level.WARNING, "Cannot describe lead event " + event + " to plugins", e);
            return;
        }
        deliverInTransaction(tenantId, lifecycle);
        // Listeners called after commit are told through the outbox, written in this transaction.
        outbox.lifecycle(tenantId, lifecycle);
    }

    /**
     * Delivers the event to each of the tenant's enabled in-transaction listeners, one at a time
     * through {@link LifecycleListeners#deliver}. Never throws: a listener's failure is the listener's.
     */
    public void deliverInTransaction(String tenantId, LeadLifecycleEvent event) {
        try {
            for (Extensions.Enabled listener : listeners.enabled(tenantId, event.kind(), Delivery.IN_TRANSACTION)) {
                listeners.deliver(tenantId, listener, event);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering " + event.kind() + " of lead " + event.lead().id() + " failed", e);
        }
    }

    /** The plugin API's description of a core event, or {@code null} when plugins were already told. */
    private LeadLifecycleEvent translate(LeadEvent event) {
        Instant now = Timestamps.now();
        String tenantId = event.tenantId();
        String leadId = event.leadId();
        String user = event.userId();
        if (event instanceof LeadEvent.Created) {
            return new LeadLifecycleEvent(Kind.CREATED, view(tenantId, leadId), user, now, Map.of());
        }
        if (event instanceof LeadEvent.Updated) {
            return new LeadLifecycleEvent(Kind.UPDATED, view(tenantId, leadId), user, now, Map.of());
        }
        if (event instanceof LeadEvent.Rated r) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("fromRating", r.fromRating().name());
            details.put("toRating", r.toRating().name());
            if (r.fromScore() != null) {
                details.put("fromScore", String.valueOf(r.fromScore()));
            }
            details.put("score", String.valueOf(r.toScore()));
            return new LeadLifecycleEvent(Kind.RATED, view(tenantId, r.lead()), user, now, details);
        }
        if (event instanceof LeadEvent.StageChanged s) {
            Map<String, String> details = new LinkedHashMap<>();
            if (s.fromStage() != null) {
                details.put("fromStage", s.fromStage());
            }
            details.put("toStage", s.toStage());
            return new LeadLifecycleEvent(Kind.STAGE_CHANGED, view(tenantId, leadId), user, now, details);
        }
        if (event instanceof LeadEvent.Qualified q) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("contactId", q.contactId());
            if (q.accountId() != null) {
                details.put("accountId", q.accountId());
            }
            details.put("opportunityId", q.opportunityId());
            return new LeadLifecycleEvent(Kind.QUALIFIED, view(tenantId, leadId), user, now, details);
        }
        if (event instanceof LeadEvent.Disqualified d) {
            return new LeadLifecycleEvent(Kind.DISQUALIFIED, view(tenantId, leadId), user, now, Map.of("reason", d.reason()));
        }
        if (event instanceof LeadEvent.Reopened r) {
            // The plugin API has no kind of its own for it: the lead's status changed back to OPEN.
            Map<String, String> details = new LinkedHashMap<>();
            details.put("change", "REOPENED");
            if (r.reason() != null) {
                details.put("disqualifiedFor", r.reason());
            }
            return new LeadLifecycleEvent(Kind.UPDATED, view(tenantId, leadId), user, now, details);
        }
        if (event instanceof LeadEvent.SoftDeleted) {
            return new LeadLifecycleEvent(Kind.DELETED, LeadViews.deleted(leadId), user, now, Map.of("restorable", "true"));
        }
        if (event instanceof LeadEvent.Restored) {
            return new LeadLifecycleEvent(Kind.RESTORED, view(tenantId, leadId), user, now, Map.of());
        }
        if (event instanceof LeadEvent.Deleted d) {
            // Erasing or purging a lead deleted before: plugins heard of its deletion then.
            return d.wasSoftDeleted() ? null
                    : new LeadLifecycleEvent(Kind.DELETED, LeadViews.deleted(leadId), user, now, Map.of("restorable", "false"));
        }
        throw new IllegalArgumentException("Unknown lead event " + event);
    }

    /** A view of a lead the event carries, with the facts around it read for the event's tenant. */
    private LeadView view(String tenantId, Lead lead) {
        if (inRequestOf(tenantId)) {
            return LeadViews.of(persistence.em(), lead);
        }
        EntityManager em = TenantPersistence.open(emf, tenantId);
        try {
            em.joinTransaction();
            return LeadViews.of(em, lead);
        } finally {
            em.close();
        }
    }

    /**
     * The lead as the event's transaction sees it: through the request's persistence context when
     * there is a request of that tenant, otherwise through one bound to the tenant passed with the event.
     */
    private LeadView view(String tenantId, String leadId) {
        Lead lead;
        if (inRequestOf(tenantId)) {
            lead = persistence.em().find(Lead.class, leadId);
        } else {
            EntityManager em = TenantPersistence.open(emf, tenantId);
            try {
                em.joinTransaction();
                lead = em.find(Lead.class, leadId);
                return lead == null ? LeadViews.deleted(leadId) : LeadViews.of(em, lead);
            } finally {
                em.close();
            }
        }
        return lead == null ? LeadViews.deleted(leadId) : LeadViews.of(persistence.em(), lead);
    }

    private boolean inRequestOf(String tenantId) {
        try {
            return caller.isPresent() && tenantId.equals(caller.get().tenantId());
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
