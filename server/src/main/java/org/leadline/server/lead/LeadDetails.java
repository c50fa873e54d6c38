package org.leadline.server.lead;

/**
 * Something another feature shows on a single lead (its scoring, what qualification made of it),
 * kept out of the lead package so the lead does not depend on the features built on it. The lead
 * resource looks an implementation up by its type argument; none means the member is left out.
 *
 * @param <T> the record the lead shows
 */
public interface LeadDetails<T extends Record> {

    /** The value for this lead, or null to leave the member out. */
    T of(Lead lead);

    /** The value for a lead created in the current request, which nothing else refers to yet. */
    default T ofNew(Lead lead) {
        return of(lead);
    }

    /** The contact, account (null when the lead had no company) and opportunity a qualification made. */
    record Converted(String contactId, String accountId, String opportunityId) {
    }
}
