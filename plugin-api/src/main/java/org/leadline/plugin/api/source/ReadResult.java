package org.leadline.plugin.api.source;

import java.util.List;

/**
 * The drafts found in one piece of inbound material, and what could not be read (one sentence per
 * problem, e.g. "Row 17: no last name"). A material with no leads returns empty drafts.
 */
public record ReadResult(List<LeadDraft> drafts, List<String> problems) {

    public ReadResult {
        drafts = drafts == null ? List.of() : List.copyOf(drafts);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
