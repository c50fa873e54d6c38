package org.leadline.server.qualification;

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

/** Rating changes as the lead's timeline shows them. */
@ApplicationScoped
public class RatingChangeRenderer implements TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return TimelineKind.RATING_CHANGE;
    }

    @Override
    public Map<String, JsonObject> render(Collection<String> ids) {
        Map<String, JsonObject> out = new HashMap<>();
        persistence.em().createQuery("SELECT c FROM RatingChange c WHERE c.id IN :ids", RatingChange.class)
                .setParameter("ids", ids).getResultList().forEach(c -> {
                    JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.id());
                    if (c.fromRating() != null) {
                        b.add("from", c.fromRating());
                    } else {
                        b.addNull("from");
                    }
                    b.add("to", c.toRating()).add("score", c.score()).add("ruleSetVersion", c.ruleSetVersion())
                            .add("changedAt", c.changedAt().toString());
                    out.put(c.id(), b.build());
                });
        return out;
    }
}
