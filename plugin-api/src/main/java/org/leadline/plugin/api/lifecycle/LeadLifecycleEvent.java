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

    /** The kinds of lifecycle events. */
    public enum Kind { CREATED, UPDATED, RATED, STAGE_CHANGED, QUALIFIED, DISQUALIFIED, DELETED, RESTORED }
}
