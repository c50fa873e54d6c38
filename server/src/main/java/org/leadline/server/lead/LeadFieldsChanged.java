package org.leadline.server.lead;

import java.time.Instant;

import jakarta.json.JsonObject;

/**
 * The client-writable fields of a lead before and after a create or update, fired inside the
 * transaction that made the change so the audit history is written with it (or not at all).
 *
 * @param before the writable representation before the change; empty for a new lead
 * @param after  the writable representation after the change
 */
public record LeadFieldsChanged(String tenantId, String leadId, String userId, Instant at,
                                JsonObject before, JsonObject after) {

    /** True for the creation of the lead: nothing can refer to it yet. */
    public boolean creation() {
        return before.isEmpty();
    }
}
