package org.leadline.server.lead;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.Rating;
import org.leadline.api.lead.Source;

/**
 * What a lead list is restricted to. Empty sets and nulls mean "no restriction".
 *
 * @param terms free-text words; each must prefix-match a word of the name, company or e-mail
 * @param ratings the ratings to show; a lead not rated yet matches none
 */
record LeadFilter(Set<LeadStatus> statuses, String ownerId, Set<Source> sources,
                  Instant createdFrom, Instant createdTo, List<String> terms, Set<Rating> ratings) {

    LeadFilter(Set<LeadStatus> statuses, String ownerId, Set<Source> sources, Instant createdFrom, Instant createdTo,
               List<String> terms) {
        this(statuses, ownerId, sources, createdFrom, createdTo, terms, Set.of());
    }
}
