package org.leadline.plugins.email;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises mail that is no enquiry: bounces, automatic replies, bulk and list mail, and mail from
 * addresses nobody reads. Headers decide where they can (RFC 3834 Auto-Submitted, RFC 2369
 * List-*, Precedence, multipart/report); subjects only for the auto-replies that carry no header.
 */
final class NotLeadRules {

    private static final Pattern NO_REPLY = Pattern.compile(
            "(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?)([-+._].*)?");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(auto(matic|matische)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheitsnotiz|abwesenheit|"
                    + "automatische antwort|r[ée]ponse automatique|i am (currently )?out of|ich bin (derzeit |zurzeit )?nicht im b[üu]ro)"
                    + ".*");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(undeliver(ed|able)|delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|"
                    + "unzustellbar|nicht zustellbar).*");

    /** The unsubscribe offer bulk mail carries even when it sends no List-Unsubscribe header. */
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "(?iu)\\b(unsubscribe|newsletter abbestellen|newsletter abmelden|vom newsletter abmelden|abbestellen|"
                    + "se désabonner|se désinscrire|darse de baja)\\b");

    private NotLeadRules() {
    }

    static Optional<String> reason(ParsedMail m) {
        String contentType = m.contentType().toLowerCase(Locale.ROOT);
        String local = m.fromAddress() == null ? "" : m.fromAddress().substring(0, Math.max(0, m.fromAddress().indexOf('@')));
        String subject = m.subject() == null ? "" : m.subject().strip().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/report")) {
            return Optional.of("a delivery report (bounce): Content-Type multipart/report");
        }
        if (local.matches("(?i)mailer[-_.]?daemon|postmaster")) {
            return Optional.of("a delivery report (bounce) from " + m.fromAddress());
        }
        if (BOUNCE_SUBJECT.matcher(subject).matches() && m.headers().containsKey("x-failed-recipients")) {
            return Optional.of("a delivery report (bounce): X-Failed-Recipients");
        }
        String autoSubmitted = m.headers().get("auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("an automatic message (Auto-Submitted: " + autoSubmitted.strip() + ")");
        }
        for (String h : new String[] {"x-autoreply", "x-autorespond", "x-autoresponder"}) {
            if (m.headers().containsKey(h)) {
                return Optional.of("an automatic reply (" + h + ")");
            }
        }
        if ("oof".equalsIgnoreCase(String.valueOf(m.headers().get("x-ms-exchange-generated-message-source")).strip())) {
            return Optional.of("an automatic reply (Outlook out of office)");
        }
        if (AUTO_SUBJECT.matcher(subject).matches()) {
            return Optional.of("an automatic reply (subject \"" + MailReader.cut(m.subject().strip(), 80) + "\")");
        }
        String precedence = m.headers().get("precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|list|junk")) {
            return Optional.of("bulk mail (Precedence: " + precedence.strip() + ")");
        }
        if (m.headers().containsKey("list-unsubscribe")) {
            return Optional.of("a newsletter or list mail (List-Unsubscribe)");
        }
        if (m.headers().containsKey("list-id")) {
            return Optional.of("list mail (List-Id)");
        }
        // Only in the sender's own words: a prospect's reply to our own newsletter quotes its unsubscribe link.
        if (UNSUBSCRIBE.matcher(MessageText.ownWords(m.text())).find()) {
            return Optional.of("a newsletter (it offers to unsubscribe)");
        }
        if (NO_REPLY.matcher(local.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.of("sent from an address nobody reads (" + m.fromAddress() + ")");
        }
        if (m.fromAddress() == null) {
            return Optional.of("the message has no sender address");
        }
        return Optional.empty();
    }
}
