package org.leadline.server.plugins;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.leadline.api.lead.LeadData;
import org.leadline.api.party.BuyingRole;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.Money;
import org.leadline.plugin.api.Rating;
import org.leadline.server.lead.Lead;

/**
 * Copies a lead into the read-only value a plugin sees; no entity ever crosses into plugin code.
 * The facts around the lead come from {@link #related}, the same source the tenant's qualification
 * rules are evaluated on, so a plugin's scoring rule and a tenant rule see the same lead.
 */
public final class LeadViews {

    /**
     * What is recorded around one lead: its stakeholders (and whether one decides), competitors,
     * interactions (with the latest one's time) and notes.
     */
    public record Related(int stakeholders, boolean decisionMakerAmongStakeholders, int competitors,
                          int interactions, Instant lastContactAt, int notes) {
        public static final Related NONE = new Related(0, false, 0, 0, null, 0);
    }

    private LeadViews() {
    }

    /** The view of one lead with its related facts, read through {@code em} (the lead's tenant). */
    public static LeadView of(EntityManager em, Lead lead) {
        return of(lead, related(em, List.of(lead.id())).getOrDefault(lead.id(), Related.NONE));
    }

    public static LeadView of(Lead lead, Related related) {
        LeadData d = lead.data();
        LeadData.Person p = d.person();
        LeadData.Company c = d.company();
        LeadData.Qualification q = d.qualification();
        return new LeadView(lead.id(), name(lead.status()), lead.rating() == null ? null : Rating.valueOf(lead.rating().name()),
                lead.score(), lead.stage(), lead.ownerId(),
                p.salutation(), p.firstName(), p.lastName(), p.jobTitle(), p.email(),
                p.businessPhone() != null ? p.businessPhone() : p.mobilePhone(),
                c == null ? null : c.name(), c == null ? null : c.industry(), c == null ? null : c.employees(),
                c == null ? null : money(c.annualRevenue()),
                c == null || c.address() == null ? null : c.address().country(),
                name(d.origin().source()), d.origin().detail(),
                q == null ? null : money(q.budget()), q == null ? null : q.need(),
                q == null ? null : name(q.purchaseTimeframe()), q == null ? null : q.decisionMaker(),
                d.topic(), lead.createdAt(), lead.updatedAt(), lead.version(),
                related.stakeholders(), related.decisionMakerAmongStakeholders(), related.competitors(),
                related.interactions(), related.lastContactAt(), related.notes());
    }

    /** What is left of a deleted lead: its id. */
    static LeadView deleted(String leadId) {
        return new LeadView(leadId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, 0);
    }

    /**
     * The related facts of many leads of the entity manager's tenant in four queries, without
     * flushing (a lead being changed in the caller's transaction is written once, later). Leads
     * with nothing recorded around them are absent from the answer: use {@link Related#NONE}.
     */
    public static Map<String, Related> related(EntityManager em, Collection<String> ids) {
        Map<String, int[]> stakeholders = new HashMap<>();
        Map<String, Boolean> deciders = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.leadId, s.role FROM Stakeholder s WHERE s.leadId IN :ids", Object[].class)
                .setFlushMode(FlushModeType.COMMIT).setParameter("ids", ids).getResultList()) {
            String id = (String) row[0];
            stakeholders.computeIfAbsent(id, k -> new int[1])[0]++;
            if (row[1] == BuyingRole.DECISION_MAKER) {
                deciders.put(id, true);
            }
        }
        Map<String, Long> competitors = counts(em, "SELECT c.leadId, COUNT(c) FROM Competitor c WHERE c.leadId IN :ids GROUP BY c.leadId", ids);
        Map<String, Long> notes = counts(em, "SELECT n.leadId, COUNT(n) FROM Note n WHERE n.leadId IN :ids GROUP BY n.leadId", ids);
        // Rows rather than COUNT/MAX: an aggregate of a converted column skips the converter's types.
        Map<String, int[]> interactions = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT i.leadId, i.occurredAt FROM Interaction i WHERE i.leadId IN :ids",
                        Object[].class)
                .setFlushMode(FlushModeType.COMMIT).setParameter("ids", ids).getResultList()) {
            String id = (String) row[0];
            interactions.computeIfAbsent(id, k -> new int[1])[0]++;
            Instant at = instant(row[1]);
            if (at != null) {
                latest.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, Related> out = new HashMap<>();
        for (String id : ids) {
            int s = stakeholders.containsKey(id) ? stakeholders.get(id)[0] : 0;
            int i = interactions.containsKey(id) ? interactions.get(id)[0] : 0;
            long c = competitors.getOrDefault(id, 0L);
            long n = notes.getOrDefault(id, 0L);
            if (s + i + c + n > 0) {
                out.put(id, new Related(s, deciders.getOrDefault(id, false), (int) c, i, latest.get(id), (int) n));
            }
        }
        return out;
    }

    private static Map<String, Long> counts(EntityManager em, String jpql, Collection<String> ids) {
        Map<String, Long> out = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).setFlushMode(FlushModeType.COMMIT)
                .setParameter("ids", ids).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    /** An aggregate over a converted column may come back in the column's type rather than the attribute's. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Money money(LeadData.Money m) {
        return m == null ? null : new Money(m.amount(), m.currency());
    }
}
