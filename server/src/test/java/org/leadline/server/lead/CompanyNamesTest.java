package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompanyNamesTest {

    @Test
    void legalFormsCasePunctuationAndSpacingDoNotCount() {
        for (String name : new String[] {"ACME GmbH", "Acme", "ACME Inc.", "ACME  GmbH.", "acme, inc", "Acme GmbH & Co. KG",
                "ACME AG", "Acme Ltd.", "Acme LLC", "Acme Corp.", "ACME S.A.", "Acme SARL", "Acme S.L.", "Acme S.p.A.",
                "Acme B.V.", "Acme N.V.", "ACME e.K.", "Acme UG (haftungsbeschränkt)", "Acme KG", "Acme S.r.l.", "Acme SAS",
                "Acme Pty Ltd", "Acme plc", " acme "}) {
            assertEquals("acme", CompanyNames.key(name), name);
        }
        assertEquals("muller maschinenbau", CompanyNames.key("Müller Maschinenbau GmbH & Co. KG"));
        assertEquals("strassenbau nord", CompanyNames.key("Straßenbau-Nord GmbH"));
    }

    @Test
    void onlyTrailingFormsGoAndANameOfFormsOnlyStays() {
        assertEquals("ag bank", CompanyNames.key("AG Bank"));
        assertEquals("gmbh", CompanyNames.key("GmbH"));
        assertNotEquals(CompanyNames.key("Acme Holding"), CompanyNames.key("Acme"));
        assertNotEquals(CompanyNames.key("Acme Nord"), CompanyNames.key("Acme Süd"));
        assertEquals("", CompanyNames.key(null));
        assertEquals("", CompanyNames.key("  "));
        assertEquals(200, CompanyNames.key("x".repeat(300)).length());
    }

    @Test
    void searchLeavesTheSingleWordFormsOut() {
        assertTrue(CompanyNames.isLegalForm("gmbh"));
        assertTrue(CompanyNames.isLegalForm("spa"));
        assertTrue(!CompanyNames.isLegalForm("acme"));
        assertTrue(!CompanyNames.isLegalForm("sc"), "a query word \"sc\" still finds Schmidt");
    }
}
