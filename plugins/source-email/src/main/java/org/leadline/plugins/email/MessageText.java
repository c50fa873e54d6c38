package org.leadline.plugins.email;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a message's text that matter for a lead: a forwarded original (its sender and its
 * text), and the author's own words without the quoted reply chain.
 */
final class MessageText {

    /** A forwarded message found in the text: the header lines the mail client wrote, and what follows. */
    record Forwarded(String from, String subject, String text) {
    }

    /**
     * Lines that only a forward writes. "Original Message" is not among them: Outlook, AOL, Yahoo and
     * Comcast start the quoted history of a plain reply with it, so it marks a forward only under a
     * forward's subject.
     */
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "^\\s*(-{2,}\\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\\s*-{2,}|"
                    + "begin forwarded message:|anfang der weitergeleiteten nachricht:|"
                    + "-{3,}\\s*(forwarded by|weitergeleitet von)\\s.{1,200}-{3,})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_SUBJECT = Pattern.compile("^\\s*(re|aw|antw|sv)\\s*(\\[\\d+\\])?\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*\\*?(from|von|date|datum|sent|gesendet|to|an|cc|kopie|blindkopie|subject|betreff|thema|reply-to|antwort an)\\*?\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_START = Pattern.compile(
            "^\\s*(on\\s.{4,200}\\swrote:|am\\s.{4,200}\\sschrieb.{0,200}:|le\\s.{4,200}\\sa écrit\\s?:|"
                    + ".{1,200}\\s(wrote|schrieb)\\s(on|am)\\s.{4,100}:|am\\s.{4,200}\\shat\\s.{1,200}\\sfolgendes geschrieben\\s?:|"
                    + "-{3,}\\s*(original message|ursprüngliche nachricht)\\s*-{3,})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_SUBJECT = Pattern.compile("^\\s*(fwd?|wg|tr|vs|fw)\\s*:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_PREFIX = Pattern.compile("^\\s*((re|aw|wg|fwd?|tr|sv|vs|antw)\\s*(\\[\\d+\\])?\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    /** A control character with the white space around it: one space in a topic. */
    private static final Pattern CONTROL = Pattern.compile("\\s*[\\p{Cc}\\u2028\\u2029][\\p{Cc}\\u2028\\u2029\\s]*");

    private MessageText() {
    }

    static boolean forwardSubject(String subject) {
        return subject != null && FORWARD_SUBJECT.matcher(subject).matches();
    }

    static String topic(String subject) {
        if (subject == null) {
            return null;
        }
        // A topic is one line: line breaks and other control characters that an encoded word (RFC 2047)
        // or a folded header brought into the subject become one space each run.
        String line = CONTROL.matcher(subject).replaceAll(" ");
        String t = SUBJECT_PREFIX.matcher(line).replaceFirst("").strip();
        return t.isEmpty() ? null : t;
    }

    static boolean replySubject(String subject) {
        return subject != null && REPLY_SUBJECT.matcher(subject).matches();
    }

    /**
     * A forwarded message in the text: after a forward marker (Gmail, Thunderbird, Apple Mail, GMX,
     * HCL Notes), or, in a mail whose subject says it is a forward, after "Original Message" or at a
     * header block ("From:" and "Sent:", in any order, as Outlook and GMX write them). A reply is
     * never read as a forward, whatever its quoted history holds.
     */
    static Forwarded forwarded(String text, boolean forwardSubject, boolean replySubject) {
        if (replySubject && !forwardSubject) {
            return null;
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean marker = FORWARD_MARKER.matcher(line).matches()
                    || line.strip().matches("(?i)-{3,}\\s*(original message|ursprüngliche nachricht)\\s*-{3,}") && forwardSubject;
            boolean outlookBlock = forwardSubject && headerBlockAt(lines, i);
            if (!marker && !outlookBlock) {
                continue;
            }
            int j = marker ? i + 1 : i;
            String from = null;
            String subject = null;
            while (j < lines.size() && lines.get(j).isBlank()) {
                j++;
            }
            for (; j < lines.size(); j++) {
                Matcher m = HEADER_LINE.matcher(lines.get(j));
                if (!m.matches()) {
                    break;
                }
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if ((name.equals("from") || name.equals("von")) && from == null) {
                    from = m.group(2).strip();
                } else if ((name.equals("subject") || name.equals("betreff")) && subject == null) {
                    subject = m.group(2).strip();
                }
            }
            if (from != null) {
                String rest = String.join("\n", lines.subList(Math.min(j, lines.size()), lines.size())).strip();
                return new Forwarded(from.replaceAll("\\[mailto:([^\\]]+)]", "<$1>").replace("*", "").strip(), subject, rest);
            }
        }
        return null;
    }

    static Forwarded forwarded(String text, boolean forwardSubject) {
        return forwarded(text, forwardSubject, false);
    }

    private static boolean isFromLine(String line) {
        return line.strip().matches("(?i)\\*?(from|von)\\*?\\s*:.+");
    }

    private static boolean isDateLine(String line) {
        return line.strip().matches("(?i)\\*?(sent|gesendet|date|datum)\\*?\\s*:.+");
    }

    /** A quoted header block starts at line i: a From and a Sent/Date line within its first four lines. */
    private static boolean headerBlockAt(List<String> lines, int i) {
        String line = lines.get(i);
        if (!isFromLine(line) && !isDateLine(line)) {
            return false;
        }
        // The block's lines up to four, ending at a blank line; each must be a header line.
        int end = i;
        while (end < Math.min(lines.size(), i + 4) && !lines.get(end).isBlank()) {
            if (!HEADER_LINE.matcher(lines.get(end)).matches()) {
                return false;
            }
            end++;
        }
        List<String> block = lines.subList(i, end);
        return block.stream().anyMatch(MessageText::isFromLine) && block.stream().anyMatch(MessageText::isDateLine);
    }

    /** The author's own words: the text before the quoted chain (an attribution line, a quote, an Outlook header block). */
    static String ownWords(String text) {
        List<String> lines = text.lines().toList();
        int end = quoteStart(lines, 0);
        if (lines.subList(0, end).stream().allMatch(String::isBlank) && end < lines.size()) {
            // Bottom-posting (Thunderbird, mailing-list manners): the quote comes first, the author's
            // words after it.
            int after = end;
            while (after < lines.size() && (lines.get(after).startsWith(">") || lines.get(after).isBlank()
                    || after == end)) {
                after++;
            }
            if (after < lines.size()) {
                int next = quoteStart(lines, after);
                return String.join("\n", lines.subList(after, next)).strip();
            }
        }
        return String.join("\n", lines.subList(0, end)).strip();
    }

    /** The first line at or after {@code from} where the quoted history starts; the line count when none does. */
    private static int quoteStart(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">") || QUOTE_START.matcher(line).matches() || headerBlockAt(lines, i)
                    || FORWARD_MARKER.matcher(line).matches()) {
                return i;
            }
            // Outlook's rule above a quoted header block; the same rule inside a signature is no quote.
            if (line.strip().matches("_{10,}") && i + 1 < lines.size() && headerBlockAt(lines, i + 1)) {
                return i;
            }
            // Gmail wraps a long attribution: "On Mon, 3 Mar 2026 at 10:00, Anna <a@b.c>" / "wrote:".
            if (i + 1 < lines.size() && line.strip().matches("(?i)(on|am)\\s.{4,200}") && lines.get(i + 1).strip().matches("(?i).*(wrote|schrieb.*):")) {
                return i;
            }
        }
        return lines.size();
    }
}
