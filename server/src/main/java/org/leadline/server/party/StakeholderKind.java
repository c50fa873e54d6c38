package org.leadline.server.party;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.api.page.PageInfo;
import org.leadline.server.timeline.AuditSubject;
import org.leadline.server.timeline.JsonFields;
import org.leadline.server.timeline.LeadItemKind;

/** Stakeholders: their JSON form and rules. */
@ApplicationScoped
public class StakeholderKind implements LeadItemKind<Stakeholder, StakeholderView, StakeholderData> {

    @Override public Class<Stakeholder> type() { return Stakeholder.class; }
    @Override public String label() { return "Stakeholder"; }
    @Override public AuditSubject subject() { return AuditSubject.STAKEHOLDER; }

    @Override public Class<StakeholderView> bodyType() { return StakeholderView.class; }

    @Override
    public StakeholderData data(StakeholderView body) {
        return new StakeholderData(body.name(), body.role(), body.jobTitle(), body.email(), body.phone(),
                body.attitude());
    }

    @Override
    public Stakeholder create(String leadId, StakeholderData data, String userId) {
        return Stakeholder.create(leadId, data, userId);
    }

    @Override
    public void apply(EntityManager em, Stakeholder item, StakeholderData data, String userId) {
        item.apply(data, userId);
    }

    @Override
    public JsonObject writeData(Stakeholder s) {
        return JsonFields.of().with("name", s.name()).with("role", s.role()).with("jobTitle", s.jobTitle())
                .with("email", s.email()).with("phone", s.phone()).with("attitude", s.attitude()).build();
    }

    @Override
    public StakeholderView view(Stakeholder s) {
        return new StakeholderView(s.id(), s.leadId(), s.name(), s.role(), s.jobTitle(), s.email(), s.phone(),
                s.attitude(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy(), s.version());
    }

    @Override
    public StakeholderView.Page page(List<Stakeholder> items, PageInfo page) {
        return new StakeholderView.Page(items.stream().map(this::view).toList(), page);
    }
}
