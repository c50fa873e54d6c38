package org.leadline.server.timeline;

/**
 * An item kept on a lead (interaction, note, post, stakeholder, competitor) was created, changed or
 * removed; fired inside the transaction that did it, after the change was flushed, so observers
 * that recompute something from the lead's items see the new state.
 *
 * @param itemType the entity class of the item, e.g. {@code Interaction} or {@code Stakeholder}
 */
public record LeadItemChanged(String tenantId, String leadId, Class<?> itemType, String userId) {
}
