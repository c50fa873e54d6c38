package org.leadline.server.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;

class InteractionReadingTest {

    private final List<FieldError> errors = new ArrayList<>();

    private InteractionData read(JsonObject body) {
        JsonInput in = new JsonInput(body, "", errors);
        InteractionData data = new InteractionKind().read(in);
        in.rejectUnknown();
        return data;
    }

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
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
                .add("content", Json.createObjectBuilder().add("colour", "red")
                        .add("attachments", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "a.pdf").add("size", 3))
                                .add(1)
                                .add(Json.createObjectBuilder().add("name", "b".repeat(201)).add("reference", "r"))))
                .build());
        assertEquals(List.of("medium", "content.attachments[0].reference",
                "content.attachments[0].size", "content.attachments[1]", "content.attachments[2].name",
                "content.colour", "occurredAt", "mood"), fields());
    }

    @Test
    void attachmentsMustBeAShortList() {
        var many = Json.createArrayBuilder();
        for (int i = 0; i <= InteractionData.MAX_ATTACHMENTS; i++) {
            many.add(Json.createObjectBuilder().add("name", "f").add("reference", "r"));
        }
        read(Json.createObjectBuilder().add("content", Json.createObjectBuilder().add("attachments", many)).build());
        assertEquals(List.of("content.attachments"), fields());
        errors.clear();
        read(Json.createObjectBuilder().add("content", Json.createObjectBuilder().add("attachments", "x")).build());
        assertTrue(errors.get(0).reason().contains("list"));
    }
}
