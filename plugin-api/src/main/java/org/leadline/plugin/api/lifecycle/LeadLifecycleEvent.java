package org.leadline.plugin.api.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.Stable;

/**
 * Something that happened to a lead.
 *
 * @param kind       what happened; later API versions may add kinds, so ignore the ones you do not know
 * @param lead       the lead after the change; for {@link Kind#DELETED} only {@code id} is set
 * @param userId     the user who did it, or {@code null} for the system
 * @param occurredAt when it happened
 * @param details    kind-specific facts, e.g. {@code "fromStage"}/{@code "toStage"} for
 *                   {@link Kind#STAGE_CHANGED}, {@code "reason"} for {@link Kind#DISQUALIFIED}
 */
@Stable(since = "1.0")
public record LeadLifecycleEvent(Kind kind, LeadView lead, String userId, Instant occurredAt,
                                 Map<String, String> details) {

    public LeadLifecycleEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The kinds of lifecycle events, with the {@link #details()} each carries. */
    public enum Kind {
        /** The lead was created; no details. */
        CREATED,
        /**
         * A user changed the lead's fields (no details), or a disqualified lead was reopened
         * ({@code "change"} = {@code "REOPENED"}, {@code "disqualifiedFor"} = the reason it had).
         */
        UPDATED,
        /** The rating or score moved: {@code "fromRating"}, {@code "toRating"}, {@code "fromScore"}, {@code "score"}. */
        RATED,
        /** The lead moved to another stage, forward or back: {@code "fromStage"}, {@code "toStage"}. */
        STAGE_CHANGED,
        /** The lead was qualified: {@code "contactId"}, {@code "opportunityId"}, {@code "accountId"} if it named a company. */
        QUALIFIED,
        /** The lead was disqualified: {@code "reason"}. */
        DISQUALIFIED,
        /**
         * The lead was deleted: {@code "restorable"} is {@code "true"} when it went to the recycle bin,
         * {@code "false"} when it was erased at once; sent once per lead, not again when it is purged.
         */
        DELETED,
        /** A deleted lead was restored from the recycle bin; no details. */
        RESTORED
    }
}
