package org.leadline.server.lead;

/**
 * Something that happened to a lead, fired as a CDI event inside the transaction that did it.
 * Observers that must take part in the transaction observe it synchronously; side effects observe
 * it asynchronously or {@code during = AFTER_SUCCESS}.
 */
public sealed interface LeadEvent {

    String tenantId();

    String leadId();

    String userId();

    record Created(String tenantId, String leadId, String userId) implements LeadEvent {
    }

    record Updated(String tenantId, String leadId, String userId) implements LeadEvent {
    }

    record Deleted(String tenantId, String leadId, String userId) implements LeadEvent {
    }
}
