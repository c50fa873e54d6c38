package org.leadline.server.lead;

import org.leadline.api.lead.Rating;

/**
 * Something that happened to a lead, fired as a CDI event inside the transaction that did it.
 * Observers that must take part in the transaction observe it synchronously; side effects observe
 * it asynchronously or {@code during = AFTER_SUCCESS}. Each kind but {@link Deleted} is fired by
 * exactly one use case, once per change; the plugin bridge maps them one to one onto the plugin
 * API's lifecycle kinds.
 */
public sealed interface LeadEvent {

    String tenantId();

    String leadId();

    /** The user who did it, or {@code null} for the system (a re-rating job, the purge). */
    String userId();

    record Created(String tenantId, String leadId, String userId) implements LeadEvent {
    }

    /** The lead's own fields were changed by a user. */
    record Updated(String tenantId, String leadId, String userId) implements LeadEvent {
    }

    /**
     * The lead's rating or score moved (not its first rating, which comes with its creation). The
     * lead travels with the event because a re-rating job changes it in a persistence context of
     * its own, not yet written when observers run.
     */
    record Rated(String tenantId, Lead lead, String userId, Rating fromRating, Integer fromScore, Rating toRating,
                 int toScore) implements LeadEvent {

        @Override
        public String leadId() {
            return lead.id();
        }
    }

    /** The lead moved to another stage of its process, forward or back. */
    record StageChanged(String tenantId, String leadId, String userId, String fromStage, String toStage)
            implements LeadEvent {
    }

    /** The lead was qualified into a contact, an account (if it named a company) and an opportunity. */
    record Qualified(String tenantId, String leadId, String userId, String contactId, String accountId,
                     String opportunityId) implements LeadEvent {
    }

    record Disqualified(String tenantId, String leadId, String userId, String reason) implements LeadEvent {
    }

    /** A disqualified lead was opened again. */
    record Reopened(String tenantId, String leadId, String userId, String reason) implements LeadEvent {
    }

    /** The lead was deleted softly: it left every list but can be restored until it is purged. */
    record SoftDeleted(String tenantId, String leadId, String userId) implements LeadEvent {
    }

    /** A softly deleted lead was brought back. */
    record Restored(String tenantId, String leadId, String userId) implements LeadEvent {
    }

    /**
     * The lead was removed for good (erased or purged); observers remove what belongs to it.
     *
     * @param wasSoftDeleted whether it had been deleted softly before, so its deletion was already
     *                       announced by {@link SoftDeleted}
     */
    record Deleted(String tenantId, String leadId, String userId, boolean wasSoftDeleted) implements LeadEvent {

        public Deleted(String tenantId, String leadId, String userId) {
            this(tenantId, leadId, userId, false);
        }
    }
}
