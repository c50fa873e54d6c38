package org.leadline.server.qualification;

import java.io.StringReader;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadDetails;
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
        return r == null ? null : write(r);
    }

    static JsonObject write(LeadRating r) {
        JsonArray recs = Json.createReader(new StringReader(r.recommendations())).readArray();
        JsonArrayBuilder open = Json.createArrayBuilder();
        for (JsonValue v : recs) {
            JsonObject o = v.asJsonObject();
            JsonObjectBuilder b = Json.createObjectBuilder(o);
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
                .build();
    }
}
