package org.leadline.server.plugins.outbox;

import java.time.Instant;

/**
 * One thing an extension is to be told after a change committed: a lead event for a lifecycle
 * listener, or a qualification for a conversion handler, with what it says written out as JSON.
 */
public record OutboxEntry(String id, String tenantId, String leadId, Recipient to, Topic topic,
                          String eventKind, String payload, Instant createdAt) {

    /** What the entry tells. */
    public enum Topic {
        /** A lead lifecycle event, for a lifecycle listener. */
        LIFECYCLE,
        /** A committed qualification, for a conversion handler. */
        CONVERSION
    }
}
