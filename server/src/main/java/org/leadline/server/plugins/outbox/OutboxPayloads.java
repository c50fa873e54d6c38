package org.leadline.server.plugins.outbox;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.json.RecordInput;
import org.leadline.server.platform.json.RecordJson;

/**
 * What an outbox entry says, as JSON: the plugin API's own record (the event, or the conversion with
 * the lead as it was when the change committed), written and read member by member, so that an
 * extension is told exactly what it would have been told at once.
 */
final class OutboxPayloads {

    private OutboxPayloads() {
    }

    static String write(Record value) {
        return RecordJson.toJson(value).toString();
    }

    static LeadLifecycleEvent event(String payload) {
        return read(payload, LeadLifecycleEvent.class);
    }

    static Conversion conversion(String payload) {
        return read(payload, Conversion.class);
    }

    private static <R extends Record> R read(String payload, Class<R> type) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            object = reader.readObject();
        }
        List<FieldError> errors = new ArrayList<>();
        R value = RecordInput.read(new JsonInput(object, "", errors), type, (path, sent) -> {
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("An outbox entry cannot be read as " + type.getSimpleName() + ": " + errors);
        }
        return value;
    }
}
