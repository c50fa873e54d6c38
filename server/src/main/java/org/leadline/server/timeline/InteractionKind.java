package org.leadline.server.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.web.PageInfo;
import org.leadline.server.tenancy.Caller;
import org.leadline.server.timeline.InteractionData.Attachment;
import org.leadline.server.timeline.InteractionData.Content;

/** Interactions: their JSON form and rules. */
@ApplicationScoped
public class InteractionKind extends TimelineItemKind<Interaction, InteractionData> {

    @Override public Class<Interaction> type() { return Interaction.class; }
    @Override public String label() { return "Interaction"; }
    @Override public AuditSubject subject() { return AuditSubject.INTERACTION; }
    @Override public TimelineKind timelineKind() { return TimelineKind.INTERACTION; }
    @Override public String sortAttribute() { return "occurredAt"; }
    @Override public Instant sortKey(Interaction i) { return i.occurredAt(); }
    @Override public Instant occurredAt(Interaction i) { return i.occurredAt(); }
    @Override public String actorId(Interaction i) { return i.employeeId(); }

    @Override
    public InteractionData read(JsonInput in) {
        String employeeId = in.string("employeeId");
        if (employeeId != null && !Ids.isValid(employeeId)) {
            in.error("employeeId", "is not a user of this tenant");
        }
        Medium medium = in.enumValue("medium", Medium.class);
        Direction direction = in.enumValue("direction", Direction.class);
        String purpose = in.string("purpose");
        Content content = content(in);
        Instant occurredAt = in.instant("occurredAt");
        String outcome = in.string("outcome");
        return new InteractionData(employeeId, medium, direction, purpose, content,
                occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS), outcome);
    }

    private static Content content(JsonInput in) {
        JsonInput c = in.object("content");
        if (c == null) {
            return null;
        }
        String text = c.string("text");
        String brochure = c.string("brochure");
        List<Attachment> attachments = attachments(c);
        c.rejectUnknown();
        return new Content(text, brochure, attachments);
    }

    private static List<Attachment> attachments(JsonInput c) {
        if (!c.has("attachments")) {
            return null;
        }
        JsonValue value = c.value("attachments");
        if (!(value instanceof JsonArray array)) {
            c.error("attachments", "must be a list of {name, reference}");
            return null;
        }
        if (array.size() > InteractionData.MAX_ATTACHMENTS) {
            c.error("attachments", "may have at most " + InteractionData.MAX_ATTACHMENTS + " entries");
            return null;
        }
        List<Attachment> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String key = "attachments[" + i + "]";
            if (!(array.get(i) instanceof JsonObject o)) {
                c.error(key, "must be an object with name and reference");
                continue;
            }
            JsonInput a = new JsonInput(o, c.path(key), c.errors());
            String name = required(a, "name", Attachment.MAX_NAME);
            String reference = required(a, "reference", Attachment.MAX_REFERENCE);
            a.rejectUnknown();
            list.add(new Attachment(name, reference));
        }
        return list;
    }

    private static String required(JsonInput in, String key, int max) {
        String value = in.string(key);
        if (value == null) {
            if (!in.errors().stream().anyMatch(e -> e.field().equals(in.path(key)))) {
                in.error(key, "is required");
            }
        } else if (value.length() > max) {
            in.error(key, "size must be between 0 and " + max);
        }
        return value;
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
