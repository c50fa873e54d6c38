package org.leadline.server.party;

import org.leadline.api.party.Attitude;
import org.leadline.api.party.BuyingRole;

/**
 * What a client writes about a stakeholder, as checked by {@link StakeholderView} (the record a body
 * is read into). A missing attitude is UNKNOWN.
 */
public record StakeholderData(String name, BuyingRole role, String jobTitle, String email, String phone,
                              Attitude attitude) {
}
