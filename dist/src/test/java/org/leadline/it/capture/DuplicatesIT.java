package org.leadline.it.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A seller entering a lead learns that the person may already be there: by e-mail, by phone, or by
 * name at the same company; the tenant decides whether that is a warning or a refusal.
 */
class DuplicatesIT {

    private static LeadlineServer server;

    @BeforeAll
    static void server() {
        server = LeadlineServer.shared();
    }

    private static JsonObject lead(String first, String last, String company, String email, String phone,
                                   String mobile, String country) {
        JsonObjectBuilder person = Json.createObjectBuilder().add("lastName", last);
        if (first != null) person.add("firstName", first);
        if (email != null) person.add("email", email);
        if (phone != null) person.add("businessPhone", phone);
        if (mobile != null) person.add("mobilePhone", mobile);
        JsonObjectBuilder b = Json.createObjectBuilder().add("person", person)
                .add("origin", Json.createObjectBuilder().add("source", "PHONE"));
        if (company != null || country != null) {
            JsonObjectBuilder c = Json.createObjectBuilder();
            if (company != null) c.add("name", company);
            if (country != null) c.add("address", Json.createObjectBuilder().add("country", country));
            b.add("company", c);
        }
        return b.build();
    }

    private static String created(Api.Response r) {
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static List<String> candidateIds(JsonObject body) {
        JsonArray d = body.getJsonArray("duplicates");
        return d == null ? List.of() : d.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static JsonObject candidate(JsonObject body, String id) {
        return body.getJsonArray("duplicates").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSameAddressPhoneOrPersonAtTheCompanyIsReportedWithTheNewLead() {
        Api api = Fixtures.newTenant(server).api();
        String anna = created(api.post("/api/v1/leads",
                lead("Anna", "Schmidt", "ACME GmbH", "anna.schmidt@acme.example", "+49 30 1234567", null, "DE")));

        Api.Response sameMail = api.post("/api/v1/leads",
                lead("Anna", "Schmidt-Meyer", null, "Anna.Schmidt@ACME.example", null, null, null));
        created(sameMail);
        assertEquals(List.of(anna), candidateIds(sameMail.json()));
        assertEquals(List.of("EMAIL"), candidate(sameMail.json(), anna).getJsonArray("reasons").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertTrue(candidate(sameMail.json(), anna).getString("href").endsWith("/leads/" + anna));
        assertFalse(sameMail.json().getJsonArray("warnings").isEmpty());

        // The national form of the same number, as a mobile, with the country of the lead.
        Api.Response samePhone = api.post("/api/v1/leads", lead(null, "Becker", null, null, null, "030 / 123 45 67", "DE"));
        created(samePhone);
        assertEquals(List.of(anna), candidateIds(samePhone.json()));
        assertEquals("PHONE", candidate(samePhone.json(), anna).getJsonArray("reasons").getString(0));
        // Without a country the configured default region (DE) reads the national number.
        Api.Response samePhoneNoCountry = api.post("/api/v1/leads", lead(null, "Wagner", null, null, "030-1234567", null, null));
        created(samePhoneNoCountry);
        assertTrue(candidateIds(samePhoneNoCountry.json()).contains(anna), samePhoneNoCountry::toString);

        String juergen = created(api.post("/api/v1/leads", lead("Jürgen", "Müller", "Umlaut AG", null, null, null, null)));
        Api.Response initial = api.post("/api/v1/leads", lead("J.", "MULLER", "umlaut ag", null, null, null, null));
        created(initial);
        assertEquals(List.of(juergen), candidateIds(initial.json()));
        assertEquals("NAME_AND_COMPANY", candidate(initial.json(), juergen).getJsonArray("reasons").getString(0));
        Api.Response otherPerson = api.post("/api/v1/leads", lead("Jens", "Müller", "Umlaut AG", null, null, null, null));
        created(otherPerson);
        assertFalse(candidateIds(otherPerson.json()).contains(juergen), otherPerson::toString);
        Api.Response otherCompany = api.post("/api/v1/leads", lead("Jürgen", "Müller", "Other KG", null, null, null, null));
        created(otherCompany);
        assertNull(otherCompany.json().get("duplicates"), otherCompany::toString);

        // The answer can be sent back as it is: the extra members are derived and ignored.
        JsonObject readBack = sameMail.json();
        Api.Response put = api.put("/api/v1/leads/" + readBack.getString("id"), readBack, Map.of("If-Match", sameMail.etag()));
        assertEquals(200, put.status(), put::toString);
    }

    @Test
    void underTheRejectPolicyADuplicateIsRefusedUntilTheClientInsists() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api admin = tenant.api();
        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        assertEquals("WARN", admin.get("/api/v1/settings/capture").json().getString("duplicatePolicy"));
        Api.Response bySeller = seller.api().put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "WARN").build(), Map.of());
        assertEquals(403, bySeller.status(), bySeller::toString);
        Api.Response bad = admin.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "SOMETIMES").build(), Map.of());
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.fieldError("duplicatePolicy").contains("WARN"), bad::toString);
        Api.Response set = admin.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "REJECT").build(), Map.of());
        assertEquals(200, set.status(), set::toString);
        assertEquals("REJECT", seller.api().get("/api/v1/settings/capture").json().getString("duplicatePolicy"));

        String first = created(seller.api().post("/api/v1/leads",
                lead("Carla", "Rossi", "Fiori SpA", "carla@fiori.example", null, "+39 333 1234567", "IT")));
        Api.Response refused = seller.api().post("/api/v1/leads",
                lead("Carla", "Rossi", null, "CARLA@fiori.example", null, null, null));
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("/problems/conflict", refused.problemType());
        assertEquals(List.of(first), candidateIds(refused.json()));
        assertTrue(candidate(refused.json(), first).getString("href").endsWith("/leads/" + first));
        // Nothing was stored by the refusal.
        assertEquals(1, seller.api().get("/api/v1/leads?q=rossi").items().size());

        Api.Response insisted = seller.api().post("/api/v1/leads?allowDuplicate=true",
                lead("Carla", "Rossi", null, "CARLA@fiori.example", null, null, null));
        created(insisted);
        assertEquals(List.of(first), candidateIds(insisted.json()));
        Api.Response badFlag = seller.api().post("/api/v1/leads?allowDuplicate=maybe", lead(null, "X", null, null, null, null, null));
        assertEquals(400, badFlag.status(), badFlag::toString);

        // A deleted lead is no longer a candidate.
        Api.Response read = seller.api().get("/api/v1/leads/" + first);
        assertEquals(204, seller.api().delete("/api/v1/leads/" + first, Map.of("If-Match", read.etag())).status());
        Api.Response afterDelete = seller.api().post("/api/v1/leads",
                lead(null, "Bianchi", null, null, null, "0039 333 123 4567", null));
        created(afterDelete);
        assertNull(afterDelete.json().get("duplicates"), afterDelete::toString);
    }

    @Test
    void anotherTenantsIdenticalLeadIsNeverACandidate() {
        Api a = Fixtures.newTenant(server).api();
        Api b = Fixtures.newTenant(server).api();
        JsonObject same = lead("Dana", "Scully", "FBI", "dana@fbi.example", "+1 202 555 0100", null, "US");
        created(a.post("/api/v1/leads", same));
        assertEquals(200, a.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "REJECT").build(), Map.of()).status());
        Api.Response inB = b.post("/api/v1/leads", same);
        created(inB);
        assertNull(inB.json().get("duplicates"), inB::toString);
        assertEquals("WARN", b.get("/api/v1/settings/capture").json().getString("duplicatePolicy"));
        Api.Response againInB = b.post("/api/v1/leads", same);
        created(againInB);
        assertEquals(List.of(inB.json().getString("id")), candidateIds(againInB.json()));
        assertEquals(409, a.post("/api/v1/leads", same).status());
    }
}
