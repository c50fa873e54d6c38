package org.leadline.plugins.email;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.net.Egress;
import org.leadline.plugin.api.net.EgressException;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.MailboxSource;

/**
 * The tenant's IMAP folder: waiting messages are fetched oldest first with their UID as reference
 * ({@code <uidvalidity>:<uid>}, so a folder that was re-created never gets the wrong message
 * moved), and acknowledged ones are moved to the processed folder (IMAP MOVE where the server has
 * it, else copy, flag deleted and expunge). Connections time out, so a dead server cannot hang a poll.
 */
final class ImapMailbox {

    static final int CONNECT_TIMEOUT_MS = 15_000;
    static final int READ_TIMEOUT_MS = 30_000;
    static final int MAX_PER_POLL = 500;
    /** Text without control characters: what an IMAP command line can carry. */
    private static final String ONE_LINE = "[^\\p{Cc}]*";
    static final long MIN_INTERVAL_SECONDS = 5;
    static final long DEFAULT_MAX_MESSAGE_BYTES = 10L * 1024 * 1024;
    /** The most bytes one fetch hands out (a message larger than this alone is still handed out alone). */
    static final long MAX_BYTES_PER_FETCH = 64L * 1024 * 1024;

    static List<Setting> settings() {
        return List.of(
                Setting.of("imapHost", SettingType.HOST)
                        .help("The IMAP server of the mailbox to poll for leads; empty: no mailbox. Internal "
                                + "addresses are refused unless the platform administrator allowed them"),
                Setting.of("imapPort", SettingType.INTEGER).defaultValue("993").range(1, 65_535).help("The IMAP server's port"),
                Setting.of("imapTls", SettingType.BOOLEAN).defaultValue("true")
                        .help("Connect with TLS (IMAPS); turn off only for a server on a trusted network"),
                Setting.of("imapUser", SettingType.STRING).pattern(ONE_LINE).help("The user name of the mailbox"),
                Setting.of("imapPassword", SettingType.STRING).asSecret().help("The password of the mailbox"),
                Setting.of("imapFolder", SettingType.STRING).defaultValue("INBOX").pattern(ONE_LINE).help("The folder to take leads from"),
                Setting.of("processedFolder", SettingType.STRING).defaultValue("Processed").pattern(ONE_LINE)
                        .help("Where taken-in messages are moved; created when missing"),
                Setting.of("pollIntervalSeconds", SettingType.INTEGER).defaultValue("0").range(0, 86_400)
                        .help("Seconds between polls (at least " + MIN_INTERVAL_SECONDS + "); 0: only when an administrator asks"),
                Setting.of("maxPerPoll", SettingType.INTEGER).defaultValue("50").range(1, MAX_PER_POLL)
                        .help("Most messages taken per poll (at most " + MAX_PER_POLL + ")"),
                Setting.of("maxMessageBytes", SettingType.INTEGER).defaultValue(String.valueOf(DEFAULT_MAX_MESSAGE_BYTES))
                        .range(1, 64L * 1024 * 1024)
                        .help("A larger message is not downloaded: it stays in the folder and the plugin log says so"));
    }

    private final ExtensionConfig config;
    private final System.Logger logger;
    private final Egress egress;

    /** @param egress every connection to the mailbox server is made through it */
    ImapMailbox(ExtensionConfig config, System.Logger logger, Egress egress) {
        this.config = config;
        this.logger = logger;
        this.egress = egress;
    }

    static Optional<Duration> pollInterval(ExtensionConfig config) {
        if (text(config, "imapHost").isEmpty()) {
            return Optional.empty();
        }
        long seconds = number(config, "pollIntervalSeconds", 0);
        return Optional.of(seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.max(MIN_INTERVAL_SECONDS, seconds)));
    }

    List<InboundMaterial> fetch(int max) throws MessagingException, java.io.IOException {
        int limit = (int) Math.max(1, Math.min(Math.min(max, MAX_PER_POLL), number(config, "maxPerPoll", 50)));
        Store store = connect();
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(text(config, "imapFolder").orElse("INBOX"));
            folder.open(Folder.READ_ONLY);
            try {
                Message[] waiting = folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false));
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                folder.fetch(waiting, profile);
                long validity = folder.getUIDValidity();
                long maxBytes = Math.max(1, number(config, "maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES));
                List<InboundMaterial> out = new ArrayList<>();
                long total = 0;
                for (Message m : waiting) {
                    if (out.size() >= limit) {
                        break;
                    }
                    int size = m.getSize();
                    if (size > maxBytes) {
                        logger.log(System.Logger.Level.WARNING, "Message UID " + folder.getUID(m) + " in "
                                + folder.getFullName() + " has " + size + " bytes, over maxMessageBytes " + maxBytes
                                + "; it stays in the folder");
                        continue;
                    }
                    if (!out.isEmpty() && total + Math.max(0, size) > MAX_BYTES_PER_FETCH) {
                        break;
                    }
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(0, size));
                    m.writeTo(bytes);
                    if (bytes.size() > maxBytes) {
                        continue;
                    }
                    total += bytes.size();
                    Map<String, String> attributes = new HashMap<>();
                    attributes.put(MailboxSource.MAILBOX_REF, validity + ":" + folder.getUID(m));
                    attributes.put("mailbox", folder.getFullName());
                    out.add(new InboundMaterial("message/rfc822", m.getSubject(), attributes, bytes.toByteArray()));
                }
                return out;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    void acknowledge(List<String> refs) throws MessagingException, EgressException {
        if (refs.isEmpty()) {
            return;
        }
        IMAPStore store = connect();
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(text(config, "imapFolder").orElse("INBOX"));
            folder.open(Folder.READ_WRITE);
            try {
                long validity = folder.getUIDValidity();
                List<Long> uids = new ArrayList<>();
                for (String ref : refs) {
                    int colon = ref.indexOf(':');
                    try {
                        if (colon > 0 && Long.parseLong(ref.substring(0, colon)) == validity) {
                            uids.add(Long.parseLong(ref.substring(colon + 1)));
                        }
                    } catch (NumberFormatException e) {
                        // Not one of ours: skipped.
                    }
                }
                if (uids.isEmpty()) {
                    return;
                }
                Message[] messages = java.util.Arrays.stream(
                                folder.getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray()))
                        .filter(m -> m != null).toArray(Message[]::new);
                if (messages.length == 0) {
                    return;
                }
                Folder processed = store.getFolder(text(config, "processedFolder").orElse("Processed"));
                if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("The folder " + processed.getFullName() + " cannot be created");
                }
                if (store.hasCapability("MOVE")) {
                    folder.moveMessages(messages, processed);
                } else {
                    folder.copyMessages(messages, processed);
                    folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                    folder.expunge(messages);
                }
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } finally {
            store.close();
        }
    }

    private IMAPStore connect() throws MessagingException, EgressException {
        String host = text(config, "imapHost").orElseThrow(() -> new MessagingException("No imapHost is set"));
        boolean tls = config.bool("imapTls").orElse(true);
        String protocol = tls ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.put("mail." + protocol + ".timeout", String.valueOf(READ_TIMEOUT_MS));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(READ_TIMEOUT_MS));
        if (tls) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        // Every socket through the server's egress policy (TLS is layered on top by Jakarta Mail,
        // for the host name as configured); never a plain socket when that one is refused.
        p.put("mail." + protocol + ".socketFactory", egress.socketFactory(Duration.ofMillis(CONNECT_TIMEOUT_MS)));
        p.put("mail." + protocol + ".socketFactory.fallback", "false");
        Session session = Session.getInstance(p);
        IMAPStore store = (IMAPStore) session.getStore(protocol);
        try {
            store.connect(host, (int) number(config, "imapPort", tls ? 993 : 143),
                    text(config, "imapUser").orElse(null), text(config, "imapPassword").orElse(null));
        } catch (AuthenticationFailedException e) {
            // An IMAP server answered and refused the user name or password: worth telling as it is.
            throw e;
        } catch (MessagingException e) {
            // Refused by policy, or no IMAP server greeted us (closed port, another service, TLS
            // failure, time-out): one message each, so the status cannot map a network's ports.
            // The server log keeps the reason for the platform administrator.
            logger.log(System.Logger.Level.INFO, "Mailbox " + host + " not reached: " + e);
            throw EgressException.in(e).orElseGet(EgressException::unreachable);
        }
        return store;
    }

    private static Optional<String> text(ExtensionConfig config, String name) {
        try {
            return config.string(name).map(String::strip).filter(s -> !s.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long number(ExtensionConfig config, String name, long fallback) {
        try {
            return config.integer(name).orElse(fallback);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
