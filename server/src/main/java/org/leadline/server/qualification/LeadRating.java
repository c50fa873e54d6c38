package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The last rating of a lead with what produced it. The rating and score are also copied onto the
 * lead row, so lists filter and sort by them without a join.
 */
@Entity
@Table(name = "lead_ratings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class LeadRating {

    @Id
    @Column(name = "lead_id", length = 36)
    private String leadId;
    @Column(nullable = false, length = 8) private String rating;
    @Column(nullable = false) private int score;
    @Column(name = "rule_set_version", nullable = false) private int ruleSetVersion;
    /** JSON arrays, always read and written whole. */
    @Column(nullable = false, length = 32000) private String reasons;
    @Column(nullable = false, length = 32000) private String recommendations;
    @Column(name = "rated_at", nullable = false) private Instant ratedAt;

    protected LeadRating() {
    }

    LeadRating(String leadId) {
        this.leadId = leadId;
    }

    void set(String rating, int score, int ruleSetVersion, String reasons, String recommendations, Instant ratedAt) {
        this.rating = rating;
        this.score = score;
        this.ruleSetVersion = ruleSetVersion;
        this.reasons = reasons;
        this.recommendations = recommendations;
        this.ratedAt = ratedAt;
    }

    public String leadId() { return leadId; }
    public String rating() { return rating; }
    public int score() { return score; }
    public int ruleSetVersion() { return ruleSetVersion; }
    public String reasons() { return reasons; }
    public String recommendations() { return recommendations; }
    public Instant ratedAt() { return ratedAt; }
}
