package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import org.leadline.server.lead.LeadWalk;

/**
 * Re-rating all of a tenant's leads after its rule set changed. Leads are taken in creation order
 * and the position of the last one ({@code lastCreatedAt}, {@code lastLeadId}) is saved with each
 * batch, so a job cut short by a restart resumes where it was.
 */
@Entity
@Table(name = "rerating_jobs")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class RerateJob {

    public enum State { RUNNING, DONE, SUPERSEDED }

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "rule_set_version", nullable = false) private int ruleSetVersion;
    @Column(nullable = false, length = 16) @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;
    @Column(nullable = false) private long total;
    @Column(nullable = false) private long processed;
    @Column(nullable = false) private long errors;
    @Column(name = "last_lead_id", length = 36) private String lastLeadId;
    @Column(name = "last_created_at") private Instant lastCreatedAt;
    @Column(name = "last_error", length = 500) private String lastError;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "finished_at") private Instant finishedAt;

    protected RerateJob() {
    }

    RerateJob(String id, int ruleSetVersion, long total, Instant now) {
        this.id = id;
        this.ruleSetVersion = ruleSetVersion;
        this.state = State.RUNNING;
        this.total = total;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void advance(LeadWalk.Position last, int processed, int errors, String lastError, Instant now) {
        this.lastLeadId = last.leadId();
        this.lastCreatedAt = last.createdAt();
        this.processed += processed;
        this.errors += errors;
        if (lastError != null) {
            this.lastError = lastError.length() > 500 ? lastError.substring(0, 500) : lastError;
        }
        this.updatedAt = now;
    }

    void finish(State end, Instant now) {
        this.state = end;
        this.updatedAt = now;
        this.finishedAt = now;
        if (end == State.DONE && processed > total) {
            total = processed;
        }
    }

    public String id() { return id; }
    public int ruleSetVersion() { return ruleSetVersion; }
    public State state() { return state; }
    public long total() { return total; }
    public long processed() { return processed; }
    public long errors() { return errors; }
    public String lastLeadId() { return lastLeadId; }
    /** The creation time of the last lead rated; null for a job saved before positions had one. */
    public Instant lastCreatedAt() { return lastCreatedAt; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant finishedAt() { return finishedAt; }
}
