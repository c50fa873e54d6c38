package org.leadline.plugins.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.MailboxSource;

/** The IMAP side of the e-mail source against a real IMAP server (GreenMail) in this JVM. */
class ImapMailboxTest {

    private static final System.Logger LOG = System.getLogger(ImapMailboxTest.class.getName());

    private GreenMail imap;
    private GreenMailUser user;

    @BeforeEach
    void start() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        user = imap.setUser("leads@example.com", "leads", "secret");
    }

    @AfterEach
    void stop() {
        imap.stop();
    }

    private void deliver(int n) throws Exception {
        String raw = "From: Kim Park <kim" + n + "@example.org>\r\nTo: leads@example.com\r\nSubject: Enquiry " + n
                + "\r\nMessage-ID: <m" + n + "@example.org>\r\n\r\nPlease call me.\r\n";
        user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new HashMap<>();
        s.put("imapHost", "127.0.0.1");
        s.put("imapPort", (long) imap.getImap().getPort());
        s.put("imapTls", false);
        s.put("imapUser", "leads");
        s.put("imapPassword", "secret");
        s.put("imapFolder", "INBOX");
        s.put("processedFolder", "Done");
        s.put("pollIntervalSeconds", 0L);
        s.put("maxPerPoll", 2L);
        return s;
    }

    private int count(String folder) throws Exception {
        var f = "INBOX".equals(folder) ? imap.getManagers().getImapHostManager().getInbox(user)
                : imap.getManagers().getImapHostManager().getFolder(user, folder);
        return f == null ? 0 : f.getMessageCount();
    }

    @Test
    void fetchesOldestFirstUpToTheLimitAndMovesOnlyWhatWasAcknowledged() throws Exception {
        deliver(1);
        deliver(2);
        deliver(3);
        ImapMailbox box = new ImapMailbox(ExtensionConfig.of(settings()), LOG, OpenEgress.INSTANCE);
        List<InboundMaterial> first = box.fetch(10);
        assertEquals(2, first.size(), "maxPerPoll");
        assertEquals("Enquiry 1", first.get(0).name());
        assertEquals("message/rfc822", first.get(0).mediaType());
        assertTrue(new String(first.get(0).content(), StandardCharsets.US_ASCII).contains("Message-ID: <m1@example.org>"));
        String ref = first.get(0).attributes().get(MailboxSource.MAILBOX_REF);
        assertTrue(ref.matches("\\d+:\\d+"), ref);

        box.acknowledge(List.of(ref, "1:999999", "rubbish"));
        assertEquals(2, count("INBOX"));
        assertEquals(1, count("Done"), "the processed folder is created and holds the message");

        List<InboundMaterial> second = box.fetch(1);
        assertEquals(1, second.size(), "the caller's limit");
        assertEquals("Enquiry 2", second.get(0).name());
        box.acknowledge(List.of(second.get(0).attributes().get(MailboxSource.MAILBOX_REF)));
        assertEquals(List.of("Enquiry 3"), box.fetch(10).stream().map(InboundMaterial::name).toList());
        assertEquals(2, count("Done"));
    }

    @Test
    void aMessageOverTheSizeLimitIsNotDownloadedAndStaysInTheFolder() throws Exception {
        String big = "From: Big <big@example.org>\r\nSubject: Huge\r\nMessage-ID: <big@example.org>\r\n\r\n"
                + "x".repeat(5000) + "\r\n";
        user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(big.getBytes(StandardCharsets.US_ASCII))));
        deliver(1);
        Map<String, Object> s = settings();
        s.put("maxMessageBytes", 2000L);
        ImapMailbox box = new ImapMailbox(ExtensionConfig.of(s), LOG, OpenEgress.INSTANCE);
        List<InboundMaterial> got = box.fetch(10);
        assertEquals(List.of("Enquiry 1"), got.stream().map(InboundMaterial::name).toList());
        box.acknowledge(got.stream().map(m -> m.attributes().get(MailboxSource.MAILBOX_REF)).toList());
        assertEquals(1, count("INBOX"), "the large message stays");
        assertEquals(1, count("Done"));
    }

    @Test
    void aWrongPasswordFailsTheFetch() throws Exception {
        deliver(1);
        Map<String, Object> s = settings();
        s.put("imapPassword", "wrong");
        assertThrows(jakarta.mail.AuthenticationFailedException.class, () -> new ImapMailbox(ExtensionConfig.of(s), LOG, OpenEgress.INSTANCE).fetch(10));
        assertEquals(1, count("INBOX"));
    }

    @Test
    void theIntervalSaysWhetherAndHowOftenToPoll() {
        Map<String, Object> s = settings();
        assertEquals(Optional.of(Duration.ZERO), ImapMailbox.pollInterval(ExtensionConfig.of(s)));
        s.put("pollIntervalSeconds", 1L);
        assertEquals(Optional.of(Duration.ofSeconds(ImapMailbox.MIN_INTERVAL_SECONDS)), ImapMailbox.pollInterval(ExtensionConfig.of(s)));
        s.put("pollIntervalSeconds", 300L);
        assertEquals(Optional.of(Duration.ofMinutes(5)), ImapMailbox.pollInterval(ExtensionConfig.of(s)));
        s.remove("imapHost");
        assertEquals(Optional.empty(), ImapMailbox.pollInterval(ExtensionConfig.of(s)));
    }
}
