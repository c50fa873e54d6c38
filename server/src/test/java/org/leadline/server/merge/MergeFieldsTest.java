package org.leadline.server.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class MergeFieldsTest {

    private static final JsonObject SURVIVOR = Json.createObjectBuilder()
            .add("person", Json.createObjectBuilder().add("lastName", "Berg").add("firstName", "Eva"))
            .add("company", Json.createObjectBuilder().add("name", "ACME GmbH"))
            .add("origin", Json.createObjectBuilder().add("source", "WEB"))
            .add("ownerId", "owner-1").build();
    private static final JsonObject FIRST = Json.createObjectBuilder()
            .add("person", Json.createObjectBuilder().add("lastName", "Berg-Maier").add("email", "eva@acme.example")
                    .add("firstName", " "))
            .add("company", Json.createObjectBuilder().add("name", "ACME")
                    .add("address", Json.createObjectBuilder().add("city", "Berlin").add("country", "DE")))
            .add("origin", Json.createObjectBuilder().add("source", "TRADE_FAIR").add("detail", "Hannover"))
            .add("ownerId", "owner-2").build();
    private static final JsonObject SECOND = Json.createObjectBuilder()
            .add("person", Json.createObjectBuilder().add("lastName", "Berg").add("email", "e.berg@acme.example")
                    .add("mobilePhone", "+49 170 1234567"))
            .add("origin", Json.createObjectBuilder().add("source", "EMAIL"))
            .add("topic", "CRM").add("ownerId", "owner-1").build();

    private static Map<String, JsonObject> leads() {
        Map<String, JsonObject> leads = new LinkedHashMap<>();
        leads.put("s", SURVIVOR);
        leads.put("m1", FIRST);
        leads.put("m2", SECOND);
        return leads;
    }

    private static MergeFields.Choice choice(List<MergeFields.Choice> choices, String field) {
        return choices.stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void theSurvivorKeepsItsValuesAndFillsGapsFromTheFirstMergedLeadThatHasOne() {
        List<MergeFields.Choice> choices = MergeFields.choose(leads(), Map.of());
        assertEquals("s", choice(choices, "person.lastName").from());
        assertEquals(Json.createValue("Berg"), choice(choices, "person.lastName").value());
        assertEquals("m1", choice(choices, "person.email").from(), "first merged lead in request order");
        assertEquals("m2", choice(choices, "person.mobilePhone").from());
        assertEquals("s", choice(choices, "person.firstName").from(), "a blank value is no value");
        assertEquals("m1", choice(choices, "company.address").from());
        assertEquals("s", choice(choices, "person.jobTitle").from(), "nobody has one: the survivor's (none)");
        assertEquals(JsonValue.NULL, choice(choices, "person.jobTitle").value());
        assertFalse(choice(choices, "person.email").chosen());

        MergeFields.Choice email = choice(choices, "person.email");
        assertEquals(List.of(new MergeFields.Alternative("m2", Json.createValue("e.berg@acme.example"))),
                email.alternatives());
        assertEquals(2, choice(choices, "origin").alternatives().size());

        JsonObject result = MergeFields.result(choices);
        assertEquals("Berg", result.getJsonObject("person").getString("lastName"));
        assertEquals("eva@acme.example", result.getJsonObject("person").getString("email"));
        assertEquals("Berlin", result.getJsonObject("company").getJsonObject("address").getString("city"));
        assertEquals("WEB", result.getJsonObject("origin").getString("source"));
        assertFalse(result.getJsonObject("origin").containsKey("detail"), "the origin is taken as a whole");
        assertEquals("CRM", result.getString("topic"));
        assertFalse(result.getJsonObject("person").containsKey("jobTitle"));
    }

    @Test
    void aChosenLeadWinsEvenOverTheSurvivorAndAFieldChoiceOverridesItsGroup() {
        Map<String, String> requested = new LinkedHashMap<>();
        requested.put("person", "m1");
        requested.put("person.email", "m2");
        requested.put("origin", "m1");
        Map<String, String> expanded = MergeFields.expand(requested);
        assertEquals("m2", expanded.get("person.email"));
        assertEquals("m1", expanded.get("person.lastName"));
        assertFalse(expanded.containsKey("company.name"));

        List<MergeFields.Choice> choices = MergeFields.choose(leads(), expanded);
        assertEquals(Json.createValue("Berg-Maier"), choice(choices, "person.lastName").value());
        assertTrue(choice(choices, "person.lastName").chosen());
        assertEquals(Json.createValue("e.berg@acme.example"), choice(choices, "person.email").value());
        assertEquals(JsonValue.NULL, choice(choices, "person.firstName").value(),
                "choosing a lead takes its value, even an empty one");
        JsonObject result = MergeFields.result(choices);
        assertEquals("Hannover", result.getJsonObject("origin").getString("detail"));
        assertFalse(result.getJsonObject("person").containsKey("firstName"));
        assertEquals("ACME GmbH", result.getJsonObject("company").getString("name"));
    }
}
