package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/** A post on a social network that matters for the lead, written by the lead or by an employee. */
@Entity
@Table(name = "social_posts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class SocialPost implements LeadItem {

    /** Who wrote the post. */
    public enum AuthorKind { LEAD, EMPLOYEE }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(nullable = false, length = 40) private String network;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "author_kind", nullable = false, length = 16) private AuthorKind authorKind;
    @Column(name = "author_user_id", length = 36) private String authorUserId;
    @Column(length = 2000) private String url;
    @Column(name = "body", length = 10000) private String text;
    @Column(name = "posted_at", nullable = false) private Instant postedAt;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Version private long version;

    protected SocialPost() {
    }

    static SocialPost create(String leadId, SocialPostData data, String userId) {
        SocialPost p = new SocialPost();
        p.id = Ids.next();
        p.leadId = leadId;
        p.createdAt = Timestamps.now();
        p.createdBy = userId;
        p.apply(data, userId, p.createdAt);
        return p;
    }

    void apply(SocialPostData data, String userId) {
        apply(data, userId, Timestamps.now());
    }

    private void apply(SocialPostData data, String userId, Instant now) {
        network = data.network();
        boolean byLead = SocialPostData.LEAD.equalsIgnoreCase(data.author());
        authorKind = byLead ? AuthorKind.LEAD : AuthorKind.EMPLOYEE;
        authorUserId = byLead ? null : data.author();
        url = data.url();
        text = data.text();
        postedAt = data.postedAt();
        updatedAt = now;
        updatedBy = userId;
    }

    /** {@code LEAD} or the employee's user id, as the API shows it. */
    public String author() {
        return authorKind == AuthorKind.LEAD ? SocialPostData.LEAD : authorUserId;
    }

    @Override public String id() { return id; }
    @Override public String leadId() { return leadId; }
    @Override public long version() { return version; }
    public String network() { return network; }
    public String authorUserId() { return authorUserId; }
    public String url() { return url; }
    public String text() { return text; }
    public Instant postedAt() { return postedAt; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
