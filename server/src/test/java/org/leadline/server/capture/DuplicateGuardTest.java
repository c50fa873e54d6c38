package org.leadline.server.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SortedSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class DuplicateGuardTest {

    private static JsonObject lead(String email, String phone, String mobile, String last, String company) {
        var person = Json.createObjectBuilder().add("lastName", last);
        if (email != null) person.add("email", email);
        if (phone != null) person.add("businessPhone", phone);
        if (mobile != null) person.add("mobilePhone", mobile);
        var b = Json.createObjectBuilder().add("person", person);
        if (company != null) {
            b.add("company", Json.createObjectBuilder().add("name", company)
                    .add("address", Json.createObjectBuilder().add("country", "DE")));
        }
        return b.build();
    }

    private static SortedSet<Integer> buckets(JsonObject lead) {
        return DuplicateGuard.buckets(DuplicateFinder.Keys.of(DuplicateFinder.Probe.of(lead)));
    }

    @Test
    void aLeadIsLockedByEveryKeyItIsComparedBy() {
        DuplicateFinder.Keys keys = DuplicateFinder.Keys.of(DuplicateFinder.Probe.of(
                lead("  Anna.Schmidt@ACME.example ", "030 1234567", "+49 171 2345678", " Schmidt ", "ACME GmbH")));
        assertEquals("anna.schmidt@acme.example", keys.email());
        assertEquals(Set.of("+49301234567", "+491712345678"), keys.phones());
        assertEquals("schmidt", keys.lastName());
        assertTrue(keys.hasNameAndCompany());
        SortedSet<Integer> buckets = DuplicateGuard.buckets(keys);
        assertTrue(buckets.size() >= 3 && buckets.size() <= 4, buckets::toString);
        buckets.forEach(b -> assertTrue(b >= 0 && b < DuplicateGuard.BUCKETS, buckets::toString));
    }

    @Test
    void theSamePersonWrittenDifferentlyTakesTheSameBuckets() {
        assertEquals(buckets(lead("anna@acme.example", null, null, "Schmidt", null)),
                buckets(lead(" ANNA@acme.EXAMPLE", null, null, "Other", null)));
        assertEquals(buckets(lead(null, "+49 30 1234567", null, "A", null)),
                buckets(lead(null, null, "030/123 45 67", "B", null)));
        // Without a company the name alone compares nothing, so it locks nothing.
        assertTrue(buckets(lead(null, null, null, "Schmidt", null)).isEmpty());
        assertEquals(buckets(lead(null, null, null, "Müller", "Umlaut AG")),
                buckets(lead(null, null, null, "MULLER", "umlaut ag")));
    }

    @Test
    void bucketsAreStableAndSpread() {
        // Stored nowhere, but servers on one database (e.g. old and new during an upgrade) must agree.
        assertEquals(776, DuplicateGuard.bucket("email\nanna@acme.example"));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(DuplicateGuard.bucket("email\nperson" + i + "@example.com"));
        }
        assertTrue(seen.size() > 500, "1000 addresses fall into " + seen.size() + " buckets");
    }
}
