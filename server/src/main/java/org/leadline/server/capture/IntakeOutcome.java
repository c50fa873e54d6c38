package org.leadline.server.capture;

import java.util.List;
import java.util.Map;

import org.leadline.api.problem.FieldError;
import org.leadline.server.lead.Lead;

/**
 * What became of one lead draft in {@link LeadIntake}.
 *
 * @param kind       what happened
 * @param lead       the lead created or attached to; null when ignored, invalid or only duplicates were found
 * @param candidates likely duplicates (with {@link Kind#CREATED} under a warning, or the reason for {@link Kind#DUPLICATE})
 * @param reason     a sentence for people: why ignored, what it was attached by
 * @param errors     field errors of an {@link Kind#INVALID} draft, named as in the lead API
 * @param replayed   true when the material was taken in before (same external id) and this is that earlier outcome
 */
public record IntakeOutcome(Kind kind, Lead lead, List<DuplicateFinder.Candidate> candidates, String reason,
                            List<FieldError> errors, boolean replayed, Map<String, String> provenance) {

    public enum Kind {
        /** A new lead was stored. */
        CREATED,
        /** Not stored: likely duplicates exist and the policy said not to create one. */
        DUPLICATE,
        /** Added to an existing lead's timeline (a reply in its thread, or a known sender). */
        ATTACHED,
        /** Not a lead (an auto-reply, a bounce, bulk mail); nothing stored but the receipt. */
        IGNORED,
        /** The draft broke the lead rules; nothing stored. */
        INVALID
    }

    public IntakeOutcome {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        errors = errors == null ? List.of() : List.copyOf(errors);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }
}
