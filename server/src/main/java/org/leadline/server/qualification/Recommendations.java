package org.leadline.server.qualification;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leadline.api.lead.LeadScoring;
import org.leadline.server.lead.Lead;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.TimelineEntries;
import org.leadline.server.timeline.TimelineKind;

/** Sellers marking a lead's recommended actions done or dismissed. */
@ApplicationScoped
@Transactional
public class Recommendations {

    @Inject
    TenantPersistence persistence;

    @Inject
    org.leadline.server.lead.LeadService leads;

    @Inject
    CurrentCaller caller;

    /**
     * The id of a recommendation: the same rule recommending the same action on a later rating
     * gives the same id, so a decision about it outlives re-ratings.
     */
    static String id(String origin, String ruleId, String kind, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {origin, ruleId, kind, text}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of a recommendation as stored with the rating. */
    static String id(JsonObject stored) {
        return id(stored.getString("origin"), stored.getString("id"), stored.getString("kind"), stored.getString("text"));
    }

    /** The decisions in force for the given leads, by lead and recommendation id. */
    static Map<String, Map<String, RecommendationDecision>> inForce(EntityManager em, Collection<String> leadIds) {
        Map<String, Map<String, RecommendationDecision>> out = new HashMap<>();
        em.createQuery("SELECT d FROM RecommendationDecision d WHERE d.leadId IN :ids AND d.clearedAt IS NULL",
                        RecommendationDecision.class)
                .setFlushMode(FlushModeType.COMMIT).setParameter("ids", leadIds).getResultList()
                .forEach(d -> out.computeIfAbsent(d.leadId(), k -> new HashMap<>()).put(d.recommendationId(), d));
        return out;
    }

    /**
     * Records the caller's decision about one of the lead's current recommendations. A decision in
     * force already is replaced (it stays as history, cleared).
     */
    public RecommendationDecision decide(String leadId, String recommendationId,
                                         RecommendationDecisionRequest body, Long expectedVersion) {
        EntityManager em = persistence.em();
        Lead lead = Ids.isValid(leadId) ? em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (lead == null || lead.deletedAt() != null) {
            if (lead == null) {
                leads.find(leadId); // merged into another lead: a lead-merged problem
            }
            throw ProblemException.notFound("Lead " + leadId);
        }
        JsonObject recommended = current(em, leadId, recommendationId);
        if (recommended == null) {
            throw ProblemException.notFound("Recommendation " + recommendationId + " of lead " + leadId);
        }
        LeadScoring.DecisionState state = body.state();
        String comment = body.comment();
        RecommendationDecision previous = inForce(em, List.of(leadId)).getOrDefault(leadId, Map.of()).get(recommendationId);
        Preconditions.check("Recommendation " + recommendationId, previous == null ? 0 : previous.version(),
                expectedVersion);
        // Numbered after every decision made about it, cleared ones included, so that a version once
        // seen never comes back (the lead's row lock makes the decisions of one lead one at a time).
        Long last = em.createQuery("SELECT MAX(d.version) FROM RecommendationDecision d WHERE d.leadId = :lead"
                        + " AND d.recommendationId = :rec", Long.class)
                .setParameter("lead", leadId).setParameter("rec", recommendationId).getSingleResult();
        java.time.Instant now = Timestamps.now();
        if (previous != null) {
            previous.clear(now);
        }
        RecommendationDecision d = new RecommendationDecision(Ids.next(), leadId, recommendationId,
                recommended.getString("origin"), clip(recommended.getString("id"), 200), clip(recommended.getString("kind"), 64),
                clip(recommended.getString("text"), 500), state, comment, now, caller.userId(),
                (last == null ? 0 : last) + 1);
        em.persist(d);
        TimelineEntries.add(em, leadId, TimelineKind.RECOMMENDATION, d.id(), now, caller.userId());
        em.flush();
        return d;
    }

    /** The lead's recommendation with that id as its last rating stored it, or null. */
    private static JsonObject current(EntityManager em, String leadId, String recommendationId) {
        LeadRating rating = em.find(LeadRating.class, leadId);
        if (rating == null || recommendationId == null) {
            return null;
        }
        for (JsonValue v : Json.createReader(new StringReader(rating.recommendations())).readArray()) {
            if (id(v.asJsonObject()).equals(recommendationId)) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    /** The decision as the API shows it, in the lead's scoring, on its own and on the timeline. */
    static LeadScoring.Decision view(RecommendationDecision d) {
        return new LeadScoring.Decision(d.id(), d.recommendationId(), d.origin(), d.ruleId(), d.text(), d.kind(),
                d.state(), d.decidedAt(), d.decidedBy(), d.comment(), d.clearedAt(), d.version());
    }

    static String clip(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) : text;
    }
}
