package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PhoneKeysTest {

    @Test
    void nationalAndInternationalFormsOfOneNumberShareTheirKey() {
        assertEquals("+49301234567", PhoneKeys.key("+49 (0)30 123 45 67", null, "DE"));
        assertEquals("+49301234567", PhoneKeys.key("030/1234567", "DE", "US"));
        assertEquals("+49301234567", PhoneKeys.key("0049 30 1234567", null, "DE"));
        assertEquals("+12025550100", PhoneKeys.key("(202) 555-0100", "us", "DE"));
    }

    @Test
    void theLeadsCountryBeatsTheDefaultRegion() {
        assertEquals("+43123456789", PhoneKeys.key("01 23456789", "AT", "DE"));
        assertEquals("+49123456789", PhoneKeys.key("0123456789", null, "DE"));
    }

    @Test
    void whatIsNoPhoneNumberHasNoKey() {
        assertNull(PhoneKeys.key("call me", null, "DE"));
        assertNull(PhoneKeys.key("12", null, "DE"));
        assertNull(PhoneKeys.key("", null, "DE"));
        assertNull(PhoneKeys.key(null, null, "DE"));
        assertNull(PhoneKeys.key("1".repeat(500), null, "DE"));
    }
}
