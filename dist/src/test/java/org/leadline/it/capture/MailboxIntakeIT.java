package org.leadline.it.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A tenant's leads arrive in an IMAP mailbox (a real IMAP server, GreenMail, in the test JVM): the
 * e-mail source polls it with the tenant's settings, enquiries become leads, replies join their
 * lead, auto-replies are set aside, every taken-in message is moved to the processed folder, and
 * the mailbox password is never shown again. What the last poll did outlives a restart. Other
 * tenants see none of it.
 */
class MailboxIntakeIT {

    private static final Path CORPUS = Path.of("..", "plugins", "source-email", "src", "test", "resources", "mail");
    private static final String SETTINGS = "/api/v1/extensions/source-email/email/settings";
    private static final String MAILBOX = "/api/v1/intake/mailbox";

    private static LeadlineServer server;
    private static GreenMail imap;

    @BeforeAll
    static void servers() {
        server = LeadlineServer.shared();
        imap = new GreenMail(new ServerSetup(0, LeadlineServer.OUTSIDE_HOST, ServerSetup.PROTOCOL_IMAP));
        imap.start();
    }

    @AfterAll
    static void stop() {
        if (imap != null) {
            imap.stop();
        }
    }

    private record Box(GreenMailUser user, String login, String password) {
    }

    private static Box newBox() {
        String login = "leads-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        return new Box(imap.setUser(login + "@example.com", login, password), login, password);
    }

    private static void deliver(Box box, String corpusFile) {
        deliver(box, mail(corpusFile));
    }

    private static void deliver(Box box, byte[] raw) {
        try {
            box.user().deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mail(String name) {
        try {
            return Files.readAllBytes(CORPUS.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Box box, String folder) {
        try {
            var f = "INBOX".equals(folder) ? imap.getManagers().getImapHostManager().getInbox(box.user())
                    : imap.getManagers().getImapHostManager().getFolder(box.user(), folder);
            return f == null ? 0 : f.getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response configure(Api api, Box box, long interval) {
        return api.put(SETTINGS, Json.createObjectBuilder().add("imapHost", LeadlineServer.OUTSIDE_HOST)
                .add("imapPort", imap.getImap().getPort()).add("imapTls", false).add("imapUser", box.login())
                .add("imapPassword", box.password()).add("processedFolder", "Taken")
                .add("pollIntervalSeconds", interval).build(), Map.of());
    }

    private static JsonObject pollNow(Api api, Box box) {
        Api.Response r = api.post(MAILBOX + "/poll");
        assertEquals(200, r.status(), r::toString);
        assertFalse(r.body().contains(box.password()), r::toString);
        assertEquals(1, r.json().getJsonArray("mailboxes").size(), r::toString);
        return r.json().getJsonArray("mailboxes").getJsonObject(0);
    }

    private static int outcome(JsonObject mailbox, String kind) {
        return mailbox.getJsonObject("lastPoll").getJsonObject("outcomes").getInt(kind);
    }

    @Test
    void aPolledMailboxBringsLeadsRepliesJoinTheirLeadAndEveryTakenMessageIsMoved() {
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Fixtures.TenantAdmin b = Fixtures.newTenant(server);
        Box box = newBox();
        deliver(box, "outlook-de-signature.eml");
        deliver(box, "auto-reply-header.eml");
        deliver(box, "gmail-en-html-only.eml");
        deliver(box, "gmail-reply-chain-en.eml");
        assertEquals(4, count(box, "INBOX"));

        Api.Response configured = configure(a.api(), box, 0);
        assertEquals(200, configured.status(), configured::toString);
        assertFalse(configured.body().contains(box.password()), configured::toString);
        Api.Response extension = a.api().get("/api/v1/extensions/source-email/email");
        assertFalse(extension.body().contains(box.password()), extension::toString);
        assertTrue(extension.json().getJsonArray("secretsSet").toString().contains("imapPassword"), extension::toString);

        JsonObject before = a.api().get(MAILBOX).json().getJsonArray("mailboxes").getJsonObject(0);
        assertEquals("source-email", before.getString("plugin"));
        assertEquals(0, before.getInt("pollIntervalSeconds"));
        assertEquals(JsonValue.NULL, before.get("lastPoll"));

        JsonObject polled = pollNow(a.api(), box);
        JsonObject last = polled.getJsonObject("lastPoll");
        assertEquals(4, last.getInt("fetched"), polled::toString);
        assertEquals(2, outcome(polled, "CREATED"), polled::toString);
        assertEquals(1, outcome(polled, "ATTACHED"), polled::toString);
        assertEquals(1, outcome(polled, "IGNORED"), polled::toString);
        assertEquals(0, last.getInt("failed"), polled::toString);
        assertEquals(4, last.getInt("moved"), polled::toString);
        assertFalse(last.containsKey("error"), polled::toString);
        assertEquals(0, count(box, "INBOX"));
        assertEquals(4, count(box, "Taken"));

        var leads = a.api().get("/api/v1/leads").items();
        assertEquals(2, leads.size(), leads::toString);
        String sarah = a.api().get("/api/v1/leads?q=sarah").items().getJsonObject(0).getString("id");
        JsonObject lead = a.api().get("/api/v1/leads/" + sarah).json();
        assertEquals("EMAIL", lead.getJsonObject("origin").getString("source"));
        assertEquals(a.userId(), lead.getString("ownerId"), lead::toString);
        assertEquals(2, a.api().get("/api/v1/leads/" + sarah + "/interactions").items().size());

        // Nothing waits any more: a second poll takes nothing.
        JsonObject again = pollNow(a.api(), box).getJsonObject("lastPoll");
        assertEquals(0, again.getInt("fetched"), again::toString);
        assertEquals(0, again.getInt("moved"), again::toString);
        assertEquals(2, a.api().get("/api/v1/leads").items().size());

        // The same message again (a crash before it was moved, or a resend): no second lead, moved all the same.
        deliver(box, "outlook-de-signature.eml");
        JsonObject replay = pollNow(a.api(), box);
        assertEquals(1, replay.getJsonObject("lastPoll").getInt("moved"), replay::toString);
        assertEquals(2, a.api().get("/api/v1/leads").items().size());
        assertEquals(5, count(box, "Taken"));

        // Tenant B has no mailbox: it sees none, cannot poll A's, and got none of A's leads.
        Api.Response none = b.api().get(MAILBOX);
        assertEquals(200, none.status(), none::toString);
        assertEquals(0, none.json().getJsonArray("mailboxes").size(), none::toString);
        Api.Response noPoll = b.api().post(MAILBOX + "/poll");
        assertEquals(409, noPoll.status(), noPoll::toString);
        assertTrue(noPoll.body().contains("imapHost"), noPoll::toString);
        assertEquals(0, b.api().get("/api/v1/leads").items().size());
        assertEquals(404, b.api().get("/api/v1/leads/" + sarah).status());

        // Only tenant administrators see and poll the mailbox.
        Api sales = Fixtures.newUser(server, a, "SALES").api();
        assertEquals(403, sales.get(MAILBOX).status());
        assertEquals(403, sales.post(MAILBOX + "/poll").status());
    }

    @Test
    void aMailboxWithAnIntervalIsPolledWithoutAnyoneAsking() throws InterruptedException {
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Box box = newBox();
        deliver(box, "outlook-de-signature.eml");
        assertEquals(200, configure(a.api(), box, 5).status());
        long deadline = System.currentTimeMillis() + 90_000;
        while (count(box, "Taken") < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(1, count(box, "Taken"), "the scheduled poll moved the message");
        assertEquals(1, a.api().get("/api/v1/leads").items().size());
        JsonObject status = a.api().get(MAILBOX).json().getJsonArray("mailboxes").getJsonObject(0);
        assertEquals(5, status.getInt("pollIntervalSeconds"));
        assertEquals(1, outcome(status, "CREATED"), status::toString);
        assertTrue(status.containsKey("nextPollAfter"), status::toString);
    }

    @Test
    void aMailboxThatRefusesTheLoginIsReportedAndLeftAsItIs() {
        Fixtures.TenantAdmin a = Fixtures.newTenant(server);
        Box box = newBox();
        deliver(box, "outlook-de-signature.eml");
        Box wrong = new Box(box.user(), box.login(), "not-" + box.password());
        assertEquals(200, configure(a.api(), wrong, 0).status());
        JsonObject polled = pollNow(a.api(), wrong);
        JsonObject last = polled.getJsonObject("lastPoll");
        assertEquals(0, last.getInt("fetched"), polled::toString);
        assertTrue(last.getString("error").startsWith("fetching"), polled::toString);
        assertTrue(polled.getJsonObject("lastError").getString("error").startsWith("fetching"), polled::toString);
        assertEquals(1, count(box, "INBOX"));
        assertEquals(0, a.api().get("/api/v1/leads").items().size());
    }

    @Test
    void theLastPollOutlivesARestartAndKeepsTheMailboxFromBeingPolledBeforeItIsDue() throws Exception {
        // A server of its own, to restart; it looks for due mailboxes every second.
        LeadlineServer own = LeadlineServer.start(Files.createTempDirectory("leadline-it-mailbox-"),
                Map.of("LEADLINE_CAPTURE_MAILBOX_TICK", "PT1S"));
        try {
            Fixtures.TenantAdmin a = Fixtures.newTenant(own);
            Fixtures.TenantAdmin b = Fixtures.newTenant(own);
            Box box = newBox();
            deliver(box, "outlook-de-signature.eml");
            // Polled on demand only (no interval), so this poll is the one that takes the message;
            // then given an interval of an hour, the mailbox is due an hour after that poll.
            assertEquals(200, configure(a.api(), box, 0).status());
            assertEquals(1, outcome(pollNow(a.api(), box), "CREATED"));
            assertEquals(200, configure(a.api(), box, 3600).status());
            JsonObject polled = mailbox(a.api());
            assertEquals(1, outcome(polled, "CREATED"), polled::toString);
            assertTrue(polled.containsKey("nextPollAfter"), polled::toString);
            // Tenant B's mailbox of the same source refuses the login: a failed poll is kept too.
            Box refused = newBox();
            assertEquals(200, configure(b.api(), new Box(refused.user(), refused.login(), "not-" + refused.password()), 0)
                    .status());
            JsonObject failed = pollNow(b.api(), refused);
            assertTrue(failed.getJsonObject("lastPoll").getString("error").startsWith("fetching"), failed::toString);

            own.restart();
            deliver(box, "gmail-en-html-only.eml");
            Api a2 = own.api().login(a.slug(), a.username(), a.password());
            Api b2 = own.api().login(b.slug(), b.username(), b.password());
            assertEquals(polled, mailbox(a2), "tenant A's last poll, as it was before the restart");
            assertEquals(failed, mailbox(b2), "tenant B's own last poll, not A's");

            // Four ticks later the new message still waits: the stored poll says the mailbox is not due.
            Thread.sleep(4000);
            assertEquals(1, count(box, "INBOX"));
            assertEquals(polled, mailbox(a2));
            assertEquals(1, a2.get("/api/v1/leads").items().size());
            assertEquals(0, b2.get("/api/v1/leads").items().size());

            // Polling now takes it, and the new figures replace the old ones.
            JsonObject again = pollNow(a2, box);
            assertEquals(1, again.getJsonObject("lastPoll").getInt("fetched"), again::toString);
            assertEquals(again, mailbox(a2));
            assertEquals(failed, mailbox(b2));
        } finally {
            own.discard();
        }
    }

    private static JsonObject mailbox(Api api) {
        Api.Response r = api.get(MAILBOX);
        assertEquals(200, r.status(), r::toString);
        assertEquals(1, r.json().getJsonArray("mailboxes").size(), r::toString);
        return r.json().getJsonArray("mailboxes").getJsonObject(0);
    }
}
