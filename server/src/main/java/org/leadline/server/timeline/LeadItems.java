package org.leadline.server.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.leadline.api.problem.FieldError;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadService;
import org.leadline.server.platform.json.MergePatch;
import org.leadline.server.platform.json.Replacement;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * The use cases shared by everything kept on a lead. Every method first finds the lead in the
 * caller's tenant, so a lead of another tenant answers 404 for all of its sub-resources; every
 * change writes its audit entry and timeline row in the same transaction.
 */
@ApplicationScoped
@Transactional
public class LeadItems {

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    LeadService leads;

    @Inject
    jakarta.enterprise.event.Event<LeadItemChanged> itemChanges;

    /** Refuses with 404 unless the lead exists in the caller's tenant. */
    public void requireLead(String leadId) {
        leads.find(leadId);
    }

    /**
     * Like {@link #requireLead} for a write: holds a shared lock on the lead's row until commit, so
     * a concurrent deletion of the lead either waits for this item or makes this write a 404,
     * and never leaves an item behind without its lead.
     */
    private void lockLead(String leadId) {
        Lead lead = Ids.isValid(leadId)
                ? persistence.em().find(Lead.class, leadId, LockModeType.PESSIMISTIC_READ) : null;
        if (lead == null) {
            // gone, or merged into another lead: find says which
            leads.find(leadId);
            throw ProblemException.notFound("Lead " + leadId);
        }
    }

    /** Stores a new item from a body read into the kind's record (every error of it reported already). */
    public <E extends LeadItem, V extends Record, D> E create(LeadItemKind<E, V, D> kind, String leadId, V body) {
        lockLead(leadId);
        EntityManager em = persistence.em();
        D data = checked(kind, body);
        E item = kind.create(leadId, data, caller.userId());
        em.persist(item);
        if (kind.timelineKind() != null) {
            TimelineEntries.add(em, leadId, kind.timelineKind(), item.id(), kind.occurredAt(item), kind.actorId(item));
        } else {
            // Items that are not on the timeline themselves appear there through their audit entry.
            AuditTrail.record(em, leadId, kind.subject(), item.id(), ChangeKind.CREATED, caller.userId(),
                    Timestamps.now(), FieldDiff.between(JsonValue.EMPTY_JSON_OBJECT, kind.writeData(item)));
        }
        em.flush();
        itemChanges.fire(new LeadItemChanged(caller.tenantId(), leadId, kind.type(), caller.userId()));
        return item;
    }

    public <E extends LeadItem> E find(LeadItemKind<E, ?, ?> kind, String leadId, String id) {
        requireLead(leadId);
        return item(kind, leadId, id);
    }

    private <E extends LeadItem> E findForWrite(LeadItemKind<E, ?, ?> kind, String leadId, String id) {
        lockLead(leadId);
        return item(kind, leadId, id);
    }

    private <E extends LeadItem> E item(LeadItemKind<E, ?, ?> kind, String leadId, String id) {
        E item = Ids.isValid(id) ? persistence.em().find(kind.type(), id) : null;
        if (item == null || !item.leadId().equals(leadId)) {
            throw ProblemException.notFound(kind.label() + " " + id);
        }
        return item;
    }

    /**
     * Replaces the item's writable fields with those of {@code body}, read into the kind's record; read-only
     * members may be sent back unchanged. {@code expectedVersion} null means "any".
     */
    public <E extends LeadItem, V extends Record, D> E replace(LeadItemKind<E, V, D> kind, String leadId, String id,
                                                                Long expectedVersion, Replacement<V> body) {
        return change(kind, leadId, id, expectedVersion, body::against);
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the item's representation, read into the kind's record. */
    public <E extends LeadItem, V extends Record, D> E patch(LeadItemKind<E, V, D> kind, String leadId, String id,
                                                              Long expectedVersion, MergePatch<V> patch) {
        return change(kind, leadId, id, expectedVersion, patch::applyTo);
    }

    private <E extends LeadItem, V extends Record, D> E change(LeadItemKind<E, V, D> kind, String leadId, String id,
                                                                Long expectedVersion, UnaryOperator<V> read) {
        E item = findForWrite(kind, leadId, id);
        checkVersion(kind, item, expectedVersion);
        kind.authorizeChange(item, caller.get());
        EntityManager em = persistence.em();
        JsonObject before = kind.writeData(item);
        D data = checked(kind, read.apply(kind.view(item)));
        kind.apply(em, item, data, caller.userId());
        AuditTrail.record(em, leadId, kind.subject(), item.id(), ChangeKind.UPDATED, caller.userId(),
                Timestamps.now(), FieldDiff.between(before, kind.writeData(item)));
        if (kind.timelineKind() != null) {
            TimelineEntries.move(em, item.id(), kind.occurredAt(item), kind.actorId(item));
        }
        em.flush();
        itemChanges.fire(new LeadItemChanged(caller.tenantId(), leadId, kind.type(), caller.userId()));
        return item;
    }

    public <E extends LeadItem> void delete(LeadItemKind<E, ?, ?> kind, String leadId, String id,
                                               Long expectedVersion) {
        E item = findForWrite(kind, leadId, id);
        checkVersion(kind, item, expectedVersion);
        kind.authorizeChange(item, caller.get());
        EntityManager em = persistence.em();
        AuditTrail.record(em, leadId, kind.subject(), item.id(), ChangeKind.DELETED, caller.userId(),
                Timestamps.now(), FieldDiff.between(kind.writeData(item), JsonValue.EMPTY_JSON_OBJECT));
        if (kind.timelineKind() != null) {
            TimelineEntries.remove(em, item.id());
        }
        kind.beforeDelete(em, item);
        em.remove(item);
        em.flush();
        itemChanges.fire(new LeadItemChanged(caller.tenantId(), leadId, kind.type(), caller.userId()));
    }

    /** One page of items and the cursor of the next page, if any. */
    public record Page<E>(List<E> items, Keyset next) {
    }

    public <E extends LeadItem> Page<E> list(LeadItemKind<E, ?, ?> kind, String leadId, String cursorText, int limit) {
        requireLead(leadId);
        String listName = kind.type().getSimpleName();
        Keyset cursor = Keyset.decode(cursorText, listName);
        String attr = kind.sortAttribute();
        StringBuilder jpql = new StringBuilder("SELECT e FROM ").append(kind.type().getSimpleName())
                .append(" e WHERE e.leadId = :lead");
        if (cursor != null) {
            jpql.append(attr == null ? " AND e.id > :cid"
                    : " AND (e." + attr + " < :ck OR (e." + attr + " = :ck AND e.id < :cid))");
        }
        jpql.append(attr == null ? " ORDER BY e.id" : " ORDER BY e." + attr + " DESC, e.id DESC");
        TypedQuery<E> query = persistence.em().createQuery(jpql.toString(), kind.type()).setParameter("lead", leadId);
        if (cursor != null) {
            query.setParameter("cid", cursor.id());
            if (attr != null) {
                query.setParameter("ck", cursor.instantKey());
            }
        }
        List<E> rows = query.setMaxResults(limit + 1).getResultList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<E> items = List.copyOf(rows.subList(0, limit));
        E last = items.get(limit - 1);
        Instant key = kind.sortKey(last);
        return new Page<>(items, new Keyset(listName, key == null ? "" : key.toString(), last.id()));
    }

    /** The body's data, after the checks that need the database. */
    private <E extends LeadItem, V extends Record, D> D checked(LeadItemKind<E, V, D> kind, V body) {
        D data = kind.data(body);
        List<FieldError> errors = new ArrayList<>();
        kind.check(data, persistence.em(), caller.get(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return data;
    }

    private static <E extends LeadItem> void checkVersion(LeadItemKind<E, ?, ?> kind, E item, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The " + kind.label().toLowerCase(java.util.Locale.ROOT) + " is at version " + item.version()
                            + ", your If-Match names version " + expectedVersion
                            + "; read it again and reapply your change");
        }
    }
}
