package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/**
 * One entry of a lead's timeline as {@link TimelineResource} writes it. {@code employeeId} and
 * {@code item} are always present and may be null.
 */
@Schema(name = "LeadTimelineEntry", description = "Something that happened on the lead")
public record TimelineEntryView(
        @NotNull @Schema(format = "uuid", description = "The id of the item the entry shows") String id,
        @NotNull TimelineKind kind,
        @NotNull Instant occurredAt,
        @Schema(nullable = true, required = true, format = "uuid", description = "The employee the entry is attributed to; null when "
                + "none (e.g. a post by the lead)") String employeeId,
        @Schema(ref = TimelineEntryView.ITEM, nullable = true, required = true, description = "The item as its own "
                + "resource shows it, by kind: an interaction, a note, a social post, an audit entry, a stage or rating "
                + "change, a merge, a recommendation decision; null when it cannot be shown") Record item) {

    /** The document's name of the union of every kind's item. */
    public static final String ITEM = "TimelineItem";

    /** An entry of the feed as the API shows it. */
    public static TimelineEntryView of(TimelineFeed.Entry e) {
        return new TimelineEntryView(e.entry().id(), e.entry().kind(), e.entry().occurredAt(), e.entry().actorId(), e.item());
    }

    /** A page of the timeline. */
    @Schema(name = "LeadTimelinePage")
    public record Page(@NotNull List<TimelineEntryView> items, @NotNull PageInfo page) {
    }
}
