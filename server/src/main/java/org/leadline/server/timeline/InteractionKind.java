package org.leadline.server.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

import org.leadline.api.page.PageInfo;
import org.leadline.api.problem.FieldError;
import org.leadline.api.timeline.InteractionView;
import org.leadline.server.tenancy.Caller;
import org.leadline.server.timeline.InteractionData.Attachment;
import org.leadline.server.timeline.InteractionData.Content;

/** Interactions: their JSON form and rules. */
@ApplicationScoped
public class InteractionKind extends TimelineItemKind<Interaction, InteractionView, InteractionData> {

    @Override public Class<Interaction> type() { return Interaction.class; }
    @Override public String label() { return "Interaction"; }
    @Override public AuditSubject subject() { return AuditSubject.INTERACTION; }
    @Override public TimelineKind timelineKind() { return TimelineKind.INTERACTION; }
    @Override public String sortAttribute() { return "occurredAt"; }
    @Override public Instant sortKey(Interaction i) { return i.occurredAt(); }
    @Override public Instant occurredAt(Interaction i) { return i.occurredAt(); }
    @Override public String actorId(Interaction i) { return i.employeeId(); }

    @Override public Class<InteractionView> bodyType() { return InteractionView.class; }

    @Override
    public InteractionData data(InteractionView body) {
        InteractionView.Content c = body.content();
        Content content = c == null ? null : new Content(c.text(), c.brochure(), c.attachments() == null ? null
                : c.attachments().stream().map(a -> new Attachment(a.name(), a.reference())).toList());
        return new InteractionData(body.employeeId(), body.medium(), body.direction(), body.purpose(), content,
                body.occurredAt() == null ? null : body.occurredAt().truncatedTo(ChronoUnit.MICROS), body.outcome());
    }

    @Override
    public void check(InteractionData data, EntityManager em, Caller caller, List<FieldError> errors) {
        Employees.check(em, caller.tenantId(), "employeeId", data.employeeId(), errors);
    }

    @Override
    public Interaction create(String leadId, InteractionData data, String userId) {
        return Interaction.create(leadId, data, userId);
    }

    @Override
    public void apply(EntityManager em, Interaction item, InteractionData data, String userId) {
        item.apply(data, userId);
    }

    @Override
    public JsonObject writeData(Interaction i) {
        JsonObject content = JsonFields.of().with("text", i.content()).with("brochure", i.brochure())
                .with("attachments", i.attachmentsJson()).build();
        return JsonFields.of()
                .with("employeeId", i.employeeId())
                .with("medium", i.medium())
                .with("direction", i.direction())
                .with("purpose", i.purpose())
                .with("content", content.isEmpty() ? null : content)
                .with("occurredAt", i.occurredAt())
                .with("outcome", i.outcome())
                .build();
    }

    @Override
    public InteractionView view(Interaction i) {
        JsonValue stored = i.attachmentsJson();
        List<InteractionView.Attachment> attachments = stored == null ? null
                : stored.asJsonArray().getValuesAs(JsonObject.class).stream()
                        .map(a -> new InteractionView.Attachment(a.getString("name"), a.getString("reference")))
                        .toList();
        InteractionView.Content content = i.content() == null && i.brochure() == null && attachments == null ? null
                : new InteractionView.Content(i.content(), i.brochure(), attachments);
        return new InteractionView(i.id(), i.leadId(), i.employeeId(), i.medium(), i.direction(), i.purpose(),
                content, i.occurredAt(), i.outcome(), i.createdAt(), i.createdBy(), i.updatedAt(), i.updatedBy(),
                i.version());
    }

    @Override
    public InteractionView.Page page(List<Interaction> items, PageInfo page) {
        return new InteractionView.Page(items.stream().map(this::view).toList(), page);
    }
}
