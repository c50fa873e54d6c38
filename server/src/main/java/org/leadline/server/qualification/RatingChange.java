package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A change of a lead's rating, shown on its timeline. */
@Entity
@Table(name = "rating_changes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class RatingChange {

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "from_rating", length = 8) private String fromRating;
    @Column(name = "to_rating", nullable = false, length = 8) private String toRating;
    @Column(nullable = false) private int score;
    @Column(name = "rule_set_version", nullable = false) private int ruleSetVersion;
    @Column(name = "changed_at", nullable = false) private Instant changedAt;
    @Column(name = "actor_id", length = 36) private String actorId;

    protected RatingChange() {
    }

    RatingChange(String id, String leadId, String fromRating, String toRating, int score, int ruleSetVersion,
                 Instant changedAt, String actorId) {
        this.id = id;
        this.leadId = leadId;
        this.fromRating = fromRating;
        this.toRating = toRating;
        this.score = score;
        this.ruleSetVersion = ruleSetVersion;
        this.changedAt = changedAt;
        this.actorId = actorId;
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public String fromRating() { return fromRating; }
    public String toRating() { return toRating; }
    public int score() { return score; }
    public int ruleSetVersion() { return ruleSetVersion; }
    public Instant changedAt() { return changedAt; }
    public String actorId() { return actorId; }
}
