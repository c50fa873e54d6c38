package org.leadline.server.timeline;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.api.timeline.Direction;
import org.leadline.api.timeline.Medium;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.timeline.InteractionData.Attachment;
import org.leadline.server.timeline.InteractionData.Content;

/** A contact between an employee and the lead: a call, an e-mail, a meeting, a letter. */
@Entity
@Table(name = "interactions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Interaction implements LeadItem {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "employee_id", nullable = false, length = 36) private String employeeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Medium medium;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Direction direction;
    @Column(length = 200) private String purpose;
    @Column(length = 10000) private String content;
    @Column(length = 200) private String brochure;
    /** A JSON array of {name, reference}: always read and written as a whole. */
    @Column(length = 16000) private String attachments;
    @Column(name = "occurred_at", nullable = false) private Instant occurredAt;
    @Column(length = 2000) private String outcome;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Version private long version;

    protected Interaction() {
    }

    static Interaction create(String leadId, InteractionData data, String userId) {
        Interaction i = new Interaction();
        i.id = Ids.next();
        i.leadId = leadId;
        i.createdAt = Timestamps.now();
        i.createdBy = userId;
        i.apply(data, userId, i.createdAt);
        return i;
    }

    void apply(InteractionData data, String userId) {
        apply(data, userId, Timestamps.now());
    }

    private void apply(InteractionData data, String userId, Instant now) {
        employeeId = data.employeeId() != null ? data.employeeId() : userId;
        medium = data.medium();
        direction = data.direction();
        purpose = data.purpose();
        Content c = data.content();
        content = c != null ? c.text() : null;
        brochure = c != null ? c.brochure() : null;
        attachments = c == null || c.attachments() == null || c.attachments().isEmpty() ? null : encode(c.attachments());
        occurredAt = data.occurredAt() != null ? data.occurredAt() : now;
        outcome = data.outcome();
        updatedAt = now;
        updatedBy = userId;
    }

    private static String encode(List<Attachment> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.forEach(x -> a.add(Json.createObjectBuilder().add("name", x.name()).add("reference", x.reference())));
        return a.build().toString();
    }

    /** The attachments as stored, or null. */
    JsonValue attachmentsJson() {
        if (attachments == null) {
            return null;
        }
        try (JsonReader r = Json.createReader(new StringReader(attachments))) {
            return r.readArray();
        }
    }

    @Override public String id() { return id; }
    @Override public String leadId() { return leadId; }
    @Override public long version() { return version; }
    public String employeeId() { return employeeId; }
    public Medium medium() { return medium; }
    public Direction direction() { return direction; }
    public String purpose() { return purpose; }
    public String content() { return content; }
    public String brochure() { return brochure; }
    public Instant occurredAt() { return occurredAt; }
    public String outcome() { return outcome; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
