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

    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "^\\s*(-{2,}\\s*(forwarded message|weitergeleitete nachricht|original message|ursprüngliche nachricht|"
                    + "message transféré|mensaje reenviado)\\s*-{2,}|begin forwarded message:|"
                    + "anfang der weitergeleiteten nachricht:)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*\\*?(from|von|date|datum|sent|gesendet|to|an|cc|subject|betreff|reply-to|antwort an)\\*?\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_START = Pattern.compile(
            "^\\s*(on\\s.{4,200}\\swrote:|am\\s.{4,200}\\sschrieb.{0,200}:|le\\s.{4,200}\\sa écrit\\s?:|"
                    + "-{3,}\\s*(original message|ursprüngliche nachricht)\\s*-{3,}|_{10,})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_SUBJECT = Pattern.compile("^\\s*(fwd?|wg|tr|vs|fw)\\s*:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_PREFIX = Pattern.compile("^\\s*((re|aw|wg|fwd?|tr|sv|vs|antw)\\s*(\\[\\d+\\])?\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private MessageText() {
    }

    static boolean forwardSubject(String subject) {
        return subject != null && FORWARD_SUBJECT.matcher(subject).matches();
    }

    static String topic(String subject) {
        if (subject == null) {
            return null;
        }
        String t = SUBJECT_PREFIX.matcher(subject).replaceFirst("").strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * A forwarded message in the text: after a client's forward marker (Gmail, Thunderbird, Apple
     * Mail, Outlook), or an Outlook-style header block ("From:" then "Sent:"/"Gesendet:") in a mail
     * whose subject says it is a forward.
     */
    static Forwarded forwarded(String text, boolean forwardSubject) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean marker = FORWARD_MARKER.matcher(line).matches()
                    || line.strip().matches("(?i)-{3,}\\s*(original message|ursprüngliche nachricht)\\s*-{3,}") && forwardSubject;
            boolean outlookBlock = forwardSubject && isFromLine(line) && i + 1 < lines.size()
                    && lines.subList(i + 1, Math.min(lines.size(), i + 4)).stream().anyMatch(MessageText::isDateLine);
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

    private static boolean isFromLine(String line) {
        return line.strip().matches("(?i)\\*?(from|von)\\*?\\s*:.+");
    }

    private static boolean isDateLine(String line) {
        return line.strip().matches("(?i)\\*?(sent|gesendet|date|datum)\\*?\\s*:.+");
    }

    /** The author's own words: the text before the quoted chain (an attribution line, a quote, an Outlook header block). */
    static String ownWords(String text) {
        List<String> lines = text.lines().toList();
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">") || QUOTE_START.matcher(line).matches()
                    || isFromLine(line) && lines.subList(i + 1, Math.min(lines.size(), i + 4)).stream().anyMatch(MessageText::isDateLine)) {
                end = i;
                break;
            }
            // Gmail wraps a long attribution: "On Mon, 3 Mar 2026 at 10:00, Anna <a@b.c>" / "wrote:".
            if (i + 1 < lines.size() && line.strip().matches("(?i)(on|am)\\s.{4,200}") && lines.get(i + 1).strip().matches("(?i).*(wrote|schrieb.*):")) {
                end = i;
                break;
            }
        }
        return String.join("\n", lines.subList(0, end)).strip();
    }
}
