package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a client writes about an interaction. {@code employeeId} null means the caller.
 */
public record InteractionData(
        String employeeId,
        @NotNull(message = "is required") Medium medium,
        @NotNull(message = "is required") Direction direction,
        @Size(max = 200) String purpose,
        @Valid Content content,
        Instant occurredAt,
        @Size(max = 2000) String outcome) {

    public static final int MAX_ATTACHMENTS = 20;

    /** What was said, sent or shown. Attachments are references to documents kept elsewhere. */
    public record Content(
            @Size(max = 10000) String text,
            @Size(max = 200) String brochure,
            @Size(max = MAX_ATTACHMENTS) List<Attachment> attachments) {
    }

    /**
     * A document that went with the interaction, e.g. a file name and its location in the DMS.
     * Checked while reading, where each element's path ({@code content.attachments[2].name}) is known.
     */
    public record Attachment(String name, String reference) {
        public static final int MAX_NAME = 200;
        public static final int MAX_REFERENCE = 500;
    }
}
