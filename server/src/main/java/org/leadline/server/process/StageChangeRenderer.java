package org.leadline.server.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.leadline.server.platform.json.Json;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.TimelineKind;
import org.leadline.server.timeline.TimelineRenderer;

/** Shows stage changes on the lead's timeline. */
@ApplicationScoped
public class StageChangeRenderer implements TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return TimelineKind.STAGE_CHANGE;
    }

    @Override
    public Map<String, JsonObject> render(Collection<String> ids) {
        Map<String, JsonObject> out = new HashMap<>();
        persistence.em().createQuery("SELECT c FROM StageChange c WHERE c.id IN :ids", StageChange.class)
                .setParameter("ids", ids).getResultList()
                .forEach(c -> out.put(c.id(), json(c)));
        return out;
    }

    private static JsonObject json(StageChange c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.id());
        if (c.fromStage() != null) {
            b.add("from", c.fromStage());
        } else {
            b.addNull("from");
        }
        return b.add("to", c.toStage()).add("changedAt", c.changedAt().toString()).add("changedBy", c.changedBy()).build();
    }
}
