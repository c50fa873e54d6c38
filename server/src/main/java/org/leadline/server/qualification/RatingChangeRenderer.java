package org.leadline.server.qualification;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    public Map<String, RatingChangeView> render(Collection<String> ids) {
        Map<String, RatingChangeView> out = new HashMap<>();
        persistence.em().createQuery("SELECT c FROM RatingChange c WHERE c.id IN :ids", RatingChange.class)
                .setParameter("ids", ids).getResultList().forEach(c -> out.put(c.id(), RatingChangeView.of(c)));
        return out;
    }
}
