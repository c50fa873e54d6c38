package org.leadline.server.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MatchingTest {

    @Test
    void companyNamesMatchWhateverTheLegalFormAndPunctuation() {
        assertEquals("acme", Matching.companyKey("ACME GmbH"));
        assertEquals("acme", Matching.companyKey("Acme, gmbh."));
        assertEquals("nordlicht", Matching.companyKey("NORDLICHT, ag."));
        assertEquals("muller maschinenbau", Matching.companyKey("Müller Maschinenbau GmbH & Co. KG"));
        assertNotEquals(Matching.companyKey("Acme Holding"), Matching.companyKey("Acme"));
        assertEquals("gmbh", Matching.companyKey("GmbH"), "a name of legal forms only is kept as it is");
    }

    @Test
    void websitesMatchByHostWithoutWww() {
        assertEquals("acme.example", Matching.websiteKey("https://www.ACME.example/about"));
        assertEquals("acme.example", Matching.websiteKey("acme.example"));
        assertNull(Matching.websiteKey("  "));
        assertNull(Matching.websiteKey("http://"));
    }

    @Test
    void emailsMatchIgnoringCaseAndSpace() {
        assertEquals("anna@acme.example", Matching.emailKey(" Anna@ACME.example "));
        assertNull(Matching.emailKey(null));
    }
}
