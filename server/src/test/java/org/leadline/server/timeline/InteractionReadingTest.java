package org.leadline.server.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.leadline.api.problem.FieldError;
import org.leadline.api.timeline.Direction;
import org.leadline.api.timeline.InteractionView;
import org.leadline.api.timeline.Medium;
import org.leadline.server.platform.json.RecordBodyReader;

/** An interaction's body is read into {@link InteractionView}, the record of its schema. */
class InteractionReadingTest {

    private final List<FieldError> errors = new ArrayList<>();

    private InteractionData read(JsonObject body) {
        InteractionView view = RecordBodyReader.bind(body, InteractionView.class,
                Validation.buildDefaultValidatorFactory().getValidator(), errors);
        return errors.isEmpty() ? new InteractionKind().data(view) : null;
    }

    private Set<String> fields() {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    private String reason(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::reason).findFirst().orElse(null);
    }

    @Test
    void aCallWithBrochureAndAttachmentsIsRead() {
        InteractionData d = read(Json.createObjectBuilder().add("medium", "phone").add("direction", "OUTBOUND")
                .add("purpose", "product information").add("occurredAt", "2026-03-02T09:30:00.123456789Z")
                .add("content", Json.createObjectBuilder().add("brochure", "Product Brochure 2026")
                        .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("name", "prices.pdf").add("reference", "dms://prices.pdf"))))
                .build());
        assertEquals(List.of(), errors);
        assertEquals(Medium.PHONE, d.medium());
        assertEquals("Product Brochure 2026", d.content().brochure());
        assertEquals("dms://prices.pdf", d.content().attachments().get(0).reference());
        assertEquals(Instant.parse("2026-03-02T09:30:00.123456Z"), d.occurredAt(), "kept to microseconds, as stored");
        assertNull(d.employeeId());
    }

    @Test
    void everyProblemIsListedUnderItsFullPath() {
        read(Json.createObjectBuilder().add("medium", "PIGEON").add("occurredAt", "yesterday").add("mood", "good")
                .add("employeeId", "nobody")
                .add("content", Json.createObjectBuilder().add("colour", "red")
                        .add("attachments", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "a.pdf").add("size", 3))
                                .add(1)
                                .add(Json.createObjectBuilder().add("name", "b".repeat(201)).add("reference", "r"))))
                .build());
        assertEquals(Set.of("medium", "direction", "employeeId", "content.attachments[0].reference",
                "content.attachments[0].size", "content.attachments[1]", "content.attachments[2].name",
                "content.colour", "occurredAt", "mood"), fields());
        assertEquals("is not a user of this tenant", reason("employeeId"));
        assertEquals("is required", reason("content.attachments[0].reference"));
        assertEquals("must be at most 200 characters", reason("content.attachments[2].name"));
    }

    @Test
    void attachmentsMustBeAShortList() {
        var many = Json.createArrayBuilder();
        for (int i = 0; i <= InteractionData.MAX_ATTACHMENTS; i++) {
            many.add(Json.createObjectBuilder().add("name", "f").add("reference", "r"));
        }
        JsonObject call = Json.createObjectBuilder().add("medium", "PHONE").add("direction", "INBOUND").build();
        read(Json.createObjectBuilder(call).add("content", Json.createObjectBuilder().add("attachments", many)).build());
        assertEquals(Set.of("content.attachments"), fields());
        assertEquals("must be at most 20 items", reason("content.attachments"));
        errors.clear();
        read(Json.createObjectBuilder(call).add("content", Json.createObjectBuilder().add("attachments", "x")).build());
        assertEquals("must be an array", reason("content.attachments"));
    }

    @Test
    void aReplacementMaySendBackWhatTheServerOwnsUnchanged() {
        InteractionView stored = new InteractionView("0190b6a0-0000-7000-8000-000000000001",
                "0190b6a0-0000-7000-8000-000000000002", null, Medium.PHONE, Direction.INBOUND, null, null,
                Instant.parse("2026-03-02T09:30:00Z"), null, Instant.parse("2026-03-02T09:31:00Z"),
                "0190b6a0-0000-7000-8000-000000000003", Instant.parse("2026-03-02T09:31:00Z"),
                "0190b6a0-0000-7000-8000-000000000003", 3L);
        JsonObject sentBack = Json.createObjectBuilder(org.leadline.server.platform.json.RecordJson.toJson(stored))
                .add("purpose", "call back").build();
        InteractionView read = RecordBodyReader.replace(stored, sentBack);
        assertEquals("call back", read.purpose());

        JsonObject changed = Json.createObjectBuilder(sentBack).add("version", 9).add("medium", "CARRIER_PIGEON")
                .build();
        var problem = org.junit.jupiter.api.Assertions.assertThrows(
                org.leadline.server.platform.problem.ProblemException.class,
                () -> RecordBodyReader.replace(stored, changed));
        assertEquals(Set.of("version", "medium"), problem.errors().stream().map(FieldError::field)
                .collect(Collectors.toSet()), "every error in one problem");
    }
}
