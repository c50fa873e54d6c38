package org.leadline.server.timeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.leadline.server.tenancy.TenantPersistence;

/**
 * The merged timeline of a lead: one keyset range scan over {@link TimelineEntry} rows (newest
 * first, then by id so equal times have a total order), then one lookup per kind on the page. The
 * "imported" entry of a lead a CSV import created is not a row; it joins the page in its place
 * ({@link ImportedEntry}).
 */
@ApplicationScoped
@Transactional
public class TimelineFeed {

    static final String LIST = "timeline";

    @Inject
    TenantPersistence persistence;

    @Inject
    LeadItems items;

    @Inject
    @Any
    Instance<TimelineRenderer> renderers;

    /** An entry with the item it shows; {@code item} is null for a kind nobody renders. */
    public record Entry(TimelineEntry entry, Record item) {
    }

    public record Page(List<Entry> items, Keyset next) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(String leadId, Set<TimelineKind> kinds, String actorId, String cursorText, int limit) {
        items.requireLead(leadId);
        Keyset cursor = Keyset.decode(cursorText, LIST);
        StringBuilder jpql = new StringBuilder("SELECT t FROM TimelineEntry t WHERE t.leadId = :lead");
        if (!kinds.isEmpty()) {
            jpql.append(" AND t.kind IN :kinds");
        }
        if (actorId != null) {
            jpql.append(" AND t.actorId = :actor");
        }
        if (cursor != null) {
            jpql.append(" AND (t.occurredAt < :ck OR (t.occurredAt = :ck AND t.id < :cid))");
        }
        jpql.append(" ORDER BY t.occurredAt DESC, t.id DESC");
        TypedQuery<TimelineEntry> q = persistence.em().createQuery(jpql.toString(), TimelineEntry.class)
                .setParameter("lead", leadId);
        if (!kinds.isEmpty()) {
            q.setParameter("kinds", List.copyOf(kinds));
        }
        if (actorId != null) {
            q.setParameter("actor", actorId);
        }
        if (cursor != null) {
            q.setParameter("ck", cursor.instantKey()).setParameter("cid", cursor.id());
        }
        List<TimelineEntry> rows = new ArrayList<>(q.setMaxResults(limit + 1).getResultList());
        Optional<ImportedEntry.Entry> imported = ImportedEntry.of(persistence.em(), leadId)
                .filter(e -> kinds.isEmpty() || kinds.contains(TimelineKind.AUDIT))
                .filter(e -> actorId == null || actorId.equals(e.actorId()))
                .filter(e -> e.after(cursor));
        if (imported.isPresent()) {
            ImportedEntry.Entry e = imported.get();
            rows.add(ImportedEntry.position(e, rows, TimelineEntry::occurredAt, TimelineEntry::id), e.timelineEntry());
        }
        Keyset next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            TimelineEntry last = rows.get(limit - 1);
            next = new Keyset(LIST, last.occurredAt().toString(), last.id());
        }
        List<Entry> page = render(rows);
        if (imported.isPresent()) {
            String id = imported.get().id();
            page.replaceAll(e -> e.entry().id().equals(id) && e.entry().kind() == TimelineKind.AUDIT
                    ? new Entry(e.entry(), imported.get().view()) : e);
        }
        return new Page(page, next);
    }

    private List<Entry> render(List<TimelineEntry> rows) {
        Map<TimelineKind, List<String>> idsByKind = new EnumMap<>(TimelineKind.class);
        rows.forEach(r -> idsByKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id()));
        Map<TimelineKind, Map<String, ? extends Record>> rendered = new EnumMap<>(TimelineKind.class);
        for (TimelineRenderer renderer : renderers) {
            List<String> ids = idsByKind.get(renderer.kind());
            if (ids != null) {
                rendered.put(renderer.kind(), renderer.render(ids));
            }
        }
        List<Entry> out = new ArrayList<>(rows.size());
        for (TimelineEntry r : rows) {
            out.add(new Entry(r, rendered.getOrDefault(r.kind(), Map.of()).get(r.id())));
        }
        return out;
    }
}
