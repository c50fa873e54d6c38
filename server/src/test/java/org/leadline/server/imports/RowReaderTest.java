package org.leadline.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.leadline.api.lead.ContactMethod;
import org.leadline.api.lead.PurchaseProcess;
import org.leadline.api.lead.PurchaseTimeframe;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;

/** Rows of the CRM dialects people bring along, read through the auto-mapping as an import reads them. */
class RowReaderTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static RowReader.Row row(String header, String cells) {
        String[] headers = header.split("\\|", -1);
        ColumnMapping mapping = ColumnMapping.resolve(headers, null);
        return new RowReader(headers, mapping.columns(), "EUR", VALIDATOR).read(2, List.of(cells.split("\\|", -1)));
    }

    @Test
    void salesforceReportLabelsKeepCompanyStateAndTheCurrencyOfEachAmount() {
        RowReader.Row r = row("First Name|Last Name|Company / Account|State|Country|Annual Revenue|Budget Amount",
                "Grace|Hopper|Compilers Inc|VA|UK|EUR 2,500,000.00|$15,000.00");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals("Compilers Inc", r.data().company().name());
        assertEquals("VA", r.data().company().address().region());
        assertEquals("GB", r.data().company().address().country());
        assertEquals(0, new BigDecimal("2500000").compareTo(r.data().company().annualRevenue().amount()));
        assertEquals("EUR", r.data().company().annualRevenue().currency());
        assertEquals(0, new BigDecimal("15000").compareTo(r.data().qualification().budget().amount()));
        assertEquals("USD", r.data().qualification().budget().currency(), "the currency the cell names, not the import's");
    }

    @Test
    void localeThousandsSeparators() {
        RowReader.Row r = row("lastName|budget|annualRevenue", "Weiß|2.500.000,00 €|1 234,50 EUR");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(0, new BigDecimal("2500000").compareTo(r.data().qualification().budget().amount()));
        assertEquals(0, new BigDecimal("1234.50").compareTo(r.data().company().annualRevenue().amount()));
        RowReader.Row plain = row("lastName|budget", "Weiß|1234.5");
        assertEquals("EUR", plain.data().qualification().budget().currency(), "an amount without currency takes the import's");
    }

    @Test
    void anAmountsCurrencyMustAgreeWithTheCurrencyColumn() {
        RowReader.Row r = row("lastName|budget|budgetCurrency", "Weiß|$15,000.00|EUR");
        assertEquals(List.of("budget"), r.errors().stream().map(FieldError::field).toList(), r.errors().toString());
    }

    @Test
    void dynamicsLogicalNamesWithOptionSetCodes() {
        RowReader.Row r = row("firstname|lastname|companyname|emailaddress1|telephone1|mobilephone|jobtitle|subject|websiteurl"
                        + "|address1_line1|address1_city|address1_postalcode|address1_stateorprovince|address1_country"
                        + "|leadsourcecode|purchasetimeframe|purchaseprocess|decisionmaker|budgetamount|preferredcontactmethodcode|industrycode",
                "Hedy|Lamarr|Hopping GmbH|hedy@hopping.example|+49 30 123456|+49 170 1234567|Inventor|Licences|https://hopping.example"
                        + "|Unter den Linden 1|Berlin|10117|Berlin|Deutschland|7|1|1|true|50000|2|7");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals("hedy@hopping.example", r.data().person().email());
        assertEquals("+49 30 123456", r.data().person().businessPhone());
        assertEquals("+49 170 1234567", r.data().person().mobilePhone());
        assertEquals("Inventor", r.data().person().jobTitle());
        assertEquals("Licences", r.data().topic());
        assertEquals("https://hopping.example", r.data().company().website());
        assertEquals("Unter den Linden 1", r.data().company().address().street());
        assertEquals("10117", r.data().company().address().postalCode());
        assertEquals("DE", r.data().company().address().country());
        assertEquals(Source.TRADE_FAIR, r.data().origin().source());
        assertEquals(PurchaseTimeframe.THIS_QUARTER, r.data().qualification().purchaseTimeframe());
        assertEquals(PurchaseProcess.COMMITTEE, r.data().qualification().purchaseProcess());
        assertEquals(Boolean.TRUE, r.data().qualification().decisionMaker());
        assertEquals(ContactMethod.EMAIL, r.data().person().preferredContactMethod());
        assertEquals("Consulting", r.data().company().industry());

        RowReader.Row zero = row("lastname|purchasetimeframe|decisionmaker|leadsourcecode", "Zuse|0|0|5");
        assertTrue(zero.ok(), zero.errors().toString());
        assertEquals(PurchaseTimeframe.IMMEDIATE, zero.data().qualification().purchaseTimeframe());
        assertEquals(Boolean.FALSE, zero.data().qualification().decisionMaker());
        assertEquals(Source.IMPORT, zero.data().origin().source());
        assertEquals("Public Relations", zero.data().origin().detail());
    }

    @Test
    void optionSetCodesAreReadWithAnExplicitMappingToo() {
        String[] headers = {"Nom", "Zeitrahmen (Code)", "Quelle (Code)"};
        ColumnMapping mapping = ColumnMapping.resolve(headers, jakarta.json.Json.createObjectBuilder()
                .add("Zeitrahmen (Code)", "purchaseTimeframe").add("Quelle (Code)", "source").build());
        RowReader.Row r = new RowReader(headers, mapping.columns(), "EUR", VALIDATOR).read(2, List.of("Curie", "3", "8"));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals("Curie", r.data().person().lastName());
        assertEquals(PurchaseTimeframe.THIS_YEAR, r.data().qualification().purchaseTimeframe());
        assertEquals(Source.WEB, r.data().origin().source());
    }

    @Test
    void germanFrenchAndSpanishHeadersAndBooleans() {
        RowReader.Row de = row("Vorname|Nachname|Firma|E-Mail|Telefon|Straße|PLZ|Ort|Land|Entscheider",
                "Jürgen|Müller|Straßenbau GmbH|jm@bau.example|030 1234567|Hauptstr. 1|10115|Berlin|Deutschland|ja");
        assertTrue(de.ok(), de.errors().toString());
        assertEquals("Jürgen", de.data().person().firstName());
        assertEquals("Straßenbau GmbH", de.data().company().name());
        assertEquals("Hauptstr. 1", de.data().company().address().street());
        assertEquals("Berlin", de.data().company().address().city());
        assertEquals("DE", de.data().company().address().country());
        assertEquals(Boolean.TRUE, de.data().qualification().decisionMaker());
        RowReader.Row fr = row("Prénom|Nom|Société|Code postal|Ville|Pays|Décideur", "Marie|Curie|Radium SA|75005|Paris|France|oui");
        assertTrue(fr.ok(), fr.errors().toString());
        assertEquals("Curie", fr.data().person().lastName());
        assertEquals("FR", fr.data().company().address().country());
        assertEquals(Boolean.TRUE, fr.data().qualification().decisionMaker());
        RowReader.Row es = row("Nombre|Apellidos|Empresa|País|Decisor", "Ana|García López|Acme S.L.|España|no");
        assertTrue(es.ok(), es.errors().toString());
        assertEquals("García López", es.data().person().lastName());
        assertEquals("ES", es.data().company().address().country());
        assertEquals(Boolean.FALSE, es.data().qualification().decisionMaker());
    }

    @Test
    void hubspotPipedriveAndZohoHeaders() {
        RowReader.Row hubspot = row("First Name|Last Name|Phone Number|Mobile Phone Number|Company Name|Website URL|Street Address|State/Region|Country/Region",
                "Ada|Lovelace|+44 20 7946 0001|+44 7700 900001|Engines Ltd|engines.example|1 Babbage St|London|United Kingdom");
        assertTrue(hubspot.ok(), hubspot.errors().toString());
        assertEquals("+44 7700 900001", hubspot.data().person().mobilePhone());
        assertEquals("GB", hubspot.data().company().address().country());
        RowReader.Row pipedrive = row("Person - First name|Person - Last name|Person - Email - Work|Organization - Name|Lead - Title|Lead - Value",
                "Linus|Torvalds|linus@kernel.example|Kernel AG|Maintenance|EUR 5,000");
        assertTrue(pipedrive.ok(), pipedrive.errors().toString());
        assertEquals("Kernel AG", pipedrive.data().company().name());
        assertEquals("Maintenance", pipedrive.data().topic());
        RowReader.Row zoho = row("First_Name|Last_Name|Company|Designation|Zip_Code|Lead_Source", "Alan|Turing|Bletchley Ltd|Cryptanalyst|MK3 6EB|Cold Call");
        assertTrue(zoho.ok(), zoho.errors().toString());
        assertEquals("Cryptanalyst", zoho.data().person().jobTitle());
        assertEquals("MK3 6EB", zoho.data().company().address().postalCode());
        assertEquals(Source.PHONE, zoho.data().origin().source());
    }

    @Test
    void aRowNamesEveryErrorItHas() {
        RowReader.Row r = row("Last Name|Email|No. of Employees|Country|Annual Revenue|Decision Maker?",
                "|not-an-address|many|Atlantis|lots|perhaps");
        assertNull(r.data());
        Map<String, String> errors = r.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::reason));
        assertEquals(6, errors.size(), r.errors().toString());
        assertEquals("is required", errors.get("Last Name"));
        assertTrue(errors.get("Email").contains("e-mail"), errors.toString());
        assertTrue(errors.get("No. of Employees").contains("whole number"), errors.toString());
        assertTrue(errors.get("Country").contains("country"), errors.toString());
        assertTrue(errors.get("Annual Revenue").contains("amount"), errors.toString());
        assertTrue(errors.get("Decision Maker?").contains("yes or no"), errors.toString());
    }
}
