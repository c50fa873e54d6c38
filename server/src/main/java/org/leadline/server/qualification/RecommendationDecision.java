package org.leadline.server.qualification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.api.lead.LeadScoring;

/**
 * A seller's decision about a recommended action of a lead: done or dismissed, with who, when and
 * why. It is in force ({@code clearedAt} null) while the rules keep recommending the same action,
 * which then stays out of the lead's open recommendations; once they stop, the re-rating clears it,
 * so the action is open again if a rule recommends it later. Cleared decisions stay as history.
 */
@Entity
@Table(name = "recommendation_decisions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class RecommendationDecision {

    static final int MAX_COMMENT = 2000;

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    /** The recommendation's id as the API shows it: a digest of origin, rule, kind and text. */
    @Column(name = "recommendation_id", nullable = false, length = 32) private String recommendationId;
    @Column(nullable = false, length = 8) private String origin;
    @Column(name = "rule_id", nullable = false, length = 200) private String ruleId;
    @Column(nullable = false, length = 64) private String kind;
    @Column(name = "action_text", nullable = false, length = 500) private String text;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private LeadScoring.DecisionState state;
    @Column(name = "decision_comment", length = MAX_COMMENT) private String comment;
    @Column(name = "decided_at", nullable = false) private Instant decidedAt;
    @Column(name = "decided_by", nullable = false, length = 36) private String decidedBy;
    @Column(name = "cleared_at") private Instant clearedAt;
    /**
     * The decision's place among the decisions ever made about this recommendation of this lead
     * (1 for the first): the recommendation's version while the decision is in force, its ETag.
     */
    @Column(nullable = false) private long version;

    protected RecommendationDecision() {
    }

    RecommendationDecision(String id, String leadId, String recommendationId, String origin, String ruleId, String kind,
                           String text, LeadScoring.DecisionState state, String comment, Instant decidedAt, String decidedBy,
                           long version) {
        this.id = id;
        this.leadId = leadId;
        this.recommendationId = recommendationId;
        this.origin = origin;
        this.ruleId = ruleId;
        this.kind = kind;
        this.text = text;
        this.state = state;
        this.comment = comment;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.version = version;
    }

    void clear(Instant at) {
        this.clearedAt = at;
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public String recommendationId() { return recommendationId; }
    public String origin() { return origin; }
    public String ruleId() { return ruleId; }
    public String kind() { return kind; }
    public String text() { return text; }
    public LeadScoring.DecisionState state() { return state; }
    public String comment() { return comment; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public Instant clearedAt() { return clearedAt; }
    public long version() { return version; }
}
