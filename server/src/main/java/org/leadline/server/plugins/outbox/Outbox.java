package org.leadline.server.plugins.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.plugins.ConversionHandlers;
import org.leadline.server.plugins.LifecycleListeners;

/**
 * Where the core puts what extensions are to be told after a change commits: one outbox entry per
 * extension, written in the change's own transaction, so the telling survives a crash and is
 * retried until the extension takes it ({@link OutboxDispatcher}). A tenant without such
 * extensions costs a registry lookup and no statement.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    LifecycleListeners listeners;

    @Inject
    ConversionHandlers handlers;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    OutboxStore store;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Adds a lead event for the tenant's after-commit listeners that take its kind, in the running transaction. */
    public void lifecycle(String tenantId, LeadLifecycleEvent event) {
        add(entries(tenantId, event));
    }

    /** Adds a qualification for the tenant's conversion handlers, in the running transaction. */
    public void conversion(String tenantId, Conversion conversion) {
        List<Recipient> to = handlers.enabled(tenantId).stream().map(h -> new Recipient(h.pluginId(), h.id())).toList();
        if (to.isEmpty()) {
            return;
        }
        String payload = OutboxPayloads.write(conversion);
        List<OutboxEntry> entries = new ArrayList<>(to.size());
        for (Recipient r : to) {
            entries.add(new OutboxEntry(Ids.next(), tenantId, conversion.lead().id(), r, OutboxEntry.Topic.CONVERSION,
                    "QUALIFIED", payload, Timestamps.now()));
        }
        add(entries);
    }

    /** The entries of a lead event for the tenant's after-commit listeners that take its kind; none without them. */
    public List<OutboxEntry> entries(String tenantId, LeadLifecycleEvent event) {
        List<Recipient> to = listeners.enabled(tenantId, event.kind(), LeadLifecycleListener.Delivery.AFTER_COMMIT)
                .stream().map(l -> new Recipient(l.pluginId(), l.id())).toList();
        if (to.isEmpty()) {
            return List.of();
        }
        String payload = OutboxPayloads.write(event);
        List<OutboxEntry> entries = new ArrayList<>(to.size());
        for (Recipient r : to) {
            entries.add(new OutboxEntry(Ids.next(), tenantId, event.lead().id(), r, OutboxEntry.Topic.LIFECYCLE,
                    event.kind().name(), payload, event.occurredAt() == null ? Timestamps.now() : event.occurredAt()));
        }
        return entries;
    }

    /** Adds entries on a connection whose transaction the caller commits (the import's); then call {@link #wake()}. */
    public void add(Connection c, List<OutboxEntry> entries) throws SQLException {
        OutboxStore.add(c, entries);
    }

    /** Entries were committed: deliver them now rather than at the dispatcher's next tick. */
    public void wake() {
        dispatcher.wake();
    }

    /**
     * Adds entries in the running transaction, so they are written if and only if the change is; a
     * change made outside a transaction (none today) has them written at once.
     */
    private void add(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            store.addAlone(entries);
            dispatcher.wake();
            return;
        }
        store.addInTransaction(entries);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }
}
