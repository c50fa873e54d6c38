package org.leadline.server.plugins.outbox;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What waits to be delivered to one extension of the tenant, as its administrators see it. */
@Schema(name = "Deliveries", description = "What waits to be told to one extension of the tenant after a change "
        + "committed: lead events for a lifecycle listener, qualifications for a conversion handler. Delivered "
        + "entries are not kept.")
public record DeliveriesView(
        @Schema(description = "Entries waiting for their first or next attempt") long pending,
        @Schema(description = "Entries whose every attempt failed; kept until retried") long failed,
        @Schema(description = "The latest failure's reason, if an entry shown failed") String lastError,
        @Schema(description = "The oldest waiting or failed entries, at most 100, oldest first") List<Entry> entries) {

    /** One waiting or failed entry. */
    @Schema(name = "Delivery")
    public record Entry(
            @Schema(description = "The entry's id") String id,
            @Schema(description = "The lead the entry tells of") String leadId,
            @Schema(description = "What happened: a lead event kind (CREATED, UPDATED, …) or QUALIFIED") String event,
            @Schema(description = "PENDING (waiting for an attempt) or FAILED (attempts exhausted)") OutboxStore.State state,
            @Schema(description = "Failed attempts so far") int attempts,
            @Schema(description = "When the change committed") Instant createdAt,
            @Schema(description = "When it was last tried") Instant lastAttemptAt,
            @Schema(description = "When it is tried next; absent once it failed") Instant nextAttemptAt,
            @Schema(description = "Why the last attempt failed") String lastError) {
    }

    /** The answer to a retry. */
    @Schema(name = "DeliveryRetry")
    public record Retried(@Schema(description = "Failed entries put back in line") int retried) {
    }

    public static DeliveriesView of(OutboxStore.Waiting w) {
        List<Entry> entries = w.rows().stream().map(r -> new Entry(r.id(), r.leadId(), r.eventKind(), r.state(),
                r.attempts(), r.createdAt(), r.lastAttemptAt(), r.nextAttemptAt(), r.lastError())).toList();
        String lastError = w.rows().stream().filter(r -> r.lastError() != null && r.lastAttemptAt() != null)
                .max(java.util.Comparator.comparing(OutboxStore.Row::lastAttemptAt))
                .map(OutboxStore.Row::lastError).orElse(null);
        return new DeliveriesView(w.counts().get(OutboxStore.State.PENDING), w.counts().get(OutboxStore.State.FAILED),
                lastError, entries);
    }
}
