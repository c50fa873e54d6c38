package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.Source;

class SearchTermsTest {

    static Lead lead(String first, String last, String company, String email) {
        LeadData data = new LeadData(
                new LeadData.Person(null, first, last, null, email, null, null, null, null),
                company == null ? null : new LeadData.Company(company, null, null, null, null, null),
                new LeadData.Origin(Source.WEB, null), null, null, null, null);
        return Lead.create(data, "user");
    }

    @Test
    void aLeadIsFoundByItsNamesCompanyAndEmailWithoutDiacritics() {
        Set<String> terms = SearchTerms.of(lead("Jörg", "Müller-Lüdenscheidt", "Straße & Söhne GmbH", "J.Mueller@Example.COM"));
        assertEquals(Set.of("jorg", "muller", "ludenscheidt", "strasse", "sohne", "j", "mueller", "example"), terms);
    }

    @Test
    void legalFormsTopLevelDomainsAndWholeAddressesAreNoSearchWords() {
        assertEquals(Set.of("ada", "acme", "werke", "a", "lovelace"),
                withHyphenatedDomain(), "a domain keeps its labels but the top-level ones");
        assertEquals(Set.of("ada", "acme"), SearchTerms.of(lead("Ada", null, "ACME Inc.", null)));
        assertEquals(List.of("acme"), SearchTerms.query("Acme GmbH"), "a legal form in a query is left out");
        assertEquals(List.of("gmbh"), SearchTerms.query("GmbH"), "unless nothing else is asked for");
        assertTrue(SearchTerms.isEmailQuery(SearchTerms.query("ada@acme").get(0)));
    }

    private static Set<String> withHyphenatedDomain() {
        return SearchTerms.of(lead("Ada", null, "Acme Werke AG", "a.lovelace@acme-werke.co.uk"));
    }

    @Test
    void missingFieldsGiveNoTerms() {
        assertEquals(Set.of("solo"), SearchTerms.of(lead(null, "Solo", null, null)));
    }

    @Test
    void aQueryIsNormalisedLikeTheStoredTerms() {
        assertEquals(List.of("muller"), SearchTerms.query("MÜLLER"));
        assertEquals(List.of("anna", "acme"), SearchTerms.query("  Anna,  ACME anna "));
        assertEquals(List.of("anna@acme.example"), SearchTerms.query(" Anna@ACME.example "), "an e-mail stays whole");
        assertEquals(List.of(), SearchTerms.query(" ,.; "));
        assertEquals(List.of("ss"), SearchTerms.query("ß"));
        assertEquals(List.of("angstrom"), SearchTerms.query("Ångström"));
    }

    @Test
    void veryLongWordsAreCutToTheColumn() {
        String word = "a".repeat(500);
        List<String> terms = SearchTerms.query(word);
        assertEquals(1, terms.size());
        assertEquals(LeadSearchTerm.MAX_TERM_LENGTH, terms.get(0).length());
        assertTrue(SearchTerms.of(lead(null, word.substring(0, 100), null, null)).stream()
                .allMatch(t -> t.length() <= LeadSearchTerm.MAX_TERM_LENGTH));
    }

    @Test
    void sortKeysFoldDiacriticsAndFitTheirColumns() {
        assertEquals("muller", lead(null, "Müller", null, null).lastNameKey());
        assertEquals(100, lead(null, "ß".repeat(100), null, null).lastNameKey().length());
        assertEquals("", lead(null, "X", null, null).companyKey());
    }
}
