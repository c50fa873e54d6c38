package org.leadline.server.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class FieldDiffTest {

    private static JsonObject lead(String email, Object budget, String city) {
        var person = Json.createObjectBuilder().add("lastName", "Berg");
        if (email != null) {
            person.add("email", email);
        }
        var b = Json.createObjectBuilder().add("person", person);
        if (budget != null) {
            b.add("qualification", Json.createObjectBuilder().add("budget", Json.createObjectBuilder()
                    .add("amount", new java.math.BigDecimal(budget.toString())).add("currency", "EUR")));
        }
        if (city != null) {
            b.add("company", Json.createObjectBuilder().add("address", Json.createObjectBuilder().add("city", city)));
        }
        return b.build();
    }

    @Test
    void aChangedEmailIsNamedByItsDottedPathWithOldAndNewValue() {
        List<FieldDiff.Change> changes = FieldDiff.between(lead("a@x.example", null, null), lead("b@x.example", null, null));
        assertEquals(List.of(new FieldDiff.Change("person.email", "a@x.example", "b@x.example")), changes);
    }

    @Test
    void addedAndRemovedFieldsHaveNoValueOnTheOtherSide() {
        List<FieldDiff.Change> changes = FieldDiff.between(lead("a@x.example", null, "Berlin"), lead(null, null, null));
        assertEquals(List.of(new FieldDiff.Change("company.address.city", "Berlin", null),
                new FieldDiff.Change("person.email", "a@x.example", null)), changes);
    }

    @Test
    void aNewThingListsEveryFieldInFieldOrder() {
        List<FieldDiff.Change> changes = FieldDiff.between(JsonValue.EMPTY_JSON_OBJECT, lead("a@x.example", "5", null));
        assertEquals(List.of("person.email", "person.lastName", "qualification.budget.amount",
                "qualification.budget.currency"), changes.stream().map(FieldDiff.Change::field).toList());
        assertEquals("5", changes.get(2).to());
    }

    @Test
    void theSameAmountWrittenDifferentlyIsNoChange() {
        assertEquals(List.of(), FieldDiff.between(lead(null, "50000", null), lead(null, "50000.00", null)));
        assertEquals(1, FieldDiff.between(lead(null, "50000", null), lead(null, "50000.01", null)).size());
    }

    @Test
    void listsCountAsOneValue() {
        JsonObject a = Json.createObjectBuilder().add("content", Json.createObjectBuilder()
                .add("attachments", Json.createArrayBuilder().add("x"))).build();
        JsonObject b = Json.createObjectBuilder().add("content", Json.createObjectBuilder()
                .add("attachments", Json.createArrayBuilder().add("x").add("y"))).build();
        assertEquals(List.of(new FieldDiff.Change("content.attachments", "[\"x\"]", "[\"x\",\"y\"]")),
                FieldDiff.between(a, b));
    }

    @Test
    void explicitNullsAreAbsentValues() {
        JsonObject a = Json.createObjectBuilder().add("outcome", JsonValue.NULL).build();
        assertEquals(List.of(), FieldDiff.between(a, JsonValue.EMPTY_JSON_OBJECT));
    }
}
