package org.leadline.server.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leadline.api.capture.DuplicateReason;

class DuplicateRuleTest {

    private static DuplicateRule.Person person(String first, String last, String company, String email, String phone) {
        return DuplicateRule.Person.of(new DuplicateFinder.Probe(email, phone, null, "DE", first, last, company));
    }

    @Test
    void annaSchmidtAtAcmeIsAnnaSchmidtAtAcmeGmbhWhateverTheLegalForm() {
        DuplicateRule.Person stored = person("Anna", "Schmidt", "ACME GmbH", null, null);
        for (String company : new String[] {"Acme", "ACME Inc.", "ACME  GmbH.", "acme gmbh"}) {
            assertEquals(List.of(DuplicateReason.NAME_AND_COMPANY),
                    DuplicateRule.reasons(person("Anna", "Schmidt", company, null, null), stored), company);
        }
        assertEquals(List.of(DuplicateReason.NAME_AND_COMPANY),
                DuplicateRule.reasons(person("A.", "SCHMIDT", "Acme", null, null), stored));
    }

    @Test
    void anotherFirstNameAtTheSameCompanyIsAnotherPerson() {
        assertEquals(List.of(), DuplicateRule.reasons(person("Bernd", "Schmidt", "Acme", null, null),
                person("Anna", "Schmidt", "Acme", null, null)));
    }

    @Test
    void differentAddressesAreDifferentPeopleEvenAtOneSwitchboard() {
        DuplicateRule.Person anna = person("Anna", "Schmidt", "Acme", "anna@acme.example", "+49 30 1234560");
        assertEquals(List.of(), DuplicateRule.reasons(person("Bernd", "Meyer", "Acme", "bernd@acme.example", "030 1234560"), anna));
        assertEquals(List.of(), DuplicateRule.reasons(person("Anna", "Schmidt", "Acme", "a.schmidt@acme.example", null), anna));
        assertEquals(List.of(DuplicateReason.PHONE), DuplicateRule.reasons(person(null, "Becker", null, null, "030 1234560"), anna));
        assertEquals(List.of(DuplicateReason.EMAIL, DuplicateReason.PHONE, DuplicateReason.NAME_AND_COMPANY),
                DuplicateRule.reasons(person("Anna", "Schmidt", "ACME GmbH", "Anna@ACME.example", "+49 30 1234560"), anna));
    }
}
