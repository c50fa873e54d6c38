package org.leadline.server.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.timeline.AuditSubject;
import org.leadline.server.timeline.JsonFields;
import org.leadline.server.timeline.LeadItemKind;

/** Stakeholders: their JSON form and rules. */
@ApplicationScoped
public class StakeholderKind implements LeadItemKind<Stakeholder, StakeholderData> {

    @Override public Class<Stakeholder> type() { return Stakeholder.class; }
    @Override public String label() { return "Stakeholder"; }
    @Override public AuditSubject subject() { return AuditSubject.STAKEHOLDER; }

    @Override
    public StakeholderData read(JsonInput in) {
        return new StakeholderData(in.string("name"), in.enumValue("role", BuyingRole.class), in.string("jobTitle"),
                in.string("email"), in.string("phone"), in.enumValue("attitude", Attitude.class));
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
    public JsonObject write(Stakeholder s) {
        JsonFields f = JsonFields.of().with("id", s.id()).with("leadId", s.leadId());
        writeData(s).forEach(f::with);
        return f.with("createdAt", s.createdAt()).with("createdBy", s.createdBy())
                .with("updatedAt", s.updatedAt()).with("updatedBy", s.updatedBy())
                .with("version", s.version()).build();
    }
}
