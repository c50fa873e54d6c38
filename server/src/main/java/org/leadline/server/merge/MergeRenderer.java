package org.leadline.server.merge;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.server.platform.json.Json;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.TimelineKind;
import org.leadline.server.timeline.TimelineRenderer;

/** Shows a merge on the survivor's timeline: which leads were merged in, by whom, and what moved. */
@ApplicationScoped
public class MergeRenderer implements TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return TimelineKind.MERGE;
    }

    @Override
    public Map<String, JsonObject> render(Collection<String> ids) {
        Map<String, JsonObject> out = new HashMap<>();
        persistence.em().createQuery("SELECT m FROM LeadMerge m WHERE m.id IN :ids", LeadMerge.class)
                .setParameter("ids", ids).getResultList()
                .forEach(m -> out.put(m.id(), json(m)));
        return out;
    }

    static JsonObject json(LeadMerge m) {
        JsonObject details = m.details();
        JsonArrayBuilder merged = Json.createArrayBuilder();
        details.getJsonArray("mergedLeads").forEach(v -> {
            JsonObject lead = v.asJsonObject().getJsonObject("lead");
            JsonObject person = lead.getJsonObject("person");
            JsonObject company = lead.getJsonObject("company");
            var b = Json.createObjectBuilder().add("id", lead.getString("id"));
            b.add("firstName", person.getOrDefault("firstName", JsonValue.NULL));
            b.add("lastName", person.getOrDefault("lastName", JsonValue.NULL));
            b.add("email", person.getOrDefault("email", JsonValue.NULL));
            b.add("companyName", company == null ? JsonValue.NULL : company.getOrDefault("name", JsonValue.NULL));
            // Its stage history stays here: the survivor's process position and time in stage are its own.
            b.add("stage", lead.getOrDefault("stage", JsonValue.NULL));
            b.add("stageHistory", v.asJsonObject().getOrDefault("stageHistory", JsonValue.EMPTY_JSON_ARRAY));
            merged.add(b);
        });
        return Json.createObjectBuilder()
                .add("id", m.id())
                .add("survivorId", m.leadId())
                .add("mergedLeads", merged)
                .add("mergedAt", m.mergedAt().toString())
                .add("mergedBy", m.mergedBy())
                .add("fields", details.getJsonArray("fields"))
                .add("moves", details.getJsonObject("moves"))
                .build();
    }
}
