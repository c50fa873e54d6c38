package org.leadline.plugin.api.source;

import java.time.Instant;
import java.util.List;

/**
 * A message a lead came with, e.g. the e-mail that asked for an offer.
 *
 * @param medium     how it came: {@code EMAIL}, {@code LETTER}, {@code SOCIAL} or {@code OTHER}
 * @param messageId  the message's own id (an e-mail's Message-ID without angle brackets), or null;
 *                   the same id is taken in once per tenant
 * @param references ids of the messages this one answers (In-Reply-To and References), oldest first;
 *                   a reference to a message the tenant already took in attaches this one to that lead
 * @param sentAt     when it was sent, or null for "now"
 * @param subject    the subject, or null
 * @param text       the readable text, or null
 */
public record InboundMessage(String medium, String messageId, List<String> references, Instant sentAt,
                             String subject, String text) {

    public InboundMessage {
        medium = medium == null ? "OTHER" : medium;
        references = references == null ? List.of() : List.copyOf(references);
    }
}
