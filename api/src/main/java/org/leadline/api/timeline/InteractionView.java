package org.leadline.api.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.Ids;
import org.leadline.api.page.PageInfo;

/**
 * An interaction as the API reads and writes it. The server owns the read-only members, which a
 * client may send back unchanged. A request body is read into this record.
 */
@Schema(name = "LeadInteraction", description = "A contact between an employee and the lead: a call, an e-mail, "
        + "a meeting, a letter, a social-network message.",
        example = """
                {"medium": "PHONE", "direction": "OUTBOUND", "purpose": "Follow-up after the trade fair",
                 "content": {"text": "Talked through the pilot; she wants a proposal for 40 sellers",
                             "brochure": "CRM overview 2026"},
                 "occurredAt": "2026-12-04T10:15:00Z", "outcome": "Send a proposal by Friday"}""")
public record InteractionView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, format = "uuid") String leadId,
        @Pattern(regexp = Ids.PATTERN, message = "is not a user of this tenant")
        @Schema(format = "uuid", description = "The employee (a user of the tenant) who was in touch; the caller "
                + "when absent") String employeeId,
        @NotNull(message = "is required") Medium medium,
        @NotNull(message = "is required") Direction direction,
        @Size(max = 200) String purpose,
        @Valid Content content,
        @Schema(description = "When it happened; the time of creation when absent") Instant occurredAt,
        @Size(max = 2000) String outcome,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true, format = "uuid") String createdBy,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version) {

    /** The most attachments an interaction may have. */
    public static final int MAX_ATTACHMENTS = 20;

    /** What was said, sent or shown. */
    @Schema(name = "LeadInteractionContent")
    public record Content(
            @Size(max = 10000) String text,
            @Size(max = 200) String brochure,
            @Size(max = MAX_ATTACHMENTS) @Valid List<Attachment> attachments) {
    }

    /** A document that went with the interaction, kept elsewhere (e.g. in a DMS). */
    @Schema(name = "LeadInteractionAttachment")
    public record Attachment(
            @NotNull @Size(max = Attachment.MAX_NAME) String name,
            @NotNull @Size(max = Attachment.MAX_REFERENCE)
            @Schema(description = "Where the document is kept, e.g. its address in the DMS") String reference) {

        /** The longest name. */
        public static final int MAX_NAME = 200;
        /** The longest reference. */
        public static final int MAX_REFERENCE = 500;
    }

    /** A page of interactions. */
    @Schema(name = "LeadInteractionPage")
    public record Page(@NotNull List<InteractionView> items, @NotNull PageInfo page) {
    }
}
