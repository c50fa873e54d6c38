package org.leadline.server.capture;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.plugins.LeadSources;

/**
 * One of the tenant's mailboxes and what its last poll did. {@code lastPoll} is sent as null (not
 * left out) before the first poll, so it is a JSON value here.
 */
@Schema(name = "Mailbox", description = "A lead source polling a mailbox, and what its last poll did")
public record MailboxView(
        @NotNull @Schema(description = "The plugin of the lead source") String plugin,
        @NotNull @Schema(description = "The lead source within its plugin") String extension,
        @NotNull @Schema(description = "0 when the mailbox is only polled on request") Long pollIntervalSeconds,
        @Schema(implementation = LastPoll.class, required = true, nullable = true, description = "null until the first poll")
        JsonValue lastPoll,
        @Schema(description = "The last poll that failed, if any") LastError lastError,
        @Schema(description = "When the next scheduled poll is due") Instant nextPollAfter) {

    static MailboxView of(LeadSources.Mailbox m, MailboxPolling.Status s) {
        if (s == null) {
            return new MailboxView(m.pluginId(), m.extensionId(), m.interval().toSeconds(), JsonValue.NULL, null, null);
        }
        java.util.Map<IntakeOutcome.Kind, Integer> o = s.outcomes();
        Outcomes outcomes = new Outcomes(o.getOrDefault(IntakeOutcome.Kind.CREATED, 0),
                o.getOrDefault(IntakeOutcome.Kind.DUPLICATE, 0), o.getOrDefault(IntakeOutcome.Kind.ATTACHED, 0),
                o.getOrDefault(IntakeOutcome.Kind.IGNORED, 0), o.getOrDefault(IntakeOutcome.Kind.INVALID, 0));
        LastPoll last = new LastPoll(s.at(), s.fetched(), outcomes, s.overLimit(), s.failed(), s.acknowledged(), s.error());
        return new MailboxView(m.pluginId(), m.extensionId(), m.interval().toSeconds(), RecordJson.toJson(last),
                s.lastError() == null ? null : new LastError(s.lastErrorAt(), s.lastError()),
                m.interval().isZero() ? null : s.at().plus(m.interval()));
    }

    /** The tenant's mailboxes. */
    @Schema(name = "MailboxList")
    public record Mailboxes(@NotNull List<MailboxView> mailboxes) {
    }

    /** What one poll did. */
    @Schema(name = "MailboxPoll")
    public record LastPoll(
            @NotNull Instant at,
            @NotNull @Schema(description = "Messages fetched") Integer fetched,
            @NotNull @Schema(description = "Messages per intake outcome") Outcomes outcomes,
            @NotNull @Schema(description = "Messages over the size limit") Integer overLimit,
            @NotNull @Schema(description = "Messages that could not be taken") Integer failed,
            @NotNull @Schema(description = "Messages moved out of the polled folder") Integer moved,
            @Schema(description = "Why the poll failed") String error) {
    }

    /** Messages per intake outcome. */
    @Schema(name = "MailboxPollOutcomes")
    public record Outcomes(
            @NotNull Integer CREATED,
            @NotNull Integer DUPLICATE,
            @NotNull Integer ATTACHED,
            @NotNull Integer IGNORED,
            @NotNull Integer INVALID) {
    }

    /** The last failed poll. */
    @Schema(name = "MailboxPollError")
    public record LastError(@NotNull Instant at, @NotNull String error) {
    }
}
