package org.leadline.plugin.api.source;

import java.util.List;

/**
 * The drafts found in one piece of inbound material, and what could not be read (one sentence per
 * problem, e.g. "Row 17: no last name"). A material with no leads returns empty drafts.
 *
 * @param notLeads      what was recognised as not being a lead, with the reason
 * @param limitExceeded set when the material broke a limit and was not read at all; null otherwise
 */
public record ReadResult(List<LeadDraft> drafts, List<String> problems, List<NotALead> notLeads,
                         LimitExceeded limitExceeded) {

    public ReadResult {
        drafts = drafts == null ? List.of() : List.copyOf(drafts);
        problems = problems == null ? List.of() : List.copyOf(problems);
        notLeads = notLeads == null ? List.of() : List.copyOf(notLeads);
    }

    /** The result of the first version of this API: drafts and problems only. */
    public ReadResult(List<LeadDraft> drafts, List<String> problems) {
        this(drafts, problems, List.of(), null);
    }

    public static ReadResult notALead(NotALead notALead) {
        return new ReadResult(List.of(), List.of(), List.of(notALead), null);
    }

    public static ReadResult over(LimitExceeded limit) {
        return new ReadResult(List.of(), List.of(), List.of(), limit);
    }
}
