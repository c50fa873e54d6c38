package org.leadline.server.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.problem.FieldError;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadJson;
import org.leadline.server.lead.LeadMerged;
import org.leadline.server.lead.LeadRedirect;
import org.leadline.server.lead.LeadService;
import org.leadline.server.platform.idempotency.IdempotencyKeys;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.json.RecordInput;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.AuditSubject;
import org.leadline.server.timeline.AuditTrail;
import org.leadline.server.timeline.ChangeKind;
import org.leadline.server.timeline.FieldDiff;
import org.leadline.server.timeline.TimelineEntries;
import org.leadline.server.timeline.TimelineKind;

/**
 * Merging leads into one surviving lead, in one transaction: the survivor takes the chosen field
 * values through the ordinary lead update (so audit, search, rating and plugins see an update),
 * the merged leads' timelines, stakeholders and competitors move to it, and each merged lead
 * becomes a redirect to it.
 *
 * <p>Every lead taking part is locked (in id order, so two merges never wait on each other in a
 * circle) before anything is read for the merge. A second merge of the same lead therefore waits
 * for the first, then finds the lead merged away and is refused; there is never half a merge.
 */
@RequestScoped
@Transactional
public class MergeService {

    static final String SCOPE = "lead.merge";
    /** At most this many leads are merged into one survivor per request. */
    public static final int MAX_MERGED = 10;
    static final String SURVIVOR = "survivorId";

    /**
     * Timeline kinds that stay behind: stage and rating changes describe the merged lead's own
     * process and rating, which the survivor does not inherit (its time in stage stays its own).
     * They are kept in the merge record instead.
     */
    private static final List<TimelineKind> NOT_MOVED = List.of(TimelineKind.STAGE_CHANGE, TimelineKind.RATING_CHANGE);

    /**
     * Things kept on a lead that move to the survivor, with the name the result counts them under
     * (none for audit changes, which move with their audit entries).
     */
    private static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        MOVED.put("Interaction", "interactions");
        MOVED.put("Note", "notes");
        MOVED.put("NoteRevision", "noteRevisions");
        MOVED.put("SocialPost", "socialPosts");
        MOVED.put("Stakeholder", "stakeholders");
        MOVED.put("Competitor", "competitors");
        MOVED.put("AuditEntry", "auditEntries");
        MOVED.put("AuditChange", null);
        MOVED.put("Disqualification", "disqualifications");
        MOVED.put("LeadMerge", "earlierMerges");
    }

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    LeadService leads;

    @Inject
    Event<LeadEvent> events;

    /** A merge request as the client sent it. */
    record Request(List<String> mergedIds, Map<String, String> fields, boolean dryRun) {
    }

    /** The answer: what the merge does (or did), and the survivor after a real merge. */
    public record Outcome(MergeResult result, Lead survivor, boolean replayed) {
    }

    public Outcome merge(String survivorId, MergeRequest body, boolean dryRunParam, Long expectedVersion,
                         String idempotencyKey) {
        Request request = read(survivorId, body, dryRunParam);
        EntityManager em = persistence.em();
        String mergeId = Ids.next();
        if (!request.dryRun() && idempotencyKey != null) {
            String fingerprint = IdempotencyKeys.fingerprint(withSurvivor(survivorId, body));
            Optional<String> previous = IdempotencyKeys.previous(em, SCOPE, idempotencyKey, fingerprint);
            if (previous.isPresent()) {
                return replayOf(previous.get(), survivorId);
            }
            // Recorded first, so a concurrent retry with the same key waits here and then replays.
            IdempotencyKeys.record(em, SCOPE, idempotencyKey, fingerprint, mergeId);
        }

        Map<String, Lead> all = lockAll(survivorId, request, !request.dryRun());
        Lead survivor = all.get(survivorId);
        if (expectedVersion != null && expectedVersion != survivor.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Lead " + survivorId + " is at version "
                    + survivor.version() + ", your If-Match names version " + expectedVersion
                    + "; read it again and check the merge");
        }
        Map<String, JsonObject> data = new LinkedHashMap<>();
        all.forEach((id, lead) -> data.put(id, LeadJson.writeData(lead.data())));
        List<MergeFields.Choice> choices = MergeFields.choose(data, MergeFields.expand(request.fields()));
        JsonObject newData = MergeFields.result(choices);
        JsonObject moves = counts(em, request.mergedIds());

        List<MergeResult.FieldChoice> fields = view(choices);
        if (request.dryRun()) {
            return new Outcome(new MergeResult(true, survivorId, request.mergedIds(), fields, stored(moves,
                    MergeResult.Moves.class), stored(newData, LeadData.class), null, null, null, null), survivor, false);
        }

        Instant now = Timestamps.now();
        String userId = caller.userId();
        JsonArrayBuilder snapshots = Json.createArrayBuilder();
        for (String id : request.mergedIds()) {
            snapshots.add(Json.createObjectBuilder().add("lead", LeadJson.write(all.get(id)))
                    .add("stageHistory", stageHistory(em, id)));
        }
        // An imported lead's "imported" entry is not a row; it becomes one before the lead goes.
        request.mergedIds().forEach(id -> org.leadline.server.timeline.ImportedEntry.store(em, id));
        move(em, survivorId, request.mergedIds());
        for (String id : request.mergedIds()) {
            remove(em, all.get(id), userId);
        }
        for (String id : request.mergedIds()) {
            em.persist(new LeadRedirect(id, survivorId, mergeId, now));
        }
        JsonArrayBuilder chosenFrom = Json.createArrayBuilder();
        choices.forEach(c -> chosenFrom.add(Json.createObjectBuilder().add("field", c.field()).add("from", c.from())));
        em.persist(new LeadMerge(mergeId, survivorId, request.mergedIds(), now, userId, Json.createObjectBuilder()
                .add("mergedLeads", snapshots).add("fields", chosenFrom).add("moves", moves).build()));
        TimelineEntries.add(em, survivorId, TimelineKind.MERGE, mergeId, now, userId);
        AuditTrail.record(em, survivorId, AuditSubject.LEAD, survivorId, ChangeKind.MERGED, userId, now,
                List.of(new FieldDiff.Change("mergedLeads", null, String.join(", ", request.mergedIds()))));
        em.flush();
        // The ordinary update: validation, audit of the changed fields, search terms, rating, plugins.
        Lead updated = leads.replace(survivorId, null, newData);
        return new Outcome(new MergeResult(false, survivorId, request.mergedIds(), fields,
                stored(moves, MergeResult.Moves.class), null, mergeId, now, userId, null), updated, false);
    }

    /** A retry of a merge that was done: the same answer, with the survivor as it is now. */
    public Outcome replay(String survivorId, MergeRequest body, String idempotencyKey) {
        String fingerprint = IdempotencyKeys.fingerprint(withSurvivor(survivorId, body));
        String mergeId = IdempotencyKeys.previous(persistence.em(), SCOPE, idempotencyKey, fingerprint)
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                        "A request with this Idempotency-Key is still in progress; retry shortly"));
        return replayOf(mergeId, survivorId);
    }

    private Outcome replayOf(String mergeId, String survivorId) {
        LeadMerge merge = persistence.em().find(LeadMerge.class, mergeId);
        Lead survivor = leads.find(merge != null ? merge.leadId() : survivorId);
        if (merge == null) {
            return new Outcome(new MergeResult(false, survivor.id(), null, null, null, null, null, null, null, null),
                    survivor, true);
        }
        JsonObject details = merge.details();
        List<MergeResult.FieldChoice> fields = details.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .map(f -> new MergeResult.FieldChoice(f.getString("field"), null, f.getString("from"), null, null))
                .toList();
        return new Outcome(new MergeResult(false, survivor.id(), merge.mergedIds(), fields,
                stored(details.getJsonObject("moves"), MergeResult.Moves.class), null, merge.id(), merge.mergedAt(),
                merge.mergedBy(), null), survivor, true);
    }

    /** A record of the answer from what this service wrote itself (counts, lead data): no errors to report. */
    static <R extends Record> R stored(JsonObject json, Class<R> type) {
        List<FieldError> errors = new ArrayList<>();
        R record = RecordInput.read(new JsonInput(json, "", errors), type, (path, value) -> { });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The merge wrote a " + type.getSimpleName() + " it cannot read: " + errors);
        }
        return record;
    }

    /** The request as the server read it, with the survivor: what a retry with the same key must repeat. */
    private static JsonObject withSurvivor(String survivorId, MergeRequest body) {
        return Json.createObjectBuilder(RecordJson.toJson(body)).add(SURVIVOR, survivorId).build();
    }

    /** Reads and checks the request's shape; every problem is reported with its field. */
    static Request read(String survivorId, MergeRequest body, boolean dryRunParam) {
        List<FieldError> errors = new ArrayList<>();
        if (!Ids.isValid(survivorId)) {
            throw ProblemException.notFound("Lead " + survivorId);
        }
        List<String> mergedIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.mergedIds().size(); i++) {
            String field = "mergedIds[" + i + "]";
            String id = body.mergedIds().get(i);
            if (id.equals(survivorId)) {
                errors.add(new FieldError(field, "is the surviving lead itself"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(field, "names lead " + id + " a second time"));
            } else {
                mergedIds.add(id);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.fields() != null) {
            Set<String> leadIds = new HashSet<>(mergedIds);
            leadIds.add(survivorId);
            body.fields().forEach((key, id) -> {
                String field = "fields." + key;
                if (!MergeFields.FIELDS.contains(key) && !MergeFields.GROUPS.contains(key)) {
                    errors.add(new FieldError(field, "is not a lead field or field group that a merge can choose"));
                } else if (!leadIds.contains(id)) {
                    errors.add(new FieldError(field, "must be the id of the surviving lead or of a merged lead"));
                } else {
                    fields.put(key, id);
                }
            });
        }
        boolean dryRun = dryRunParam || Boolean.TRUE.equals(body.dryRun());
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Request(List.copyOf(mergedIds), fields, dryRun);
    }
    /**
     * Finds (and for a real merge locks) every lead, survivor first then in request order, and
     * refuses leads that are not open leads of this tenant.
     */
    private Map<String, Lead> lockAll(String survivorId, Request request, boolean lock) {
        EntityManager em = persistence.em();
        List<String> order = new ArrayList<>();
        order.add(survivorId);
        order.addAll(request.mergedIds());
        Map<String, Lead> found = new HashMap<>();
        for (String id : order.stream().sorted().toList()) {
            Lead lead = Ids.isValid(id)
                    ? em.find(Lead.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE) : null;
            if (lead != null) {
                found.put(id, lead);
            }
        }
        Map<String, Lead> all = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            String field = i == 0 ? SURVIVOR : "mergedIds[" + (i - 1) + "]";
            Lead lead = found.get(id);
            if (lead == null) {
                LeadRedirect redirect = leads.redirect(id);
                if (redirect != null) {
                    throw new LeadMerged(id, redirect.survivorId(), List.of(new FieldError(field,
                            "was already merged into lead " + redirect.survivorId())));
                }
                throw new ProblemException(ProblemType.NOT_FOUND, "Lead " + id + " does not exist",
                        List.of(new FieldError(field, "is not a lead")));
            }
            if (lead.deletedAt() != null) {
                throw new ProblemException(ProblemType.CONFLICT, "Lead " + id + " is deleted; restore it to merge it",
                        List.of(new FieldError(field, "is a deleted lead")));
            }
            if (lead.status() != LeadStatus.OPEN) {
                throw new ProblemException(ProblemType.CONFLICT, "Lead " + id + " is " + lead.status()
                        + "; only open leads can be merged", List.of(new FieldError(field,
                        "is " + lead.status() + "; only open leads can be merged")));
            }
            all.put(id, lead);
        }
        return all;
    }

    private static JsonObject counts(EntityManager em, List<String> ids) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        MOVED.forEach((entity, name) -> {
            if (name != null) {
                b.add(name, em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.leadId IN :ids", Long.class)
                        .setParameter("ids", ids).getSingleResult());
            }
        });
        b.add("timelineEntries", em.createQuery("SELECT COUNT(t) FROM TimelineEntry t WHERE t.leadId IN :ids"
                        + " AND t.kind NOT IN :kept", Long.class)
                .setParameter("ids", ids).setParameter("kept", NOT_MOVED).getSingleResult());
        return b.build();
    }

    private static void move(EntityManager em, String survivorId, List<String> ids) {
        MOVED.keySet().forEach(entity -> em.createQuery("UPDATE " + entity + " x SET x.leadId = :s WHERE x.leadId IN :ids")
                .setParameter("s", survivorId).setParameter("ids", ids).executeUpdate());
        em.createQuery("UPDATE TimelineEntry t SET t.leadId = :s WHERE t.leadId IN :ids AND t.kind NOT IN :kept")
                .setParameter("s", survivorId).setParameter("ids", ids).setParameter("kept", NOT_MOVED).executeUpdate();
        // Leads merged into a merged lead earlier now lead straight to the new survivor.
        em.createQuery("UPDATE LeadRedirect r SET r.survivorId = :s WHERE r.survivorId IN :ids")
                .setParameter("s", survivorId).setParameter("ids", ids).executeUpdate();
    }

    /**
     * Removes what is left of a merged lead: its own search terms, stage history and checklist,
     * then the lead. The deletion event lets the timeline, the rating and the plugins let go of it.
     */
    private void remove(EntityManager em, Lead lead, String userId) {
        for (String entity : new String[] {"LeadSearchTerm", "StageChange", "ChecklistTick", "LeadConversion"}) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.leadId = :id").setParameter("id", lead.id())
                    .executeUpdate();
        }
        em.remove(lead);
        em.flush();
        events.fire(new LeadEvent.Deleted(caller.tenantId(), lead.id(), userId));
    }

    private static JsonArrayBuilder stageHistory(EntityManager em, String leadId) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        List<Object[]> rows = em.createQuery("SELECT c.fromStage, c.toStage, c.changedAt, c.changedBy FROM StageChange c"
                + " WHERE c.leadId = :lead ORDER BY c.changedAt, c.id", Object[].class).setParameter("lead", leadId)
                .getResultList();
        for (Object[] r : rows) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            b.add("from", r[0] == null ? JsonValue.NULL : Json.createValue((String) r[0]));
            out.add(b.add("to", (String) r[1]).add("changedAt", r[2].toString()).add("changedBy", (String) r[3]));
        }
        return out;
    }

    private static List<MergeResult.FieldChoice> view(List<MergeFields.Choice> choices) {
        return choices.stream().map(c -> new MergeResult.FieldChoice(c.field(), c.value(), c.from(), c.chosen(),
                c.alternatives().stream().map(a -> new MergeResult.Alternative(a.leadId(), a.value())).toList()))
                .toList();
    }
}
