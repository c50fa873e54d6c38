package org.leadline.server.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.server.platform.json.Json;

/**
 * Which value of which lead the survivor keeps, field by field. The fields are the lead form's
 * fields as clients write them ({@code person.email}); values that only make sense together
 * (an address, an amount with its currency, the origin's source with its detail) are chosen as
 * one. Without a choice the survivor keeps its own value, or, where it has none, takes the first
 * value among the merged leads in the order they were listed.
 */
final class MergeFields {

    static final List<String> FIELDS = List.of(
            "person.salutation", "person.firstName", "person.lastName", "person.jobTitle", "person.email",
            "person.businessPhone", "person.mobilePhone", "person.preferredContactMethod", "person.language",
            "company.name", "company.website", "company.industry", "company.employees", "company.annualRevenue",
            "company.address",
            "origin",
            "qualification.budget", "qualification.need", "qualification.purchaseTimeframe",
            "qualification.decisionMaker", "qualification.decisionMakerName", "qualification.purchaseProcess",
            "qualification.purchaseProcessNotes",
            "topic", "description", "ownerId");

    /** Names that choose every field of a group at once; a choice for a single field still wins. */
    static final Set<String> GROUPS = Set.of("person", "company", "qualification");

    /** Another lead's value for a field, offered but not taken. */
    record Alternative(String leadId, JsonValue value) {
    }

    /** The value the survivor gets for a field, the lead it comes from and the values not taken. */
    record Choice(String field, JsonValue value, String from, boolean chosen, List<Alternative> alternatives) {
    }

    private MergeFields() {
    }

    /**
     * Expands group choices to their fields; a field named on its own overrides its group.
     * Keys and lead ids must have been checked.
     */
    static Map<String, String> expand(Map<String, String> requested) {
        Map<String, String> out = new LinkedHashMap<>();
        requested.forEach((key, leadId) -> {
            if (GROUPS.contains(key)) {
                FIELDS.stream().filter(f -> f.startsWith(key + ".")).forEach(f -> out.putIfAbsent(f, leadId));
            }
        });
        requested.forEach((key, leadId) -> {
            if (!GROUPS.contains(key)) {
                out.put(key, leadId);
            }
        });
        return out;
    }

    /**
     * @param leads every lead's writable data, survivor first, then the merged leads in request order
     * @param requested explicit choices, field to lead id, already expanded
     */
    static List<Choice> choose(Map<String, JsonObject> leads, Map<String, String> requested) {
        String survivorId = leads.keySet().iterator().next();
        List<Choice> out = new ArrayList<>(FIELDS.size());
        for (String field : FIELDS) {
            String from = requested.get(field);
            boolean chosen = from != null;
            if (!chosen) {
                from = survivorId;
                for (Map.Entry<String, JsonObject> lead : leads.entrySet()) {
                    if (!isEmpty(get(lead.getValue(), field))) {
                        from = lead.getKey();
                        break;
                    }
                }
            }
            JsonValue value = get(leads.get(from), field);
            List<Alternative> alternatives = new ArrayList<>();
            for (Map.Entry<String, JsonObject> lead : leads.entrySet()) {
                JsonValue other = get(lead.getValue(), field);
                if (!lead.getKey().equals(from) && !isEmpty(other)) {
                    alternatives.add(new Alternative(lead.getKey(), other));
                }
            }
            out.add(new Choice(field, isEmpty(value) ? JsonValue.NULL : value, from, chosen, List.copyOf(alternatives)));
        }
        return out;
    }

    /** The survivor's new lead document: every chosen value in its place. */
    static JsonObject result(List<Choice> choices) {
        Map<String, JsonObjectBuilder> groups = new LinkedHashMap<>();
        JsonObjectBuilder top = Json.createObjectBuilder();
        for (Choice c : choices) {
            if (isEmpty(c.value())) {
                continue;
            }
            int dot = c.field().indexOf('.');
            if (dot < 0) {
                top.add(c.field(), c.value());
            } else {
                groups.computeIfAbsent(c.field().substring(0, dot), g -> Json.createObjectBuilder())
                        .add(c.field().substring(dot + 1), c.value());
            }
        }
        groups.forEach(top::add);
        return top.build();
    }

    static JsonValue get(JsonObject data, String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            return data.get(field);
        }
        JsonValue group = data.get(field.substring(0, dot));
        return group instanceof JsonObject o ? o.get(field.substring(dot + 1)) : null;
    }

    static boolean isEmpty(JsonValue value) {
        return value == null || value == JsonValue.NULL
                || value instanceof JsonString s && s.getString().isBlank()
                || value instanceof JsonObject o && o.isEmpty();
    }
}
