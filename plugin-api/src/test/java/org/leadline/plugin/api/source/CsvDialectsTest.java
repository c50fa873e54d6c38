package org.leadline.plugin.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CsvDialectsTest {

    @Test
    void salesforceReportLabelsAndApiNamesNameTheirFields() {
        assertEquals("companyName", CsvDialects.field("Company / Account"));
        assertEquals("region", CsvDialects.field("State"));
        assertEquals("region", CsvDialects.field("State/Province"));
        assertEquals("mobilePhone", CsvDialects.field("MobilePhone"));
        assertEquals("source", CsvDialects.field("LeadSource"));
        assertTrue(CsvDialects.ignored("Lead Status"));
    }

    @Test
    void dynamicsLogicalAndDisplayNamesNameTheirFields() {
        assertEquals("email", CsvDialects.field("emailaddress1"));
        assertEquals("businessPhone", CsvDialects.field("telephone1"));
        assertEquals("mobilePhone", CsvDialects.field("mobilephone"));
        assertEquals("topic", CsvDialects.field("subject"));
        assertEquals("website", CsvDialects.field("websiteurl"));
        assertEquals("street", CsvDialects.field("address1_line1"));
        assertEquals("city", CsvDialects.field("address1_city"));
        assertEquals("postalCode", CsvDialects.field("address1_postalcode"));
        assertEquals("region", CsvDialects.field("address1_stateorprovince"));
        assertEquals("country", CsvDialects.field("address1_country"));
        assertEquals("source", CsvDialects.field("leadsourcecode"));
        assertEquals("purchaseTimeframe", CsvDialects.field("purchasetimeframe"));
        assertEquals("decisionMaker", CsvDialects.field("decisionmaker"));
        assertEquals("budget", CsvDialects.field("budgetamount"));
        assertEquals("jobTitle", CsvDialects.field("jobtitle"));
        assertEquals("companyName", CsvDialects.field("companyname"));
        assertEquals("firstName", CsvDialects.field("firstname"));
        assertEquals("lastName", CsvDialects.field("lastname"));
        assertEquals("decisionMaker", CsvDialects.field("Decision Maker?"));
        assertEquals("THIS_QUARTER", CsvDialects.value("purchaseTimeframe", "1"));
        assertEquals("UNKNOWN", CsvDialects.value("purchaseTimeframe", "4"));
        assertEquals("TRADE_FAIR", CsvDialects.value("source", "7"));
        assertEquals("COMMITTEE", CsvDialects.value("purchaseProcess", "1"));
    }

    @Test
    void germanFrenchSpanishAndCrmHeadersNameTheirFields() {
        assertEquals("firstName", CsvDialects.field("Vorname"));
        assertEquals("lastName", CsvDialects.field("Nachname"));
        assertEquals("companyName", CsvDialects.field("Firma"));
        assertEquals("email", CsvDialects.field("E-Mail"));
        assertEquals("businessPhone", CsvDialects.field("Telefon"));
        assertEquals("street", CsvDialects.field("Straße"));
        assertEquals("street", CsvDialects.field("Strasse"));
        assertEquals("postalCode", CsvDialects.field("PLZ"));
        assertEquals("city", CsvDialects.field("Ort"));
        assertEquals("country", CsvDialects.field("Land"));
        assertEquals("firstName", CsvDialects.field("Prénom"));
        assertEquals("lastName", CsvDialects.field("Nom"));
        assertEquals("companyName", CsvDialects.field("Société"));
        assertEquals("postalCode", CsvDialects.field("Code postal"));
        assertEquals("firstName", CsvDialects.field("Nombre"));
        assertEquals("lastName", CsvDialects.field("Apellidos"));
        assertEquals("email", CsvDialects.field("Correo electrónico"));
        assertEquals("country", CsvDialects.field("País"));
        assertEquals("businessPhone", CsvDialects.field("Phone Number"));
        assertEquals("companyName", CsvDialects.field("Organization - Name"));
        assertEquals("jobTitle", CsvDialects.field("Designation"));
        assertEquals("postalCode", CsvDialects.field("Zip_Code"));
        assertEquals("lastName", CsvDialects.field("lastName"));
        assertNull(CsvDialects.field("Lieblingsfarbe"));
    }

    @Test
    void countriesByCodeNameInSixLanguagesAndAlias() {
        assertEquals("GB", CsvDialects.country("UK"));
        assertEquals("GB", CsvDialects.country("Great Britain"));
        assertEquals("GB", CsvDialects.country("gb"));
        assertEquals("DE", CsvDialects.country("Deutschland"));
        assertEquals("DE", CsvDialects.country("Allemagne"));
        assertEquals("DE", CsvDialects.country("DEU"));
        assertEquals("US", CsvDialects.country("USA"));
        assertEquals("US", CsvDialects.country("États-Unis"));
        assertEquals("ES", CsvDialects.country("España"));
        assertEquals("NL", CsvDialects.country("Nederland"));
        assertEquals("IT", CsvDialects.country("Italia"));
        assertNull(CsvDialects.country("Atlantis"));
        assertNull(CsvDialects.country("XX"));
    }

    @Test
    void booleansInSeveralLanguages() {
        for (String yes : new String[] {"ja", "Oui", "sí", "si", "yes", "TRUE", "1", "x", "y"}) {
            assertEquals(Boolean.TRUE, CsvDialects.bool(yes), yes);
        }
        for (String no : new String[] {"nein", "non", "no", "false", "0", "n", "Falso"}) {
            assertEquals(Boolean.FALSE, CsvDialects.bool(no), no);
        }
        assertNull(CsvDialects.bool("maybe"));
    }

    private static void amount(String text, String expected, String currency) {
        CsvDialects.Amount a = CsvDialects.amount(text);
        assertEquals(0, new BigDecimal(expected).compareTo(a.amount()), text + " gave " + a);
        assertEquals(currency, a.currency(), text);
    }

    @Test
    void amountsWithLocaleSeparatorsKeepTheirCurrency() {
        amount("2.500.000,00 €", "2500000", "EUR");
        amount("1 234,50 EUR", "1234.50", "EUR");
        amount("1\u00a0234,50\u00a0€", "1234.50", "EUR");
        amount("$15,000.00", "15000", "USD");
        amount("EUR 2,500,000.00", "2500000", "EUR");
        amount("CHF 1'234.50", "1234.50", "CHF");
        amount("£1,000", "1000", "GBP");
        amount("usd 99.5", "99.5", "USD");
        amount("1234.5", "1234.5", null);
        amount("1.234", "1234", null);
        amount("1,234", "1234", null);
        amount("1234,56", "1234.56", null);
        amount("0,125", "0.125", null);
        amount("-€ 12", "-12", "EUR");
        assertNull(CsvDialects.amount("about 5"));
        assertNull(CsvDialects.amount("12 ABC"));
        assertNull(CsvDialects.amount("1.234.5,6,7"));
        assertNull(CsvDialects.amount(""));
    }

    @Test
    void theTableNamesEveryDialectTheDocsList() {
        Set<String> dialects = CsvDialects.entries().stream().map(CsvDialects.Entry::dialect).collect(Collectors.toSet());
        for (String d : new String[] {"leadline", "salesforce", "salesforce-api", "dynamics", "dynamics-logical", "hubspot",
                "pipedrive", "zoho", "de", "fr", "es"}) {
            assertTrue(dialects.contains(d), d);
        }
        assertFalse(CsvDialects.entries().isEmpty());
    }
}
