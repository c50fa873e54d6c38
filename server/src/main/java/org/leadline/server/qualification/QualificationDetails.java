package org.leadline.server.qualification;

import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

import org.leadline.api.lead.LeadScoring;
import org.leadline.api.lead.Rating;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadDetails;
import org.leadline.server.platform.json.Json;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Shows a lead's rating, score, reasons and open recommendations at the top of the lead, as
 * {@code scoring} ({@code qualification} is the lead's own budget, need, timeframe and authority).
 */
@ApplicationScoped
public class QualificationDetails implements LeadDetails<LeadScoring> {

    @Inject
    TenantPersistence persistence;

    @Override
    public LeadScoring of(Lead lead) {
        EntityManager em = persistence.em();
        if (em.isJoinedToTransaction()) {
            // a write in progress may hold a rating or a decision not yet flushed: look them up
            // through the persistence context
            LeadRating r = em.find(LeadRating.class, lead.id());
            return r == null ? null : view(em, r);
        }
        // A plain read: the rating and its decisions in force in one statement
        LeadRating rating = null;
        Map<String, RecommendationDecision> decided = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r, d FROM LeadRating r LEFT JOIN RecommendationDecision d"
                        + " ON d.leadId = r.leadId AND d.clearedAt IS NULL WHERE r.leadId = :lead", Object[].class)
                .setParameter("lead", lead.id()).getResultList()) {
            rating = (LeadRating) row[0];
            if (row[1] instanceof RecommendationDecision d) {
                decided.put(d.recommendationId(), d);
            }
        }
        return rating == null ? null : view(rating, decided);
    }

    /** A new lead has no decisions about its recommendations yet. */
    @Override
    public LeadScoring ofNew(Lead lead) {
        LeadRating r = persistence.em().find(LeadRating.class, lead.id());
        return r == null ? null : view(r, Map.of());
    }

    /**
     * The rating with the open recommendations (each with its {@code recommendationId}) and, as
     * {@code decidedRecommendations}, those a seller marked done or dismissed while the rules still
     * recommend them.
     */
    static LeadScoring view(EntityManager em, LeadRating r) {
        return view(r, Recommendations.inForce(em, List.of(r.leadId())).getOrDefault(r.leadId(), Map.of()));
    }

    private static LeadScoring view(LeadRating r, Map<String, RecommendationDecision> decided) {
        List<LeadScoring.Recommendation> open = new ArrayList<>();
        List<LeadScoring.Decision> closed = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(r.recommendations())).readArray()) {
            JsonObject o = v.asJsonObject();
            String recommendationId = Recommendations.id(o);
            RecommendationDecision decision = decided.get(recommendationId);
            if (decision != null) {
                closed.add(Recommendations.view(decision));
                continue;
            }
            Integer dueInDays = o.containsKey("dueInDays") ? o.getInt("dueInDays") : null;
            open.add(new LeadScoring.Recommendation(o.getString("origin"), o.getString("id"), o.getString("text"),
                    o.getString("kind"), LeadScoring.Priority.valueOf(o.getString("priority")), dueInDays,
                    recommendationId, dueInDays == null ? null
                    : r.ratedAt().plus(dueInDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        }
        List<LeadScoring.Reason> reasons = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(r.reasons())).readArray()) {
            JsonObject o = v.asJsonObject();
            reasons.add(new LeadScoring.Reason(o.getString("origin"), o.getString("id"), o.getString("text"),
                    o.getInt("points")));
        }
        return new LeadScoring(Rating.valueOf(r.rating()), r.score(), r.ruleSetVersion(), r.ratedAt(), reasons, open,
                closed);
    }
}
