package org.leadline.server.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.api.process.LeadProcessView;
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
    public Map<String, LeadProcessView.StageChangeView> render(Collection<String> ids) {
        Map<String, LeadProcessView.StageChangeView> out = new HashMap<>();
        persistence.em().createQuery("SELECT c FROM StageChange c WHERE c.id IN :ids", StageChange.class)
                .setParameter("ids", ids).getResultList()
                .forEach(c -> out.put(c.id(), ProcessViewMapper.stageChange(c)));
        return out;
    }
}
