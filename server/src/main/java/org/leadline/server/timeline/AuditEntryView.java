package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/**
 * One entry of a lead's audit history as {@link AuditTrail#write} (and {@link ImportedEntry} for an
 * imported lead) writes it.
 */
@Schema(name = "LeadAuditEntry", description = "Who created, changed, deleted or merged the lead or one of its "
        + "items, when, and which fields changed from what to what")
public record AuditEntryView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull @Schema(format = "uuid") String leadId,
        @NotNull Subject subject,
        @NotNull ChangeKind change,
        @NotNull @Schema(format = "uuid", description = "The user who made the change") String actorId,
        @NotNull Instant occurredAt,
        @NotNull List<Change> changes) {

    /** What the entry is about: the lead itself or one of its items. */
    @Schema(name = "LeadAuditSubject")
    public record Subject(@NotNull AuditSubject kind, @NotNull @Schema(format = "uuid") String id) {
    }

    /** One changed field; {@code from} and {@code to} are always present and may be null. */
    @Schema(name = "LeadAuditChange")
    public record Change(
            @NotNull @Schema(description = "The field's path, e.g. person.email") String field,
            @Schema(nullable = true, required = true, description = "The value before, as text; null when there was none") String from,
            @Schema(nullable = true, required = true, description = "The value after, as text; null when there is none") String to) {
    }

    /** A page of the audit history. */
    @Schema(name = "LeadAuditPage")
    public record Page(@NotNull List<AuditEntryView> items, @NotNull PageInfo page) {
    }
}
