package org.leadline.server.timeline;

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

/**
 * The timeline's index row for one item of any kind; its id is the item's id.
 *
 * <p>Why one table rather than a UNION over the item tables: the merged feed must page newest
 * first over thousands of items per lead with a stable keyset. With one table that is a single
 * range scan of (tenant_id, lead_id, occurred_at, id) that stops after one page, whatever the
 * kinds; a UNION would have to sort and limit every branch and merge them on every page, and
 * every new kind (stage changes, rating changes) would have to edit that query. The price is one
 * extra row per item written in the item's own transaction, and fetching a page's items by id.
 */
@Entity
@Table(name = "timeline_entries")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class TimelineEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36)
    private String leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TimelineKind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", length = 36)
    private String actorId;

    protected TimelineEntry() {
    }

    public TimelineEntry(String id, String leadId, TimelineKind kind, Instant occurredAt, String actorId) {
        this.id = id;
        this.leadId = leadId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
    }

    void move(Instant newOccurredAt, String newActorId) {
        this.occurredAt = newOccurredAt;
        this.actorId = newActorId;
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public TimelineKind kind() { return kind; }
    public Instant occurredAt() { return occurredAt; }
    public String actorId() { return actorId; }
}
