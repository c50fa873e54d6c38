package org.leadline.server.lead;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.Source;

/**
 * What a lead list is restricted to. Empty sets and nulls mean "no restriction".
 *
 * @param terms free-text words; each must prefix-match a word of the name, company or e-mail
 */
record LeadFilter(Set<LeadStatus> statuses, String ownerId, Set<Source> sources,
                  Instant createdFrom, Instant createdTo, List<String> terms) {
}
