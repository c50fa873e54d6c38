package org.leadline.plugins.email;

/**
 * How much structure one message may have before it is refused unread: header fields in one header
 * block, characters of one header field, MIME nesting depth and parts in total. The defaults let
 * every real message through and stop the ones built to exhaust a parser.
 */
record MailLimits(int maxHeaders, int maxHeaderLength, int maxDepth, int maxParts) {

    static final MailLimits DEFAULTS = new MailLimits(500, 65_536, 12, 500);

    /** A message broke a limit; {@code limit} is the setting's name. */
    static final class Exceeded extends Exception {
        private static final long serialVersionUID = 1L;
        final String limit;

        Exceeded(String limit, String detail) {
            super(detail, null, false, false);
            this.limit = limit;
        }
    }
}
