package org.leadline.server.qualification;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.api.lead.LeadScoring;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.TimelineKind;
import org.leadline.server.timeline.TimelineRenderer;

/** Decisions about recommended actions as the lead's timeline shows them. */
@ApplicationScoped
public class RecommendationRenderer implements TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return TimelineKind.RECOMMENDATION;
    }

    @Override
    public Map<String, LeadScoring.Decision> render(Collection<String> ids) {
        Map<String, LeadScoring.Decision> out = new HashMap<>();
        persistence.em().createQuery("SELECT d FROM RecommendationDecision d WHERE d.id IN :ids", RecommendationDecision.class)
                .setParameter("ids", ids).getResultList().forEach(d -> out.put(d.id(), Recommendations.view(d)));
        return out;
    }
}
