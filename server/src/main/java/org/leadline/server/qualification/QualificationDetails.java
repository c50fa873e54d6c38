package org.leadline.server.qualification;

import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadDetails;
import org.leadline.server.platform.json.Json;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Shows a lead's rating, score, reasons and open recommendations at the top of the lead, as
 * {@code scoring} ({@code qualification} is the lead's own budget, need, timeframe and authority).
 */
@ApplicationScoped
public class QualificationDetails implements LeadDetails {

    @Inject
    TenantPersistence persistence;

    @Override
    public String name() {
        return "scoring";
    }

    @Override
    public JsonValue of(Lead lead) {
        LeadRating r = persistence.em().find(LeadRating.class, lead.id());
        return r == null ? null : write(persistence.em(), r);
    }

    /** A new lead has no decisions about its recommendations yet. */
    @Override
    public JsonValue ofNew(Lead lead) {
        LeadRating r = persistence.em().find(LeadRating.class, lead.id());
        return r == null ? null : write(r, Map.of());
    }

    /**
     * The rating with the open recommendations (each with its {@code recommendationId}) and, as
     * {@code decidedRecommendations}, those a seller marked done or dismissed while the rules still
     * recommend them.
     */
    static JsonObject write(EntityManager em, LeadRating r) {
        return write(r, Recommendations.inForce(em, List.of(r.leadId())).getOrDefault(r.leadId(), Map.of()));
    }

    private static JsonObject write(LeadRating r, Map<String, RecommendationDecision> decided) {
        JsonArray recs = Json.createReader(new StringReader(r.recommendations())).readArray();
        JsonArrayBuilder open = Json.createArrayBuilder();
        JsonArrayBuilder closed = Json.createArrayBuilder();
        for (JsonValue v : recs) {
            JsonObject o = v.asJsonObject();
            String recommendationId = Recommendations.id(o);
            RecommendationDecision decision = decided.get(recommendationId);
            if (decision != null) {
                closed.add(Recommendations.write(decision));
                continue;
            }
            JsonObjectBuilder b = Json.createObjectBuilder(o).add("recommendationId", recommendationId);
            if (o.containsKey("dueInDays")) {
                b.add("dueBy", r.ratedAt().plus(o.getInt("dueInDays"), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
            }
            open.add(b);
        }
        return Json.createObjectBuilder()
                .add("rating", r.rating())
                .add("score", r.score())
                .add("ruleSetVersion", r.ruleSetVersion())
                .add("ratedAt", r.ratedAt().toString())
                .add("reasons", Json.createReader(new StringReader(r.reasons())).readArray())
                .add("recommendations", open)
                .add("decidedRecommendations", closed)
                .build();
    }
}
