package org.leadline.server.plugins;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener.Delivery;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Hands the core's lead events to the lifecycle listeners each tenant enabled: in the transaction
 * for listeners that ask for it, otherwise after commit on a worker thread with the tenant passed
 * explicitly (there is no request there). The lead is copied into a {@link LeadView} once, inside
 * the transaction. A tenant without enabled listeners costs one map lookup per event.
 */
@ApplicationScoped
public class LifecycleBridge {

    private static final Logger LOG = Logger.getLogger(LifecycleBridge.class.getName());

    @Inject
    PluginHost host;

    @Inject
    TenantPersistence persistence;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    void on(@Observes LeadEvent event) {
        String tenantId = event.tenantId();
        LeadLifecycleEvent lifecycle;
        try {
            if (!host.wantsLifecycleEvents(tenantId)) {
                return;
            }
            lifecycle = translate(event);
        } catch (RuntimeException e) {
            // Plugins never fail the core's request: without a description there is no delivery.
            LOG.log(Level.WARNING, "Cannot describe lead event " + event + " to plugins", e);
            return;
        }
        host.deliver(tenantId, lifecycle, Delivery.IN_TRANSACTION);
        Runnable afterCommit = () -> host.deliver(tenantId, lifecycle, Delivery.AFTER_COMMIT);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        submit(afterCommit);
                    }
                }
            });
        } else {
            submit(afterCommit);
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot hand a lead event to plugins", e);
        }
    }

    private LeadLifecycleEvent translate(LeadEvent event) {
        Instant now = Timestamps.now();
        if (event instanceof LeadEvent.Created) {
            return new LeadLifecycleEvent(LeadLifecycleEvent.Kind.CREATED, view(event.leadId()), event.userId(), now, Map.of());
        }
        if (event instanceof LeadEvent.Updated) {
            return new LeadLifecycleEvent(LeadLifecycleEvent.Kind.UPDATED, view(event.leadId()), event.userId(), now, Map.of());
        }
        return new LeadLifecycleEvent(LeadLifecycleEvent.Kind.DELETED, LeadViews.deleted(event.leadId()), event.userId(), now, Map.of());
    }

    private LeadView view(String leadId) {
        Lead lead = persistence.em().find(Lead.class, leadId);
        return lead == null ? LeadViews.deleted(leadId) : LeadViews.of(persistence.em(), lead);
    }
}
