package org.leadline.server.merge;

import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import org.leadline.server.platform.json.Json;

/**
 * One merge of leads into a surviving lead: who did it when, which leads went, and (in
 * {@code details}) a copy of every merged-away lead as it was, the field choices and what moved.
 * It is the {@code MERGE} item on the survivor's timeline, and it goes with the survivor when the
 * survivor is itself merged or erased.
 */
@Entity
@Table(name = "lead_merges")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class LeadMerge {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "merged_ids", nullable = false, length = 400) private String mergedIds;
    @Column(name = "merged_at", nullable = false) private Instant mergedAt;
    @Column(name = "merged_by", nullable = false, length = 36) private String mergedBy;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "details", nullable = false) private String details;

    protected LeadMerge() {
    }

    LeadMerge(String id, String survivorId, List<String> mergedIds, Instant mergedAt, String mergedBy,
              JsonObject details) {
        this.id = id;
        this.leadId = survivorId;
        this.mergedIds = String.join(",", mergedIds);
        this.mergedAt = mergedAt;
        this.mergedBy = mergedBy;
        this.details = details.toString();
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public List<String> mergedIds() { return Arrays.asList(mergedIds.split(",")); }
    public Instant mergedAt() { return mergedAt; }
    public String mergedBy() { return mergedBy; }

    public JsonObject details() {
        try (var reader = Json.createReader(new StringReader(details))) {
            return reader.readObject();
        }
    }
}
