package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

/**
 * What a client writes about an interaction, as checked by {@link InteractionView} (the record a body
 * is read into). {@code employeeId} null means the caller.
 */
public record InteractionData(
        String employeeId,
        Medium medium,
        Direction direction,
        String purpose,
        Content content,
        Instant occurredAt,
        String outcome) {

    public static final int MAX_ATTACHMENTS = 20;

    /** What was said, sent or shown. Attachments are references to documents kept elsewhere. */
    public record Content(String text, String brochure, List<Attachment> attachments) {
    }

    /** A document that went with the interaction, e.g. a file name and its location in the DMS. */
    public record Attachment(String name, String reference) {
        public static final int MAX_NAME = 200;
        public static final int MAX_REFERENCE = 500;
    }
}
