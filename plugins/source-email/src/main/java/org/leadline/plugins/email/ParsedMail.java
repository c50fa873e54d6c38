package org.leadline.plugins.email;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the MIME layer gives: decoded headers of interest, the sender, the readable text (plain, or
 * HTML turned into text) and a message attached as {@code message/rfc822} (a forward as attachment).
 *
 * @param headers lower-case header names to their first decoded value, for the non-lead rules
 */
record ParsedMail(String fromName, String fromAddress, String subject, Instant sentAt, String messageId,
                  List<String> references, Map<String, String> headers, String contentType, String text,
                  String textFrom, ParsedMail attached) {
}
