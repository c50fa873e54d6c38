package org.leadline.plugin.api.conversion;

import java.util.Objects;

import org.leadline.plugin.api.LeadView;

/**
 * A lead being qualified, and what the server created for it.
 *
 * @param lead          the lead as qualified
 * @param contactId     the contact created from the lead's person
 * @param accountId     the account created or matched from the lead's company; may be {@code null}
 * @param opportunityId the opportunity created; may be {@code null}
 * @param userId        who qualified the lead
 */
public record Conversion(LeadView lead, String contactId, String accountId, String opportunityId, String userId) {

    public Conversion {
        Objects.requireNonNull(lead, "lead");
    }
}
