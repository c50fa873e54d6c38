package org.leadline.it.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A seller drops e-mails on the server: enquiries become leads with what their signatures tell,
 * replies join their lead's timeline, the same mail twice is one lead, and bounces, auto-replies
 * and hostile messages are turned away with the reason, through the built-in e-mail source.
 */
class EmailIntakeIT {

    private static final Path CORPUS = Path.of("..", "plugins", "source-email", "src", "test", "resources", "mail");

    private static LeadlineServer server;

    @BeforeAll
    static void server() {
        server = LeadlineServer.shared();
    }

    private static byte[] mail(String name) {
        try {
            return Files.readAllBytes(CORPUS.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response upload(Api api, byte[] mail) {
        return api.sendBytes("POST", "/api/v1/intake", mail, "message/rfc822", Map.of());
    }

    private static JsonObject only(Api.Response r) {
        assertEquals(1, r.json().getJsonArray("outcomes").size(), r::toString);
        return r.json().getJsonArray("outcomes").getJsonObject(0);
    }

    private static String leadId(JsonObject outcome) {
        return outcome.getJsonObject("lead").getString("id");
    }

    private static int interactions(Api api, String leadId) {
        Api.Response r = api.get("/api/v1/leads/" + leadId + "/interactions");
        assertEquals(200, r.status(), r::toString);
        return r.items().size();
    }

    @Test
    void anEnquiryBecomesALeadWithItsSignatureAndTheMailOnItsTimelineOnce() {
        Api api = Fixtures.newTenant(server).api();
        Api.Response r = upload(api, mail("outlook-de-signature.eml"));
        assertEquals(201, r.status(), r::toString);
        assertEquals("source-email/email", r.json().getString("reader"));
        JsonObject outcome = only(r);
        assertEquals("CREATED", outcome.getString("outcome"));
        String id = leadId(outcome);
        assertTrue(r.header("location").endsWith("/leads/" + id));
        JsonObject extracted = outcome.getJsonObject("extracted");
        assertEquals("+497111234560", extracted.getJsonObject("phone").getString("value"));
        assertTrue(extracted.getJsonObject("phone").getString("from").contains("Tel.:"), extracted::toString);
        assertEquals("the display name in From header", extracted.getJsonObject("lastName").getString("from"));

        JsonObject lead = api.get("/api/v1/leads/" + id).json();
        JsonObject person = lead.getJsonObject("person");
        assertEquals("Müller", person.getString("lastName"));
        assertEquals("Hans", person.getString("firstName"));
        assertEquals("Geschäftsführer", person.getString("jobTitle"));
        assertEquals("h.mueller@mueller-maschinenbau.de", person.getString("email"));
        assertEquals("+491712345678", person.getString("mobilePhone"));
        assertEquals("Müller Maschinenbau GmbH", lead.getJsonObject("company").getString("name"));
        assertEquals("70565", lead.getJsonObject("company").getJsonObject("address").getString("postalCode"));
        assertEquals("EMAIL", lead.getJsonObject("origin").getString("source"));
        assertEquals("Anfrage: Angebot für drei Fräsmaschinen", lead.getString("topic"));

        JsonObject mail = api.get("/api/v1/leads/" + id + "/interactions").items().getJsonObject(0);
        assertEquals("EMAIL", mail.getString("medium"));
        assertEquals("INBOUND", mail.getString("direction"));
        assertEquals("2026-03-03T08:15:02Z", mail.getString("occurredAt"));
        assertTrue(mail.getJsonObject("content").getString("text").contains("450.000 €"), mail::toString);

        Api.Response again = upload(api, mail("outlook-de-signature.eml"));
        assertEquals(200, again.status(), again::toString);
        JsonObject replay = only(again);
        assertEquals("CREATED", replay.getString("outcome"));
        assertTrue(replay.getBoolean("replayed"));
        assertEquals(id, leadId(replay));
        assertEquals(1, api.get("/api/v1/leads?q=muller").items().size());
        assertEquals(1, interactions(api, id));

        // The same sender writes again about something else: the lead's timeline, not a new lead.
        byte[] next = new String(mail("outlook-de-signature.eml"), StandardCharsets.ISO_8859_1)
                .replace("outlook-de-1@", "outlook-de-2@").getBytes(StandardCharsets.ISO_8859_1);
        JsonObject known = only(upload(api, next));
        assertEquals("ATTACHED", known.getString("outcome"));
        assertEquals(id, leadId(known));
        assertEquals(2, interactions(api, id));
    }

    @Test
    void aReplyInTheThreadJoinsItsLeadAndOtherTenantsNeverSeeIt() {
        Api a = Fixtures.newTenant(server).api();
        Api b = Fixtures.newTenant(server).api();
        String sarah = leadId(only(upload(a, mail("gmail-en-html-only.eml"))));
        Api.Response reply = upload(a, mail("gmail-reply-chain-en.eml"));
        assertEquals(200, reply.status(), reply::toString);
        JsonObject attached = only(reply);
        assertEquals("ATTACHED", attached.getString("outcome"));
        assertEquals(sarah, leadId(attached));
        assertTrue(attached.getString("reason").contains("thread"), attached::toString);
        assertEquals(2, interactions(a, sarah));

        // Tenant B gets the same reply: it knows no thread, so it is a lead of its own.
        Api.Response inB = upload(b, mail("gmail-reply-chain-en.eml"));
        assertEquals(201, inB.status(), inB::toString);
        JsonObject created = only(inB);
        assertEquals("CREATED", created.getString("outcome"));
        assertFalse(created.getBoolean("replayed"));
        assertEquals(404, b.get("/api/v1/leads/" + sarah).status());
        // And tenant A's message, taken in by B, is new to B.
        assertEquals("CREATED", only(upload(b, mail("gmail-en-html-only.eml"))).getString("outcome"));
        assertEquals(2, interactions(a, sarah));
    }

    @Test
    void mailThatIsNoLeadIsReportedAndStoresNothing() {
        Api api = Fixtures.newTenant(server).api();
        for (String name : new String[] {"bounce.eml", "auto-reply-header.eml", "newsletter.eml", "noreply.eml",
                "out-of-office-subject.eml"}) {
            Api.Response r = upload(api, mail(name));
            assertEquals(200, r.status(), () -> name + ": " + r);
            JsonObject o = only(r);
            assertEquals("IGNORED", o.getString("outcome"), name);
            assertNotNull(o.getString("reason"));
            assertEquals("IGNORED", only(upload(api, mail(name))).getString("outcome"), name);
        }
        assertEquals(0, api.get("/api/v1/leads").items().size());
    }

    @Test
    void hostileAndOversizedMessagesAreRefusedNamingTheLimitAndTheServerCarriesOn() {
        Api api = Fixtures.newTenant(server).api();
        for (var e : Map.of("hostile-many-parts.eml", "maxParts", "hostile-deep-nesting.eml", "maxDepth",
                "hostile-huge-header.eml", "maxHeaderLength", "hostile-many-headers.eml", "maxHeaders").entrySet()) {
            Api.Response r = upload(api, mail(e.getKey()));
            assertEquals(422, r.status(), () -> e.getKey() + ": " + r);
            assertEquals(e.getValue(), r.json().getString("limit"), r::toString);
        }
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Api.Response tooLarge = upload(api, huge);
        assertEquals(413, tooLarge.status(), tooLarge::toString);
        assertEquals("leadline.capture.max-material-bytes", tooLarge.json().getString("limit"));

        Api.Response unknownType = api.sendBytes("POST", "/api/v1/intake", "x".getBytes(StandardCharsets.UTF_8),
                "application/x-unknown", Map.of());
        assertEquals(415, unknownType.status(), unknownType::toString);
        Api.Response badParam = api.sendBytes("POST", "/api/v1/intake?onDuplicate=sometimes", mail("freemail-gmx.eml"),
                "message/rfc822", Map.of());
        assertEquals(400, badParam.status(), badParam::toString);

        // Control characters in a message (PostgreSQL stores no NUL in text) are dropped, not a failure.
        String withNul = "From: Nina Null <nina@null-gmbh.de>\r\nSubject: Anfrage\u0000 Test\r\nMessage-ID: <nul-1@null-gmbh.de>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nBitte um ein Angebot.\u0000\u0007\r\n";
        Api.Response nul = upload(api, withNul.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, nul.status(), nul::toString);
        String nulLead = leadId(only(nul));
        assertEquals("Anfrage Test", api.get("/api/v1/leads/" + nulLead).json().getString("topic"));
        assertEquals(1, interactions(api, nulLead));

        // Still serving, and a real enquiry still goes through.
        assertEquals(201, upload(api, mail("freemail-gmx.eml")).status());
        assertEquals(0, api.get("/api/v1/leads?q=eve").items().size());
    }

    @Test
    void aForwardedEnquiryIsTheOriginalSendersLeadAndTheSourceCanBeSwitchedOff() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api api = tenant.api();
        JsonObject o = only(upload(api, mail("thunderbird-forward-de.eml")));
        assertEquals("CREATED", o.getString("outcome"));
        JsonObject lead = api.get("/api/v1/leads/" + leadId(o)).json();
        assertEquals("p.schulz@schulz-logistik.de", lead.getJsonObject("person").getString("email"));
        assertEquals("Schulz Logistik GmbH & Co. KG", lead.getJsonObject("company").getString("name"));

        assertEquals(200, api.post("/api/v1/extensions/source-email/email/disable").status());
        Api.Response off = upload(api, mail("apple-mail-forward-attached.eml"));
        assertEquals(415, off.status(), off::toString);
    }

    @Test
    void aColleagueAtTheSameNumberIsNoDuplicateAndTheSameSenderAgainIsOneWhichSkipReportsAndCreateWarnsOf() {
        Api api = Fixtures.newTenant(server).api();
        String hans = leadId(only(upload(api, mail("outlook-de-signature.eml"))));
        // The same switchboard number, but an address of her own: another person (the one duplicate
        // rule of the API, the intake and the import), so even SKIP creates her lead.
        String colleague = new String(mail("outlook-de-signature.eml"), StandardCharsets.ISO_8859_1)
                .replace("outlook-de-1@", "outlook-de-3@").replace("H.Mueller@", "einkauf@")
                .replace("From: =?iso-8859-1?Q?M=FCller=2C_Hans?=", "From: Einkauf");
        Api.Response other = api.sendBytes("POST", "/api/v1/intake?onDuplicate=SKIP",
                colleague.getBytes(StandardCharsets.ISO_8859_1), "message/rfc822", Map.of());
        assertEquals(201, other.status(), other::toString);
        assertEquals("CREATED", only(other).getString("outcome"), other::toString);
        assertNull(only(other).get("duplicates"), other::toString);

        // Another mail of Hans himself is a duplicate.
        byte[] bytes = new String(mail("outlook-de-signature.eml"), StandardCharsets.ISO_8859_1)
                .replace("outlook-de-1@", "outlook-de-4@").getBytes(StandardCharsets.ISO_8859_1);

        Api.Response skipped = api.sendBytes("POST", "/api/v1/intake?onDuplicate=SKIP", bytes, "message/rfc822", Map.of());
        assertEquals(200, skipped.status(), skipped::toString);
        JsonObject dup = only(skipped);
        assertEquals("DUPLICATE", dup.getString("outcome"));
        assertEquals(hans, dup.getJsonArray("duplicates").getJsonObject(0).getString("id"));
        assertEquals(2, api.get("/api/v1/leads?q=mueller-maschinenbau").items().size(), "Hans and his colleague");
        // A refusal stores nothing: sent again, the same message may now be created anyway.
        JsonObject again = only(api.sendBytes("POST", "/api/v1/intake?onDuplicate=SKIP", bytes, "message/rfc822", Map.of()));
        assertEquals("DUPLICATE", again.getString("outcome"));
        assertFalse(again.getBoolean("replayed"));

        Api.Response created = api.sendBytes("POST", "/api/v1/intake?onDuplicate=CREATE", bytes, "message/rfc822", Map.of());
        assertEquals(201, created.status(), created::toString);
        JsonObject warned = only(created);
        assertEquals("CREATED", warned.getString("outcome"));
        assertTrue(warned.getJsonArray("duplicates").getJsonObject(0).getJsonArray("reasons").toString().contains("PHONE"),
                warned::toString);
        assertNotNull(warned.getString("reason"));
        // Now taken in: the same message once more is the earlier outcome.
        JsonObject replay = only(upload(api, bytes));
        assertEquals("CREATED", replay.getString("outcome"));
        assertTrue(replay.getBoolean("replayed"));
        assertEquals(leadId(warned), leadId(replay));
    }

    @Test
    void aSmallCsvSentToTheIntakeIsReadByTheCsvSourceAndEachRowGoesThroughTheSamePipeline() {
        Api api = Fixtures.newTenant(server).api();
        String csv = "First Name,Last Name,Company,Email,Phone\r\n"
                + "Lena,Berg,Nordwind GmbH,lena.berg@nordwind.example,+49 40 1234567\r\n"
                + "Tom,Ried,Ried AG,tom@ried.example,\r\n"
                + ",,No Name Ltd,nobody@example.com,\r\n";
        Api.Response r = api.sendBytes("POST", "/api/v1/intake", csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertEquals(201, r.status(), r::toString);
        assertEquals("source-csv/csv", r.json().getString("reader"), r::toString);
        assertEquals("IMPORT", r.json().getString("source"));
        var outcomes = r.json().getJsonArray("outcomes");
        assertEquals(2, outcomes.stream().filter(o -> o.asJsonObject().getString("outcome").equals("CREATED")).count(),
                r::toString);
        assertFalse(r.json().getJsonArray("problems").isEmpty(), "the row without a last name is reported: " + r);
        // the same rows again are duplicates of the leads just made (e-mail and phone), reported and not stored twice
        Api.Response again = api.sendBytes("POST", "/api/v1/intake?onDuplicate=SKIP", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv", Map.of());
        assertEquals(200, again.status(), again::toString);
        assertTrue(again.json().getJsonArray("outcomes").stream()
                .allMatch(o -> o.asJsonObject().getString("outcome").equals("DUPLICATE")), again::toString);
        assertEquals(1, api.get("/api/v1/leads?q=Berg").items().size());
    }

    @Test
    void aMailWithoutMessageIdIsTakenOnceAndAMultipartMailWithoutBoundaryLinesIsRefusedWithTheReason() {
        Api api = Fixtures.newTenant(server).api();
        byte[] noId = ("From: Eva Brandt <eva@brandt-consult.de>\r\nTo: info@leadline.example\r\nSubject: Anfrage Schulung\r\n"
                + "Date: Wed, 11 Mar 2026 09:00:00 +0100\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hallo, bitte um ein Angebot.\r\n\r\nEva Brandt\r\nBrandt Consulting GmbH\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response first = upload(api, noId);
        assertEquals(201, first.status(), first::toString);
        String eva = leadId(only(first));
        for (int i = 0; i < 2; i++) {
            JsonObject again = only(upload(api, noId));
            assertEquals("CREATED", again.getString("outcome"));
            assertTrue(again.getBoolean("replayed"), again::toString);
        }
        assertEquals(1, interactions(api, eva), "the same mail without Message-ID is on the timeline once");

        byte[] noBoundary = ("From: Eva Brandt <eva@brandt-consult.de>\r\nSubject: Anfrage\r\nMessage-ID: <nb-1@brandt-consult.de>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1_abc\"\r\n\r\n"
                + "Hallo, bitte um ein Angebot.\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response refused = upload(api, noBoundary);
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("/problems/unprocessable", refused.problemType());
        assertEquals("source-email/email", refused.json().getString("reader"));
        assertTrue(refused.json().getJsonArray("problems").getString(0).contains("b1_abc"), refused::toString);
        assertEquals(1, interactions(api, eva));
    }

    @Test
    void aReplyQuotingOurSalespersonUnderOriginalMessageIsTheSendersLeadNotOurs() {
        Api api = Fixtures.newTenant(server).api();
        // The salesperson is a lead of the tenant too (it happens: a test lead, a colleague's demo).
        Api.Response megan = api.post("/api/v1/leads", jakarta.json.Json.createObjectBuilder()
                .add("person", jakarta.json.Json.createObjectBuilder().add("firstName", "Megan").add("lastName", "Ross")
                        .add("email", "megan.ross@leadline.example"))
                .add("origin", jakarta.json.Json.createObjectBuilder().add("source", "OTHER")).build());
        assertEquals(201, megan.status(), megan::toString);
        byte[] reply = ("From: Gary Whitfield <gwhitfield@aol.com>\r\nTo: Megan Ross <megan.ross@leadline.example>\r\n"
                + "Subject: Re: Your quote for the warehouse scanners\r\nDate: Tue, 10 Mar 2026 08:12:40 -0500\r\n"
                + "Message-ID: <aol-reply-it-1@mail.aol.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Megan, thanks. Please call me tomorrow.\r\n\r\nGary Whitfield\r\nWhitfield Hardware Supply\r\n"
                + "Phone: (614) 555-0182\r\n\r\n-----Original Message-----\r\nFrom: Megan Ross <megan.ross@leadline.example>\r\n"
                + "To: gwhitfield@aol.com\r\nSent: Mon, Mar 9, 2026 4:03 pm\r\nSubject: Your quote for the warehouse scanners\r\n\r\n"
                + "Hi Gary, attached is the quote.\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response r = upload(api, reply);
        assertEquals(201, r.status(), r::toString);
        JsonObject lead = api.get("/api/v1/leads/" + leadId(only(r))).json();
        assertEquals("gwhitfield@aol.com", lead.getJsonObject("person").getString("email"));
        assertEquals("Whitfield", lead.getJsonObject("person").getString("lastName"));
        assertEquals(0, interactions(api, megan.json().getString("id")));
    }
}
