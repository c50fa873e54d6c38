package org.leadline.plugins.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.ReadResult;

/** The e-mail source on a corpus of real-looking messages: what a seller would read off each mail. */
class EmailSourceTest {

    private static byte[] mail(String name) throws IOException {
        try (InputStream in = EmailSourceTest.class.getResourceAsStream("/mail/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static ReadResult read(String name) throws IOException {
        return new EmailSource().read(mail(name), ExtensionConfig.empty());
    }

    private static LeadDraft lead(String name) throws IOException {
        ReadResult r = read(name);
        assertEquals(List.of(), r.notLeads(), name);
        assertNull(r.limitExceeded(), name);
        assertEquals(1, r.drafts().size(), () -> name + ": " + r.problems());
        return r.drafts().get(0);
    }

    @Test
    void anOutlookMailInGermanGivesTheWholeSignature() throws IOException {
        LeadDraft d = lead("outlook-de-signature.eml");
        assertEquals("Hans", d.firstName());
        assertEquals("Müller", d.lastName());
        assertEquals("h.mueller@mueller-maschinenbau.de", d.email());
        assertEquals("Geschäftsführer", d.jobTitle());
        assertEquals("Müller Maschinenbau GmbH", d.companyName());
        assertEquals("+497111234560", d.phone());
        assertEquals("+491712345678", d.mobilePhone());
        assertEquals("https://www.mueller-maschinenbau.de", d.website());
        assertEquals("Industriestraße 12", d.street());
        assertEquals("70565", d.postalCode());
        assertEquals("Stuttgart", d.city());
        assertEquals("DE", d.country());
        assertEquals("Anfrage: Angebot für drei Fräsmaschinen", d.topic());
        assertTrue(d.provenance().get("phone").contains("Tel.: +49 (0)711"), d.provenance()::toString);
        assertTrue(d.provenance().get("lastName").contains("display name"), d.provenance()::toString);
        assertEquals("AM0PR01MB1234.outlook-de-1@AM0PR01MB1234.eurprd01.prod.outlook.com", d.message().messageId());
        assertTrue(d.message().text().contains("450.000 €"), d.message().text());
        assertEquals("EMAIL", d.message().medium());
    }

    @Test
    void anHtmlOnlyGmailMailInEnglishIsReadAsText() throws IOException {
        LeadDraft d = lead("gmail-en-html-only.eml");
        assertEquals("Sarah", d.firstName());
        assertEquals("Johnson", d.lastName());
        assertEquals("Head of Procurement", d.jobTitle());
        assertEquals("Brightwave Ltd", d.companyName());
        assertEquals("+442079460958", d.phone());
        assertEquals("+447700900123", d.mobilePhone());
        assertEquals("221B Baker Street", d.street());
        assertEquals("NW1 6XE", d.postalCode());
        assertEquals("London", d.city());
        assertEquals("GB", d.country());
        assertEquals("https://www.brightwave.co.uk", d.website());
        assertEquals("Pricing for the Enterprise plan", d.topic());
        assertTrue(d.message().text().contains("40-person sales team"), d.message().text());
    }

    @Test
    void aThunderbirdForwardInWindows1252TakesTheOriginalSender() throws IOException {
        LeadDraft d = lead("thunderbird-forward-de.eml");
        assertEquals("p.schulz@schulz-logistik.de", d.email());
        assertEquals("Petra", d.firstName());
        assertEquals("Schulz", d.lastName());
        assertEquals("Leiterin Einkauf", d.jobTitle());
        assertEquals("Schulz Logistik GmbH & Co. KG", d.companyName());
        assertEquals("+494012345678", d.phone());
        assertEquals("Hafenstraße 7", d.street());
        assertEquals("20457", d.postalCode());
        assertEquals("Hamburg", d.city());
        assertEquals("Anfrage Wartungsvertrag", d.topic());
        assertTrue(d.provenance().get("email").contains("forwarded"), d.provenance()::toString);
        assertTrue(d.message().text().contains("„Fördertechnik“ – Volumen ca. 30.000 €"), d.message().text());
    }

    @Test
    void anAppleMailForwardAsAttachmentTakesTheAttachedSender() throws IOException {
        LeadDraft d = lead("apple-mail-forward-attached.eml");
        assertEquals("tom@bakerco.com", d.email());
        assertEquals("Tom", d.firstName());
        assertEquals("Baker", d.lastName());
        assertEquals("VP Operations", d.jobTitle());
        assertEquals("Baker & Co. Inc.", d.companyName());
        assertEquals("+14155550132", d.phone());
        assertEquals("1200 Market Street", d.street());
        assertEquals("San Francisco", d.city());
        assertEquals("94103", d.postalCode());
        assertEquals("US", d.country());
        assertEquals("Question about pricing", d.topic());
    }

    @Test
    void aReplyKeepsItsThreadAndIgnoresTheQuotedChain() throws IOException {
        LeadDraft d = lead("gmail-reply-chain-en.eml");
        assertEquals(List.of("CAF=gmail-en-1+abc@mail.gmail.com", "offer-42@leadline.example"), d.message().references());
        assertEquals("Mark", d.firstName());
        assertEquals("IT Manager", d.jobTitle());
        assertEquals("Brightwave Ltd", d.companyName());
        assertNull(d.phone(), "the number in the quoted part is ours, not the sender's");
        assertEquals("Pricing for the Enterprise plan", d.topic());

        LeadDraft outlook = lead("outlook-en-reply-quoted.eml");
        assertEquals("Director of Sales Operations", outlook.jobTitle());
        assertEquals("Northwind Traders Inc.", outlook.companyName());
        assertEquals("+12125550147", outlook.phone());
        assertNull(outlook.mobilePhone(), "the mobile number in the quoted Outlook block is ours");
    }

    @Test
    void iso88591LabelsAreReadAsWindows1252AndAnAustrianNumberByItsDomain() throws IOException {
        LeadDraft d = lead("latin1-mislabelled-euro.eml");
        assertTrue(d.message().text().contains("20.000 €"), d.message().text());
        assertTrue(d.message().text().contains("Grüß Gott"), d.message().text());
        assertEquals("+43662123456", d.phone());
        assertEquals("Inhaber", d.jobTitle());
        assertEquals("AT", d.country());
    }

    @Test
    void aFreeMailSenderGetsNoCompanyFromTheDomain() throws IOException {
        LeadDraft d = lead("freemail-gmx.eml");
        assertEquals("Klaus", d.firstName());
        assertEquals("Weber", d.lastName());
        assertNull(d.companyName());
        assertEquals("+4915123456789", d.mobilePhone());
        assertEquals("Anfrage für meinen Betrieb", d.topic());
    }

    @Test
    void aCompanyAddressWithoutSignatureCompanyGivesTheDomain() {
        ParsedMail m = new ParsedMail("Ina Roth", "ina.roth@roth-bau.de", "Angebot", null, "x@y", List.of(), Map.of(),
                "text/plain", "Bitte um Rückruf.", "text/plain", null);
        LeadDraft d = EmailSource.draft(m, "DE", EmailSource.FREE_MAIL);
        assertEquals("roth-bau.de", d.companyName());
        assertEquals("the sender's domain", d.provenance().get("companyName"));
        assertEquals("DE", d.country());
    }

    @Test
    void mailThatIsNoEnquiryIsRecognisedWithItsReason() throws IOException {
        Map<String, String> expected = Map.of(
                "auto-reply-header.eml", "Auto-Submitted",
                "out-of-office-subject.eml", "automatic reply",
                "bounce.eml", "bounce",
                "newsletter.eml", "Precedence: bulk",
                "noreply.eml", "nobody reads");
        for (var e : expected.entrySet()) {
            ReadResult r = read(e.getKey());
            assertEquals(0, r.drafts().size(), e.getKey());
            assertEquals(1, r.notLeads().size(), e.getKey());
            assertTrue(r.notLeads().get(0).reason().contains(e.getValue()), e.getKey() + ": " + r.notLeads());
            assertNotNull(r.notLeads().get(0).reference(), e.getKey());
        }
    }

    @Test
    void hostileMessagesAreRefusedNamingTheLimit() throws IOException {
        Map<String, String> expected = Map.of(
                "hostile-deep-nesting.eml", "maxDepth",
                "hostile-huge-header.eml", "maxHeaderLength",
                "hostile-many-headers.eml", "maxHeaders",
                "hostile-many-parts.eml", "maxParts");
        for (var e : expected.entrySet()) {
            long t0 = System.nanoTime();
            ReadResult r = read(e.getKey());
            assertNotNull(r.limitExceeded(), e.getKey());
            assertEquals(e.getValue(), r.limitExceeded().limit(), e.getKey());
            assertTrue(r.drafts().isEmpty());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, e.getKey() + " took too long to refuse");
        }
    }

    @Test
    void limitsFollowTheSettings() throws IOException {
        ExtensionConfig tight = ExtensionConfig.of(Map.of("maxParts", 2L));
        ReadResult r = new EmailSource().read(mail("outlook-de-signature.eml"), tight);
        assertEquals("maxParts", r.limitExceeded().limit());
        ExtensionConfig loose = ExtensionConfig.of(Map.of("maxDepth", 100L));
        assertEquals(1, new EmailSource().read(mail("hostile-deep-nesting.eml"), loose).drafts().size());
    }

    @Test
    void garbageIsAProblemNotAnException() {
        ReadResult r = new EmailSource().read(new byte[] {0, 1, 2, (byte) 0xff}, ExtensionConfig.empty());
        assertTrue(r.drafts().size() + r.problems().size() + r.notLeads().size() >= 1);
    }

    @Test
    void aSubjectWhoseEncodedWordsHoldLineBreaksBecomesATopicOnOneLine() {
        // "Angebot\r\nBcc: x@y.example\tbitte" in an RFC 2047 encoded word, split over a folded header
        LeadDraft d = leadOf("""
                From: Anna Schmidt <anna.schmidt@acme-maschinen.example>
                To: sales@leadline.example
                Subject: =?UTF-8?B?QW5nZWJvdA0KQmNjOiB4QHkuZXhhbXBsZQliaXR0ZQ==?=
                 =?UTF-8?Q?_f=C3=BCr_Scanner?=
                Date: Tue, 10 Mar 2026 08:12:40 +0100
                Message-ID: <encoded-subject-1@acme-maschinen.example>
                Content-Type: text/plain; charset=UTF-8

                Guten Tag, bitte senden Sie uns ein Angebot.

                Anna Schmidt
                """);
        assertEquals("Angebot Bcc: x@y.example bitte für Scanner", d.topic());
    }

    private static ReadResult readText(String mail) {
        return new EmailSource().read(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), ExtensionConfig.empty());
    }

    private static LeadDraft leadOf(byte[] mail) {
        ReadResult r = new EmailSource().read(mail, ExtensionConfig.empty());
        assertEquals(1, r.drafts().size(), () -> r.problems() + " " + r.notLeads());
        return r.drafts().get(0);
    }

    private static LeadDraft leadOf(String mail) {
        return leadOf(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static final String AOL_REPLY = """
            From: Gary Whitfield <gwhitfield@aol.com>
            To: Megan Ross <megan.ross@leadline.example>
            Subject: Re: Your quote for the warehouse scanners
            Date: Tue, 10 Mar 2026 08:12:40 -0500
            Message-ID: <aol-reply-1@mail.aol.com>
            Content-Type: text/plain; charset=UTF-8

            Megan, thanks. Please call me tomorrow.

            Gary Whitfield
            Whitfield Hardware Supply
            Phone: (614) 555-0182

            %s
            From: Megan Ross <megan.ross@leadline.example>
            To: gwhitfield@aol.com
            Sent: Mon, Mar 9, 2026 4:03 pm
            Subject: Your quote for the warehouse scanners

            Hi Gary, attached is the quote. Megan Ross, Account Executive, +1 614 555 0100
            """;

    @Test
    void aReplyWhoseHistoryStartsWithOriginalMessageTakesTheSenderNotTheQuotedHeader() {
        for (String marker : List.of("-----Original Message-----", "----- Original Message -----")) {
            LeadDraft d = leadOf(AOL_REPLY.formatted(marker));
            assertEquals("gwhitfield@aol.com", d.email(), marker);
            assertEquals("Gary", d.firstName(), marker);
            assertEquals("Whitfield", d.lastName(), marker);
            assertEquals("+16145550182", d.phone(), marker);
            assertEquals("From header", d.provenance().get("email"), marker);
        }
        // The same block under a forward's subject is a forward: the original sender is the lead.
        LeadDraft forward = leadOf(AOL_REPLY.formatted("-----Original Message-----")
                .replace("Subject: Re: Your quote", "Subject: Fwd: Your quote"));
        assertEquals("megan.ross@leadline.example", forward.email());
    }

    @Test
    void namesInLastCommaFirstOrderWithApostrophesParticlesAndDepartments() {
        assertEquals(List.of("Sarah", "O'Connor"), name("O'Connor, Sarah"));
        assertEquals(List.of("Jan", "van der Berg"), name("van der Berg, Jan"));
        assertEquals(List.of("Jan", "van der Berg"), name("Jan van der Berg"));
        assertEquals(List.of("John", "Smith"), name("Smith, John (Sales)"));
        assertEquals(List.of("Sarah", "O'Connor"), name("Sarah O'Connor"));
        assertEquals(List.of("Anna", "Weber"), name("'Anna Weber'"));
        assertEquals(null, EmailSource.personName("Vertrieb (Sales)"));
    }

    private static List<String> name(String display) {
        String[] n = EmailSource.personName(display);
        assertNotNull(n, display);
        return java.util.Arrays.asList(n[1], n[2]);
    }

    @Test
    void aRawUtf8DisplayNameIsReadAsUtf8() {
        LeadDraft d = leadOf("""
                From: Jürgen Köhler-Straßburg <j.koehler@koehler-druck.de>
                To: info@leadline.example
                Subject: Anfrage
                Message-ID: <utf8-header-1@koehler-druck.de>
                Content-Type: text/plain; charset=UTF-8

                Bitte um Rückruf.
                """);
        assertEquals("Jürgen", d.firstName());
        assertEquals("Köhler-Straßburg", d.lastName());
    }

    @Test
    void aMailClientsFooterLinkIsNoWebsiteAndABareDomainIs() {
        LeadDraft sparrow = leadOf("""
                From: Dana Kim <dana@kimdesign.io>
                To: hello@leadline.example
                Subject: Quote
                Message-ID: <sparrow-1@kimdesign.io>
                Content-Type: text/plain; charset=UTF-8

                Could you send a quote?

                Dana Kim
                Kim Design LLC
                Sent with Sparrow (http://www.sparrowmailapp.com/?sig)
                """);
        assertNull(sparrow.website(), "the footer link is the mail client's");

        LeadDraft schmidt = leadOf("""
                From: Tobias Schmidt <t.schmidt@schmidt-it.de>
                To: info@leadline.example
                Subject: Angebot
                Message-ID: <bare-domain-1@schmidt-it.de>
                Content-Type: text/plain; charset=UTF-8

                Bitte um ein Angebot.

                Mit freundlichen Grüßen
                Tobias Schmidt
                Schmidt IT GmbH
                Web: schmidt-it.de
                """);
        assertEquals("https://schmidt-it.de", schmidt.website());

        LeadDraft paren = leadOf("""
                From: Ola Berg <ola@bergtech.no>
                To: sales@leadline.example
                Subject: Pricing
                Message-ID: <paren-1@bergtech.no>
                Content-Type: text/plain; charset=UTF-8

                Pricing please.

                Best regards,
                Ola Berg
                BergTech AS (https://www.bergtech.no)
                """);
        assertEquals("https://www.bergtech.no", paren.website(), "without the closing parenthesis");
    }

    @Test
    void oneLineAndUsStyleStreetAddressesAreRead() {
        LeadDraft de = leadOf("""
                From: Petra Lang <p.lang@lang-moebel.de>
                To: info@leadline.example
                Subject: Anfrage
                Message-ID: <one-line-1@lang-moebel.de>
                Content-Type: text/plain; charset=UTF-8

                Bitte um Rückruf.

                Viele Grüße
                Petra Lang
                Lang Möbel GmbH · Kastanienallee 14 · 10435 Berlin
                """);
        assertEquals("Kastanienallee 14", de.street());
        assertEquals("10435", de.postalCode());
        assertEquals("Berlin", de.city());

        LeadDraft us = leadOf("""
                From: Rick Alvarez <ralvarez@summitfreight.com>
                To: sales@leadline.example
                Subject: Demo
                Message-ID: <us-one-line-1@summitfreight.com>
                Content-Type: text/plain; charset=UTF-8

                Can we see a demo?

                Thanks,
                Rick Alvarez
                Summit Freight Inc.
                350 5th Avenue, Suite 4100, New York, NY 10118
                """);
        assertEquals("350 5th Avenue, Suite 4100", us.street());
        assertEquals("New York", us.city());
        assertEquals("10118", us.postalCode());
        assertEquals("US", us.country());

        LeadDraft twoLines = leadOf("""
                From: Rick Alvarez <ralvarez@summitfreight.com>
                To: sales@leadline.example
                Subject: Demo
                Message-ID: <us-two-lines-1@summitfreight.com>
                Content-Type: text/plain; charset=UTF-8

                Can we see a demo?

                Thanks,
                Rick Alvarez
                Summit Freight Inc.
                1200 Market Street, Suite 400
                San Francisco, CA 94103
                """);
        assertEquals("1200 Market Street, Suite 400", twoLines.street());
        assertEquals("San Francisco", twoLines.city());
    }

    @Test
    void aPartLabelledUsAsciiHoldingUtf8AndOneLabelledUtf8HoldingLatin1AreBothRead() {
        String head = """
                From: Jens Köhler <j.koehler@koehler-bau.de>
                To: info@leadline.example
                Subject: Anfrage
                Message-ID: <%s@koehler-bau.de>
                Content-Type: text/plain; charset=%s
                Content-Transfer-Encoding: 8bit

                """.replace("\n", "\r\n");
        String body = "Grüße aus Köln, wir möchten ein Angebot für 3 Büros.\r\n\r\nJens Köhler\r\nKöhler Bau GmbH\r\n";
        byte[] asciiUtf8 = concat(head.formatted("ascii-1", "us-ascii").getBytes(StandardCharsets.US_ASCII),
                body.getBytes(StandardCharsets.UTF_8));
        LeadDraft a = leadOf(asciiUtf8);
        assertTrue(a.message().text().contains("Grüße aus Köln"), a.message().text());
        assertEquals("Köhler Bau GmbH", a.companyName());

        byte[] utf8Latin1 = concat(head.formatted("latin1-1", "utf-8").getBytes(StandardCharsets.US_ASCII),
                body.getBytes(StandardCharsets.ISO_8859_1));
        LeadDraft b = leadOf(utf8Latin1);
        assertTrue(b.message().text().contains("Grüße aus Köln, wir möchten"), b.message().text());
        assertEquals("Köhler Bau GmbH", b.companyName());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aMultipartMailWithoutBoundaryLinesIsAProblemNamingTheBoundary() {
        ReadResult r = readText("""
                From: Eva Brandt <eva@brandt-consult.de>
                To: info@leadline.example
                Subject: Anfrage
                Message-ID: <no-boundary-1@brandt-consult.de>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1_abc"

                Hallo, bitte um ein Angebot.
                Eva Brandt
                """);
        assertEquals(List.of(), r.drafts());
        assertEquals(List.of(), r.notLeads());
        assertEquals(1, r.problems().size(), r::toString);
        assertTrue(r.problems().get(0).contains("b1_abc"), r.problems()::toString);
    }

    @Test
    void aMailWithoutMessageIdGetsTheSameDerivedIdEveryTimeAndAnotherMailAnother() {
        String mail = """
                From: Eva Brandt <eva@brandt-consult.de>
                To: info@leadline.example
                Subject: Anfrage
                Date: Wed, 11 Mar 2026 09:00:00 +0100
                Content-Type: text/plain; charset=UTF-8

                Hallo, bitte um ein Angebot.
                """;
        String first = leadOf(mail).message().messageId();
        assertNotNull(first);
        assertEquals(first, leadOf(mail).message().messageId());
        assertEquals(first, leadOf(mail.replace("\n", "\r\n").replace("\r\n", "\n")).message().messageId());
        assertNotEquals(first, leadOf(mail.replace("ein Angebot", "zwei Angebote")).message().messageId());
        assertNotEquals(first, leadOf(mail.replace("09:00:00", "10:00:00")).message().messageId());
    }

    @Test
    void aReplyToOurNewsletterIsALeadThoughItQuotesTheUnsubscribeLink() {
        LeadDraft d = leadOf("""
                From: Ravi Menon <ravi.menon@quayside-foods.co.uk>
                To: news@leadline.example
                Subject: Re: Leadline news: March
                Message-ID: <nl-reply-1@quayside-foods.co.uk>
                Content-Type: text/plain; charset=UTF-8

                Interesting - can someone call me about the import feature?

                Ravi Menon
                Quayside Foods Ltd

                On Tue, 10 Mar 2026 at 09:00, Leadline <news@leadline.example> wrote:
                > What is new this month ...
                > Unsubscribe: https://leadline.example/unsubscribe
                """);
        assertEquals("ravi.menon@quayside-foods.co.uk", d.email());
        ReadResult newsletter = readText("""
                From: Messe Digital <einladung@messe-digital-sued.de>
                To: info@leadline.example
                Subject: Ihre Einladung
                Message-ID: <nl-2@messe-digital-sued.de>
                Content-Type: text/plain; charset=UTF-8

                Sichern Sie sich jetzt Ihr Ticket! Newsletter abbestellen: https://messe-digital-sued.de/abmelden
                """);
        assertEquals(1, newsletter.notLeads().size(), newsletter::toString);
    }

    @Test
    void aShortQuotedHeaderBlockEndsTheOwnWordsAndIsAForwardOnlyUnderAForwardSubject() {
        String mail = """
                From: Jonas Feld <jonas.feld@leadline.example>
                To: anna.berger@leadline.example
                Subject: %s
                Message-ID: <short-block-%s@leadline.example>
                Content-Type: text/plain; charset=UTF-8

                Siehe unten.

                Von: Carla Neu <c.neu@neu-verlag.de>
                Gesendet: Montag, 2. März 2026 10:00

                Bitte um ein Angebot.
                Carla Neu
                Neu Verlag GmbH
                """;
        assertEquals("c.neu@neu-verlag.de", leadOf(mail.formatted("WG: Angebot", "1")).email());
        assertEquals("jonas.feld@leadline.example", leadOf(mail.formatted("AW: Angebot", "2")).email());
assertNotEquals("Neu Verlag GmbH", leadOf(mail.formatted("AW: Angebot", "3")).companyName(),
                "the quoted signature is not the sender's");
    }
}
