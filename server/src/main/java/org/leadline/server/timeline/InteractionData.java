package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import org.leadline.api.timeline.Direction;
import org.leadline.api.timeline.InteractionView;
import org.leadline.api.timeline.Medium;

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

    public static final int MAX_ATTACHMENTS = InteractionView.MAX_ATTACHMENTS;

    /** What was said, sent or shown. Attachments are references to documents kept elsewhere. */
    public record Content(String text, String brochure, List<Attachment> attachments) {
    }

    /** A document that went with the interaction, e.g. a file name and its location in the DMS. */
    public record Attachment(String name, String reference) {
        public static final int MAX_NAME = InteractionView.Attachment.MAX_NAME;
        public static final int MAX_REFERENCE = InteractionView.Attachment.MAX_REFERENCE;
    }
}
