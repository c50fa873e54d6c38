package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.leadline.api.lead.ContactMethod;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.PurchaseProcess;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;

class LeadJsonTest {

    static final String FULL = """
            {"person":{"salutation":"Ms.","firstName":"Anna","lastName":"Schmidt","jobTitle":"Head of Sales",
               "email":"anna@acme.example","businessPhone":"+49 30 1234567","mobilePhone":"+49 170 1",
               "preferredContactMethod":"EMAIL","language":"de"},
             "company":{"name":"ACME GmbH","website":"https://acme.example","industry":"Manufacturing","employees":250,
               "annualRevenue":{"amount":12000000.5,"currency":"eur"},
               "address":{"street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","region":"BE","country":"de"}},
             "origin":{"source":"trade_fair","detail":"Hannover Messe"},
             "qualification":{"budget":{"amount":50000,"currency":"EUR"},"need":"CRM","purchaseTimeframe":"THIS_QUARTER",
               "decisionMaker":false,"decisionMakerName":"Bob","purchaseProcess":"COMMITTEE","purchaseProcessNotes":"two rounds"},
             "topic":"CRM","description":"Long text","ownerId":"0190a1b2-0000-7000-8000-000000000001"}
            """;

    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    static Map<String, String> errors(JsonObject body, JsonObject current) {
        List<FieldError> errors = new ArrayList<>();
        LeadJson.read(body, current, errors);
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::reason, (a, b) -> a + "; " + b));
    }

    @Test
    void everyFieldOfTheFormIsRead() {
        List<FieldError> errors = new ArrayList<>();
        LeadData d = LeadJson.read(json(FULL), JsonValue.EMPTY_JSON_OBJECT, errors);
        assertEquals(List.of(), errors);
        assertEquals("Schmidt", d.person().lastName());
        assertEquals(ContactMethod.EMAIL, d.person().preferredContactMethod());
        assertEquals(250, d.company().employees());
        assertEquals(new BigDecimal("12000000.5"), d.company().annualRevenue().amount());
        assertEquals("EUR", d.company().annualRevenue().currency(), "codes are upper-cased");
        assertEquals("DE", d.company().address().country());
        assertEquals(Source.TRADE_FAIR, d.origin().source(), "enums ignore case");
        assertEquals(Boolean.FALSE, d.qualification().decisionMaker());
        assertEquals(PurchaseProcess.COMMITTEE, d.qualification().purchaseProcess());
        assertEquals("0190a1b2-0000-7000-8000-000000000001", d.ownerId());
    }

    @Test
    void writingAndReadingAgainGivesTheSameLead() {
        LeadData d = LeadJson.read(json(FULL), JsonValue.EMPTY_JSON_OBJECT, new ArrayList<>());
        Lead lead = Lead.create(d, "creator");
        JsonObject written = LeadJson.write(lead);
        assertEquals(lead.id(), written.getString("id"));
        assertEquals("OPEN", written.getString("status"));
        assertEquals("creator", written.getString("createdBy"));
        assertFalse(written.containsKey("rating"), "absent values are left out");
        assertEquals(0, new BigDecimal("12000000.50").compareTo(
                written.getJsonObject("company").getJsonObject("annualRevenue").getJsonNumber("amount").bigDecimalValue()));

        List<FieldError> errors = new ArrayList<>();
        LeadData again = LeadJson.read(written, written, errors);
        assertEquals(List.of(), errors, "a lead sent back as read is accepted, server-owned fields included");
        assertEquals(LeadJson.writeData(lead.data()), LeadJson.writeData(again));
    }

    @Test
    void serverOwnedFieldsMayComeBackUnchangedButNotChanged() {
        Lead lead = Lead.create(LeadJson.read(json(FULL), JsonValue.EMPTY_JSON_OBJECT, new ArrayList<>()), "creator");
        JsonObject current = LeadJson.write(lead);
        for (String field : LeadJson.SERVER_OWNED) {
            JsonObject changed = Json.createObjectBuilder(current).add(field, "other").build();
            assertEquals("is set by the server and cannot be written", errors(changed, current).get(field), field);
            JsonObject onCreate = Json.createObjectBuilder(json(FULL)).add(field, "x").build();
            assertEquals("is set by the server and cannot be written", errors(onCreate, JsonValue.EMPTY_JSON_OBJECT).get(field));
            JsonObject nulled = Json.createObjectBuilder(json(FULL)).addNull(field).build();
            assertNull(errors(nulled, current).get(field), "null for a server-owned field is ignored: " + field);
        }
    }

    @Test
    void unknownFieldsAndWrongTypesAreListedWithTheirPath() {
        JsonObject body = json("""
                {"person":{"lastName":5,"nickname":"x","preferredContactMethod":"FAX"},
                 "company":{"employees":"many","annualRevenue":{"amount":true,"currency":1}},
                 "origin":"WEB","qualification":{"decisionMaker":"yes"},"colour":"blue"}
                """);
        Map<String, String> e = errors(body, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals("must be a string", e.get("person.lastName"));
        assertEquals("is not a known field", e.get("person.nickname"));
        assertTrue(e.get("person.preferredContactMethod").matches("must be one of .*EMAIL, PHONE.*"), e::toString);
        assertEquals("must be a whole number", e.get("company.employees"));
        assertEquals("must be a number", e.get("company.annualRevenue.amount"));
        assertEquals("must be a string", e.get("company.annualRevenue.currency"));
        assertEquals("must be an object", e.get("origin"));
        assertEquals("must be true or false", e.get("qualification.decisionMaker"));
        assertEquals("is not a known field", e.get("colour"));
    }

    @Test
    void unknownCodesAreRefusedButMalformedOnesAreLeftToTheirPattern() {
        var validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
        List<FieldError> found = new ArrayList<>();
        LeadValidation.validateNew(json("""
                {"person":{"lastName":"X"},"origin":{"source":"WEB"},
                 "company":{"annualRevenue":{"amount":1,"currency":"XYZ"},"address":{"country":"QQ"}},
                 "qualification":{"budget":{"amount":1,"currency":"EURO"}}}
                """), validator, found);
        Map<String, String> e = new java.util.HashMap<>();
        found.forEach(f -> e.merge(f.field(), f.reason(), (a, b) -> a + "; " + b));
        assertEquals("is not an ISO 4217 currency code", e.get("company.annualRevenue.currency"));
        assertEquals("is not an ISO 3166 country code", e.get("company.address.country"));
        assertEquals("must be an ISO 4217 currency code like EUR", e.get("qualification.budget.currency"), e::toString);

        LeadData lower = LeadJson.read(json("""
                {"person":{"lastName":"X"},"origin":{"source":"WEB"},
                 "company":{"annualRevenue":{"amount":1,"currency":"eur"},"address":{"country":"de"}}}
                """), JsonValue.EMPTY_JSON_OBJECT, new ArrayList<>());
        assertEquals("EUR", lower.company().annualRevenue().currency(), "codes are taken in any case");
        assertEquals("DE", lower.company().address().country());
        assertTrue(validator.validate(lower).isEmpty());
    }

    @Test
    void blankStringsCountAsAbsent() {
        LeadData d = LeadJson.read(json("{\"person\":{\"lastName\":\" X \",\"firstName\":\"  \"},\"origin\":{\"source\":\"WEB\"}}"),
                JsonValue.EMPTY_JSON_OBJECT, new ArrayList<>());
        assertEquals("X", d.person().lastName());
        assertNull(d.person().firstName());
        JsonObject written = LeadJson.writeData(d);
        assertEquals(Json.createObjectBuilder().add("lastName", "X").build(), written.getJsonObject("person"));
        assertFalse(written.containsKey("company"));
        assertFalse(written.containsKey("qualification"));
    }
}
