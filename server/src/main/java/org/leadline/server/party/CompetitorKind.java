package org.leadline.server.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.timeline.AuditSubject;
import org.leadline.server.timeline.JsonFields;
import org.leadline.server.timeline.LeadItemKind;

/** Competitors: their JSON form and rules. */
@ApplicationScoped
public class CompetitorKind implements LeadItemKind<Competitor, CompetitorData> {

    @Override public Class<Competitor> type() { return Competitor.class; }
    @Override public String label() { return "Competitor"; }
    @Override public AuditSubject subject() { return AuditSubject.COMPETITOR; }

    @Override
    public CompetitorData read(JsonInput in) {
        return new CompetitorData(in.string("name"), in.string("offer"), in.string("strengths"),
                in.string("weaknesses"), in.enumValue("status", CompetitorStatus.class));
    }

    @Override
    public Competitor create(String leadId, CompetitorData data, String userId) {
        return Competitor.create(leadId, data, userId);
    }

    @Override
    public void apply(EntityManager em, Competitor item, CompetitorData data, String userId) {
        item.apply(data, userId);
    }

    @Override
    public JsonObject writeData(Competitor c) {
        return JsonFields.of().with("name", c.name()).with("offer", c.offer()).with("strengths", c.strengths())
                .with("weaknesses", c.weaknesses()).with("status", c.status()).build();
    }

    @Override
    public JsonObject write(Competitor c) {
        JsonFields f = JsonFields.of().with("id", c.id()).with("leadId", c.leadId());
        writeData(c).forEach(f::with);
        return f.with("createdAt", c.createdAt()).with("createdBy", c.createdBy())
                .with("updatedAt", c.updatedAt()).with("updatedBy", c.updatedBy())
                .with("version", c.version()).build();
    }
}
