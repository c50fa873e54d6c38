package org.leadline.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.client.WebTarget;

import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.Source;

/**
 * What to list: filters combine with AND; each is optional.
 *
 * @param status      only leads in one of these statuses
 * @param ownerId     only leads of this user ({@code me} for the caller)
 * @param source      only leads from one of these sources
 * @param createdFrom created at or after
 * @param createdTo   created before
 * @param q           words that must each match the start of a word in name, company, e-mail or topic
 * @param sort        a field (createdAt, updatedAt, lastName, companyName), descending with a leading minus
 * @param limit       the page size, or null for the server's default
 */
public record LeadQuery(List<LeadStatus> status, String ownerId, List<Source> source, Instant createdFrom,
                        Instant createdTo, String q, String sort, Integer limit) {

    /** Every lead, newest first, in pages of the server's default size. */
    public static LeadQuery all() {
        return new LeadQuery(List.of(), null, List.of(), null, null, null, null, null);
    }

    public LeadQuery withStatus(LeadStatus... statuses) {
        return new LeadQuery(List.of(statuses), ownerId, source, createdFrom, createdTo, q, sort, limit);
    }

    public LeadQuery withSearch(String words) {
        return new LeadQuery(status, ownerId, source, createdFrom, createdTo, words, sort, limit);
    }

    public LeadQuery withSort(String order) {
        return new LeadQuery(status, ownerId, source, createdFrom, createdTo, q, order, limit);
    }

    public LeadQuery withLimit(int pageSize) {
        return new LeadQuery(status, ownerId, source, createdFrom, createdTo, q, sort, pageSize);
    }

    WebTarget apply(WebTarget target) {
        WebTarget t = target;
        for (LeadStatus s : status == null ? List.<LeadStatus>of() : status) {
            t = t.queryParam("status", s.name());
        }
        for (Source s : source == null ? List.<Source>of() : source) {
            t = t.queryParam("source", s.name());
        }
        t = param(t, "ownerId", ownerId);
        t = param(t, "createdFrom", createdFrom);
        t = param(t, "createdTo", createdTo);
        t = param(t, "q", q);
        t = param(t, "sort", sort);
        return param(t, "limit", limit);
    }

    private static WebTarget param(WebTarget t, String name, Object value) {
        return value == null ? t : t.queryParam(name, value.toString());
    }
}
