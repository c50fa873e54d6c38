package org.leadline.server.timeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.leadline.server.tenancy.TenantPersistence;

/** A kind of lead item that shows on the timeline itself, and renders its own entries there. */
public abstract class TimelineItemKind<E extends LeadItem, V extends Record, D> implements LeadItemKind<E, V, D>,
        TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return timelineKind();
    }

    @Override
    public abstract TimelineKind timelineKind();

    @Override
    public Map<String, V> render(Collection<String> ids) {
        Map<String, V> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        persistence.em().createQuery("SELECT e FROM " + type().getSimpleName() + " e WHERE e.id IN :ids", type())
                .setParameter("ids", ids).getResultList()
                .forEach(e -> out.put(e.id(), view(e)));
        return out;
    }
}
