package org.leadline.server.qualification;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.leadline.api.lead.LeadData;
import org.leadline.api.party.BuyingRole;
import org.leadline.plugin.api.scoring.RecommendedAction;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.RecordBodyReader;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.plugins.LeadViews;
import org.leadline.server.plugins.ScoringRules;
import org.leadline.server.timeline.TimelineEntries;
import org.leadline.server.timeline.TimelineKind;

/**
 * Rates leads with the tenant's current rule set and its enabled scoring plugins, and stores the
 * outcome with the lead in the caller's transaction. Works on the entity manager it is given, so
 * the same code serves requests (the request's persistence context) and the re-rating job.
 */
@ApplicationScoped
public class Rater {

    /** A saved rule set as the engine uses it. */
    public record CurrentRules(int version, RuleSetDefinition definition) {
    }

    private static final int MAX_STORED_TEXT = 32000;

    /** Parsed definitions by rule-set id: versions never change, so the cache is never stale. */
    private final Map<String, RuleSetDefinition> parsed = new ConcurrentHashMap<>();

    @Inject
    ScoringRules plugins;

    @Inject
    Event<LeadEvent> events;

    /** The tenant's newest rule set, or version 0 (no rules of its own) before its first save. */
    public CurrentRules current(EntityManager em) {
        List<RuleSet> latest = em.createQuery("SELECT r FROM RuleSet r ORDER BY r.version DESC", RuleSet.class)
                .setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultList();
        if (latest.isEmpty()) {
            return new CurrentRules(0, RuleSetDefinition.EMPTY);
        }
        RuleSet r = latest.get(0);
        return new CurrentRules(r.version(), definition(r));
    }

    RuleSetDefinition definition(RuleSet r) {
        return parsed.computeIfAbsent(r.id(), id -> {
            // stored as saved, after its record accepted it
            JsonObject body = Json.createReader(new StringReader(r.definition())).readObject();
            return RecordBodyReader.bind(body, RuleSetView.class).definition();
        });
    }

    /** Rates one lead now with the tenant's current rules, e.g. after a change by a user. */
    public void rate(EntityManager em, String tenantId, Lead lead, String actorId) {
        rate(em, tenantId, lead, current(em), actorId);
    }

    /**
     * Rates one lead with {@code rules} in the caller's transaction. Its stored rating is found
     * through the persistence context, so a rating written earlier in the same transaction and not
     * yet flushed is the one compared and updated. The look-ups do not flush: a lead changed in this
     * transaction is written once, with its rating, so its version moves once per change.
     */
    public void rate(EntityManager em, String tenantId, Lead lead, CurrentRules rules, String actorId) {
        List<String> ids = List.of(lead.id());
        LeadViews.Related related = LeadViews.related(em, ids).getOrDefault(lead.id(), LeadViews.Related.NONE);
        LeadRating stored = em.find(LeadRating.class, lead.id());
        Map<String, RecommendationDecision> decided = Recommendations.inForce(em, ids).get(lead.id());
        Instant now = Timestamps.now();
        Rating.Outcome outcome = evaluate(tenantId, List.of(lead), Map.of(lead.id(), related), rules, now).get(0);
        store(em, tenantId, lead, stored, outcome, rules.version(), actorId, now);
        clearLapsed(decided, outcome, now);
    }

    /**
     * Rates a lead created in the current transaction: it has no items, no rating and no decisions
     * yet, so only the rule set is read.
     */
    public void rateNew(EntityManager em, String tenantId, Lead lead, String actorId) {
        CurrentRules rules = current(em);
        Instant now = Timestamps.now();
        Rating.Outcome outcome = evaluate(tenantId, List.of(lead), Map.of(), rules, now).get(0);
        store(em, tenantId, lead, null, outcome, rules.version(), actorId, now);
    }

    /**
     * Re-rates a batch of a job in the job's own transaction. The leads' related facts, stored
     * ratings and decisions in force are read a statement a kind for the whole batch; the changed
     * rating and lead rows are written with plain JDBC statements on the transaction's connection
     * ({@link RatingRows}): a statement a table, not an entity a row. The leads are detached from
     * {@code em} first, so only those rows are written for them. The queries do not flush.
     */
    public void rerateBatch(EntityManager em, String tenantId, List<Lead> leads, CurrentRules rules) {
        if (leads.isEmpty()) {
            return;
        }
        java.sql.Connection connection = RatingRows.connection(em);
        for (Lead lead : leads) {
            em.detach(lead);
        }
        List<String> ids = leads.stream().map(Lead::id).toList();
        Map<String, LeadViews.Related> related = LeadViews.related(em, ids);
        Map<String, RatingRows.Stored> stored = RatingRows.read(connection, tenantId, ids);
        Map<String, Map<String, RecommendationDecision>> decisions = Recommendations.inForce(em, ids);
        Instant now = Timestamps.now();
        List<Rating.Outcome> outcomes = evaluate(tenantId, leads, related, rules, now);
        RatingRows written = new RatingRows(tenantId, now);
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            storeRow(em, tenantId, lead, stored.get(lead.id()), outcomes.get(i), rules.version(), now, written);
            clearLapsed(decisions.get(lead.id()), outcomes.get(i), now);
        }
        written.write(connection);
    }

    /**
     * The outcome of {@code rules} and the tenant's scoring plugins for each lead, in the leads'
     * order. The scoring plugins get the whole batch at once: one hand-over to a guard thread, not
     * one a lead.
     */
    private List<Rating.Outcome> evaluate(String tenantId, List<Lead> leads, Map<String, LeadViews.Related> related,
                                          CurrentRules rules, Instant now) {
        Map<String, List<ScoringRules.Scored>> scored = plugins.wantsScoring(tenantId)
                ? plugins.scoreAll(tenantId, leads, related) : Map.of();
        List<Rating.Outcome> outcomes = new ArrayList<>(leads.size());
        for (Lead lead : leads) {
            LeadFacts facts = facts(lead, related.getOrDefault(lead.id(), LeadViews.Related.NONE), now);
            List<Rating.PluginContribution> contributions = contributions(scored.getOrDefault(lead.id(), List.of()));
            outcomes.add(Rating.evaluate(rules.definition(), facts, contributions));
        }
        return outcomes;
    }

    /**
     * Clears the decisions about actions the rules no longer recommend: should a rule recommend
     * the action again later, it is open again. Decisions about actions still recommended stay in
     * force, so a done or dismissed action does not come back on a re-rating.
     */
    private static void clearLapsed(Map<String, RecommendationDecision> decided, Rating.Outcome outcome, Instant now) {
        if (decided == null) {
            return;
        }
        java.util.Set<String> recommended = new java.util.HashSet<>();
        for (Rating.Recommendation r : outcome.recommendations()) {
            recommended.add(Recommendations.id(r.origin(), r.id(), r.kind(), clip(r.text(), 500)));
        }
        for (RecommendationDecision d : decided.values()) {
            if (!recommended.contains(d.recommendationId())) {
                d.clear(now);
            }
        }
    }

    private static List<Rating.PluginContribution> contributions(List<ScoringRules.Scored> scored) {
        List<Rating.PluginContribution> out = new ArrayList<>();
        for (ScoringRules.Scored s : scored) {
            String origin = s.pluginId() + "/" + s.extensionId();
            List<Rating.Recommendation> actions = new ArrayList<>();
            for (RecommendedAction a : s.result().actions()) {
                actions.add(new Rating.Recommendation("plugin", origin, a.title(), a.code(), "MEDIUM", null));
            }
            List<String> reasons = new ArrayList<>(s.result().reasons());
            s.result().ratingVote().ifPresent(v -> reasons.add("suggests " + v.name()));
            out.add(new Rating.PluginContribution(s.pluginId(), s.extensionId(), s.result().points(), reasons, actions));
        }
        return out;
    }

    /**
     * As {@link #store}, for a detached lead whose rows {@code rows} writes: only a rating that differs
     * from the stored one is written, and the lead's row only when its rating or score moves.
     */
    private void storeRow(EntityManager em, String tenantId, Lead lead, RatingRows.Stored previous,
                          Rating.Outcome outcome, int version, Instant now, RatingRows rows) {
        String reasons = reasons(outcome);
        String recs = recommendations(outcome);
        if (previous == null) {
            rows.insert(lead.id(), outcome.rating(), outcome.score(), version, reasons, recs);
        } else if (!previous.same(outcome.rating(), outcome.score(), version, reasons, recs)) {
            rows.update(lead.id(), outcome.rating(), outcome.score(), version, reasons, recs);
        }
        org.leadline.api.lead.Rating beforeRating = lead.rating();
        Integer beforeScore = lead.score();
        org.leadline.api.lead.Rating after = org.leadline.api.lead.Rating.valueOf(outcome.rating());
        if (beforeRating != after || beforeScore == null || beforeScore != outcome.score()) {
            rows.lead(lead.id(), lead.version(), outcome.rating(), outcome.score());
            // the detached lead as its row will be, for the events below
            lead.rateWritten(after, outcome.score());
        }
        announce(em, tenantId, lead, beforeRating, beforeScore, outcome, version, null, now);
    }

    private void store(EntityManager em, String tenantId, Lead lead, LeadRating previous, Rating.Outcome outcome,
                       int version, String actorId, Instant now) {
        org.leadline.api.lead.Rating beforeRating = lead.rating();
        Integer beforeScore = lead.score();
        LeadRating r = previous;
        if (r == null) {
            r = new LeadRating(lead.id());
            r.set(outcome.rating(), outcome.score(), version, reasons(outcome), recommendations(outcome), now);
            em.persist(r);
        } else {
            String reasons = reasons(outcome);
            String recs = recommendations(outcome);
            if (!r.rating().equals(outcome.rating()) || r.score() != outcome.score() || r.ruleSetVersion() != version
                    || !r.reasons().equals(reasons) || !r.recommendations().equals(recs)) {
                r.set(outcome.rating(), outcome.score(), version, reasons, recs, now);
            }
        }
        org.leadline.api.lead.Rating after = org.leadline.api.lead.Rating.valueOf(outcome.rating());
        lead.rate(after, outcome.score());
        announce(em, tenantId, lead, beforeRating, beforeScore, outcome, version, actorId, now);
    }

    /** Tells the lead's listeners of a changed rating, and puts a moved rating on its timeline. */
    private void announce(EntityManager em, String tenantId, Lead lead, org.leadline.api.lead.Rating beforeRating,
                          Integer beforeScore, Rating.Outcome outcome, int version, String actorId, Instant now) {
        String before = beforeRating == null ? null : beforeRating.name();
        org.leadline.api.lead.Rating after = org.leadline.api.lead.Rating.valueOf(outcome.rating());
        if (beforeRating != null && (beforeRating != after || beforeScore == null || beforeScore != outcome.score())) {
            events.fire(new LeadEvent.Rated(tenantId, lead, actorId, beforeRating, beforeScore, after, outcome.score()));
        }
        // A lead's first rating is not a change: only a rating that moves shows on the timeline.
        if (before != null && !outcome.rating().equals(before)) {
            RatingChange change = new RatingChange(Ids.next(), lead.id(), before, outcome.rating(), outcome.score(),
                    version, now, actorId);
            em.persist(change);
            TimelineEntries.add(em, lead.id(), TimelineKind.RATING_CHANGE, change.id(), now, actorId);
        }
    }

    static LeadFacts facts(Lead lead, LeadViews.Related related, Instant now) {
        LeadData d = lead.data();
        Map<String, String> fields = new HashMap<>();
        LeadData.Person p = d.person();
        put(fields, "email", p.email());
        put(fields, "phone", p.businessPhone() != null ? p.businessPhone() : p.mobilePhone());
        put(fields, "jobTitle", p.jobTitle());
        put(fields, "language", p.language());
        LeadData.Company c = d.company();
        if (c != null) {
            put(fields, "companyName", c.name());
            put(fields, "industry", c.industry());
            put(fields, "website", c.website());
            put(fields, "employees", c.employees());
            put(fields, "country", c.address() == null ? null : c.address().country());
        }
        put(fields, "source", d.origin().source());
        put(fields, "sourceDetail", d.origin().detail());
        put(fields, "topic", d.topic());
        LeadData.Qualification q = d.qualification();
        java.math.BigDecimal amount = null;
        String currency = null;
        String timeframe = null;
        if (q != null) {
            if (q.budget() != null) {
                amount = q.budget().amount();
                currency = q.budget().currency();
                put(fields, "budget", amount.toPlainString());
            }
            put(fields, "need", q.need());
            timeframe = q.purchaseTimeframe() == null ? null : q.purchaseTimeframe().name();
            put(fields, "purchaseTimeframe", timeframe);
            put(fields, "decisionMaker", q.decisionMaker());
            put(fields, "decisionMakerName", q.decisionMakerName());
            put(fields, "purchaseProcess", q.purchaseProcess());
        }
        return new LeadFacts(d.origin().source() == null ? null : d.origin().source().name(), amount, currency,
                timeframe, fields, related.decisionMakerAmongStakeholders(), related.interactions(), related.lastContactAt(), now);
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    static String reasons(Rating.Outcome o) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        int size = 2;
        for (Rating.Reason r : o.reasons()) {
            JsonObject item = Json.createObjectBuilder().add("origin", r.origin()).add("id", r.id())
                    .add("text", clip(r.text(), 300)).add("points", r.points()).build();
            size += item.toString().length() + 1;
            if (size > MAX_STORED_TEXT) {
                break;
            }
            a.add(item);
        }
        return a.build().toString();
    }

    static String recommendations(Rating.Outcome o) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        int size = 2;
        for (Rating.Recommendation r : o.recommendations()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("origin", r.origin()).add("id", r.id())
                    .add("text", clip(r.text(), 500)).add("kind", r.kind()).add("priority", r.priority());
            if (r.dueInDays() != null) {
                b.add("dueInDays", r.dueInDays());
            }
            JsonObject item = b.build();
            size += item.toString().length() + 1;
            if (size > MAX_STORED_TEXT) {
                break;
            }
            a.add(item);
        }
        return a.build().toString();
    }

    private static String clip(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) : text;
    }
}
