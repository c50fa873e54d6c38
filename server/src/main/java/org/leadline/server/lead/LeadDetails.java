package org.leadline.server.lead;

import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.leadline.server.platform.json.Json;

/**
 * Something another feature shows at the top of a single lead (e.g. its qualification), kept out
 * of the lead package so the lead does not depend on the features built on it.
 */
public interface LeadDetails {

    /** The member name in the lead's representation. */
    String name();

    /** The value for this lead, or null to leave the member out. */
    JsonValue of(Lead lead);

    /** The value for a lead created in the current request, which nothing else refers to yet. */
    default JsonValue ofNew(Lead lead) {
        return of(lead);
    }

    /** The lead's representation with every feature's details first. */
    static JsonObject withDetails(Instance<LeadDetails> details, Lead lead, JsonObject body) {
        return withDetails(details, lead, body, false);
    }

    /** As {@link #withDetails(Instance, Lead, JsonObject)}, for a lead created in this request. */
    static JsonObject withDetailsOfNew(Instance<LeadDetails> details, Lead lead, JsonObject body) {
        return withDetails(details, lead, body, true);
    }

    private static JsonObject withDetails(Instance<LeadDetails> details, Lead lead, JsonObject body, boolean created) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (LeadDetails d : details) {
            JsonValue v = created ? d.ofNew(lead) : d.of(lead);
            if (v != null && !body.containsKey(d.name())) {
                b.add(d.name(), v);
            }
        }
        body.forEach(b::add);
        return b.build();
    }
}
