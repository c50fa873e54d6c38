package org.leadline.plugins.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.ReadResult;

class CsvLeadSourceTest {

    private final CsvLeadSource source = new CsvLeadSource();

    private ReadResult read(byte[] content) {
        return source.read(new InboundMaterial("text/csv", "leads.csv", Map.of(), content), null);
    }

    @Test
    void salesforceHeadersWithCommas() {
        ReadResult r = read(("\"First Name\",\"Last Name\",\"Company\",\"Email\",\"Phone\",\"Lead Status\"\n"
                + "\"Ada\",\"Lovelace\",\"Engines Ltd\",\"ada@engines.example\",\"+44 20 7946 0001\",\"Open\"\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.drafts().size(), r.problems().toString());
        LeadDraft d = r.drafts().get(0);
        assertEquals("Lovelace", d.lastName());
        assertEquals("Engines Ltd", d.companyName());
        assertEquals("+44 20 7946 0001", d.phone());
        assertEquals(Map.of("Lead Status", "Open"), d.extra());
    }

    @Test
    void windows1252WithSemicolonsAndAMultiLineValue() {
        byte[] bytes = "First Name;Last Name;Company;Notiz\r\nJürgen;Müller;Straßenbau GmbH;\"eins\r\nzwei; drei\"\r\n"
                .getBytes(Charset.forName("windows-1252"));
        ReadResult r = read(bytes);
        assertEquals(1, r.drafts().size(), r.problems().toString());
        assertEquals("Müller", r.drafts().get(0).lastName());
        assertEquals("eins\r\nzwei; drei", r.drafts().get(0).extra().get("Notiz"));
    }

    @Test
    void dynamicsHeadersWithByteOrderMark() {
        byte[] body = "\"First Name\",\"Last Name\",\"Company Name\",\"Budget Amount\",\"Topic\"\n\"Hedy\",\"Lamarr\",\"Hopping GmbH\",\"50,000\",\"Demo\"\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        ReadResult r = read(bytes);
        assertEquals(1, r.drafts().size(), r.problems().toString());
        assertEquals("Hedy", r.drafts().get(0).firstName());
        assertEquals(50000, r.drafts().get(0).budget().amount().intValue());
        assertEquals("Demo", r.drafts().get(0).topic());
    }

    @Test
    void brokenRowsAreProblemsAndTheRestIsRead() {
        ReadResult r = read("lastName,email\n,nobody@example.com\nCurie,'=marie@example.com\n\"open,x\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.drafts().size());
        assertEquals("=marie@example.com", r.drafts().get(0).email());
        assertTrue(r.problems().get(0).startsWith("Row 2: no last name"), r.problems().toString());
        assertTrue(r.problems().get(1).startsWith("The file is not valid CSV"), r.problems().toString());
    }

    @Test
    void largeMaterialIsRefusedWithAPointerToTheImport() {
        ReadResult r = read(new byte[CsvLeadSource.MAX_BYTES + 1]);
        assertEquals(0, r.drafts().size());
        assertTrue(r.problems().get(0).contains("CSV import"), r.problems().toString());
    }

    @Test
    void salesforceReportLabelsKeepTheCompanyAndTheBudgetsCurrency() {
        ReadResult r = read(("\"First Name\",\"Last Name\",\"Company / Account\",\"State\",\"Country\",\"Budget Amount\"\n"
                + "\"Grace\",\"Hopper\",\"Compilers Inc\",\"VA\",\"USA\",\"$15,000.00\"\n"
                + "\"Ada\",\"Lovelace\",\"Engines Ltd\",\"\",\"UK\",\"EUR 2,500,000.00\"\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.drafts().size(), r.problems().toString());
        LeadDraft grace = r.drafts().get(0);
        assertEquals("Compilers Inc", grace.companyName());
        assertEquals("US", grace.country());
        assertEquals(0, grace.budget().amount().compareTo(new java.math.BigDecimal("15000")));
        assertEquals("USD", grace.budget().currency());
        assertEquals("GB", r.drafts().get(1).country());
        assertEquals(0, r.drafts().get(1).budget().amount().compareTo(new java.math.BigDecimal("2500000")));
        assertEquals("EUR", r.drafts().get(1).budget().currency());
    }

    @Test
    void germanHeadersAndDynamicsLogicalNamesAreReadFromTheSameTableAsTheImport() {
        ReadResult de = read("Vorname;Nachname;Firma;E-Mail;Telefon;Straße;PLZ;Ort;Land\nJürgen;Müller;Bau GmbH;jm@bau.example;030 1234;Hauptstr. 1;10115;Berlin;Deutschland\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, de.drafts().size(), de.problems().toString());
        LeadDraft d = de.drafts().get(0);
        assertEquals("Jürgen", d.firstName());
        assertEquals("Bau GmbH", d.companyName());
        assertEquals("jm@bau.example", d.email());
        assertEquals("030 1234", d.phone());
        assertEquals("Hauptstr. 1", d.street());
        assertEquals("10115", d.postalCode());
        assertEquals("Berlin", d.city());
        assertEquals("DE", d.country());
        assertEquals(Map.of(), d.extra());

        ReadResult dyn = read(("firstname,lastname,companyname,emailaddress1,telephone1,mobilephone,subject,websiteurl,"
                + "address1_city,address1_country,budgetamount\n"
                + "Hedy,Lamarr,Hopping GmbH,hedy@hopping.example,+49 30 1,+49 170 2,Demo,https://hopping.example,Berlin,Germany,\"50.000,00 €\"\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, dyn.drafts().size(), dyn.problems().toString());
        LeadDraft h = dyn.drafts().get(0);
        assertEquals("hedy@hopping.example", h.email());
        assertEquals("+49 30 1", h.phone());
        assertEquals("+49 170 2", h.mobilePhone());
        assertEquals("Demo", h.topic());
        assertEquals("https://hopping.example", h.website());
        assertEquals("DE", h.country());
        assertEquals(0, h.budget().amount().compareTo(new java.math.BigDecimal("50000")));
    }

    @Test
    void aRowsProblemsAreAllNamed() {
        ReadResult r = read("email,budget,country\nx@example.com,lots,Atlantis\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.drafts().size());
        // The header has no last name column at all: the file is refused as a whole.
        assertTrue(r.problems().get(0).contains("last name"), r.problems().toString());
        ReadResult row = read("lastName,budget,country\n,lots,Atlantis\n".getBytes(StandardCharsets.UTF_8));
        String problem = row.problems().get(0);
        assertTrue(problem.contains("no last name") && problem.contains("lots") && problem.contains("Atlantis"), problem);
    }
}
