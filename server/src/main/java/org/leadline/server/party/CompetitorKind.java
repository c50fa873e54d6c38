package org.leadline.server.party;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.api.page.PageInfo;
import org.leadline.server.timeline.AuditSubject;
import org.leadline.server.timeline.JsonFields;
import org.leadline.server.timeline.LeadItemKind;

/** Competitors: their JSON form and rules. */
@ApplicationScoped
public class CompetitorKind implements LeadItemKind<Competitor, CompetitorView, CompetitorData> {

    @Override public Class<Competitor> type() { return Competitor.class; }
    @Override public String label() { return "Competitor"; }
    @Override public AuditSubject subject() { return AuditSubject.COMPETITOR; }

    @Override public Class<CompetitorView> bodyType() { return CompetitorView.class; }

    @Override
    public CompetitorData data(CompetitorView body) {
        return new CompetitorData(body.name(), body.offer(), body.strengths(), body.weaknesses(), body.status());
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
    public CompetitorView view(Competitor c) {
        return new CompetitorView(c.id(), c.leadId(), c.name(), c.offer(), c.strengths(), c.weaknesses(), c.status(),
                c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy(), c.version());
    }

    @Override
    public CompetitorView.Page page(List<Competitor> items, PageInfo page) {
        return new CompetitorView.Page(items.stream().map(this::view).toList(), page);
    }
}
