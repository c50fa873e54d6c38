package org.leadline.plugins.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
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
}
