package org.leadline.server.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.LeadView;
import org.leadline.api.problem.FieldError;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.idempotency.IdempotencyKeys;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.BeanValidation;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.tenancy.UserAccount;

/** The lead use cases: every rule and every transaction about a lead's record. */
@ApplicationScoped
@Transactional
public class LeadService {

    static final String CREATE_SCOPE = "lead.create";

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @Inject
    Event<LeadEvent> events;

    @Inject
    Event<LeadFieldsChanged> fieldChanges;

    /** The outcome of a create: the lead, and whether it was created now or by an earlier retry. */
    public record Created(Lead lead, boolean replayed) {
    }

    /** Creates a lead from a document that is not a request body (an e-mail's, a web form's). */
    public Created create(JsonObject body, String idempotencyKey) {
        return create(() -> validated(body, jakarta.json.JsonValue.EMPTY_JSON_OBJECT), idempotencyKey,
                idempotencyKey != null ? IdempotencyKeys.fingerprint(body) : null, data -> { });
    }

    /**
     * Creates a lead from the API's body, which the record reader bound and checked; {@code beforeCreate}
     * sees the data first and may refuse by throwing (the duplicate check does). Not called when the
     * request is the replay of an earlier one.
     */
    public Created create(LeadView body, String idempotencyKey, java.util.function.Consumer<LeadData> beforeCreate) {
        return create(() -> withKnownOwner(body.data()), idempotencyKey,
                idempotencyKey != null ? fingerprint(body) : null, beforeCreate);
    }

    private Created create(java.util.function.Supplier<LeadData> checked, String idempotencyKey, String fingerprint,
                           java.util.function.Consumer<LeadData> beforeCreate) {
        EntityManager em = persistence.em();
        if (idempotencyKey != null) {
            Optional<String> previous = IdempotencyKeys.previous(em, CREATE_SCOPE, idempotencyKey, fingerprint);
            if (previous.isPresent()) {
                return new Created(find(previous.get()), true);
            }
        }
        LeadData data = checked.get();
        beforeCreate.accept(data);
        Lead lead = Lead.create(data, caller.userId());
        if (idempotencyKey != null) {
            IdempotencyKeys.record(em, CREATE_SCOPE, idempotencyKey, fingerprint, lead.id());
        }
        em.persist(lead);
        indexSearchTerms(em, lead, false);
        fieldChanges.fire(new LeadFieldsChanged(caller.tenantId(), lead.id(), caller.userId(), lead.updatedAt(),
                jakarta.json.JsonValue.EMPTY_JSON_OBJECT, LeadJson.writeData(lead.data())));
        events.fire(new LeadEvent.Created(caller.tenantId(), lead.id(), caller.userId()));
        return new Created(lead, false);
    }

    /** A create's request as the server read it: a retry with the same key must send the same lead. */
    private static String fingerprint(LeadView body) {
        return IdempotencyKeys.fingerprint(org.leadline.server.platform.json.RecordJson.toJson(body));
    }

    /** The data, once its owner is known to be a user of the tenant who works leads. */
    private LeadData withKnownOwner(LeadData data) {
        if (data.ownerId() != null) {
            List<FieldError> errors = new ArrayList<>();
            checkOwner(data.ownerId(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
        }
        return data;
    }

    /**
     * Checks a lead document as a create would, without storing anything: the validated data, or a
     * validation problem naming the fields. A refusal leaves the caller's transaction usable.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public LeadData check(JsonObject body) {
        return validated(body, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
    }

    /** After a concurrent request with the same key won the race: its result. */
    public Created replay(LeadView body, String idempotencyKey) {
        String id = IdempotencyKeys.previous(persistence.em(), CREATE_SCOPE, idempotencyKey, fingerprint(body))
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                        "A request with this Idempotency-Key is still in progress; retry shortly"));
        return new Created(find(id), true);
    }

    /** Reads need no transaction: a read-only request then neither begins nor commits one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Lead find(String id) {
        Lead lead = org.leadline.server.platform.persistence.Ids.isValid(id) ? persistence.em().find(Lead.class, id) : null;
        if (lead == null) {
            LeadRedirect redirect = redirect(id);
            if (redirect != null) {
                throw new LeadMerged(id, redirect.survivorId());
            }
        }
        if (lead == null || lead.deletedAt() != null) {
            throw ProblemException.notFound("Lead " + id);
        }
        return lead;
    }

    /** Where a merged-away lead's id leads now, or null when {@code id} was never merged away. */
    public LeadRedirect redirect(String id) {
        return org.leadline.server.platform.persistence.Ids.isValid(id)
                ? persistence.em().find(LeadRedirect.class, id) : null;
    }

    /** Replaces the lead's writable fields; {@code expectedVersion} null means "any". */
    public Lead replace(String id, Long expectedVersion, JsonObject body) {
        Lead lead = find(id);
        checkVersion(lead, expectedVersion);
        if (lead.status() == LeadStatus.QUALIFIED) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Lead " + id + " is qualified and read-only; work on its contact, account and opportunity instead");
        }
        LeadData data = validated(body, LeadJson.write(lead));
        JsonObject before = LeadJson.writeData(lead.data());
        lead.apply(data, caller.userId());
        fieldChanges.fire(new LeadFieldsChanged(caller.tenantId(), lead.id(), caller.userId(), lead.updatedAt(),
                before, LeadJson.writeData(lead.data())));
        EntityManager em = persistence.em();
        indexSearchTerms(em, lead, true);
        em.flush();
        events.fire(new LeadEvent.Updated(caller.tenantId(), lead.id(), caller.userId()));
        return lead;
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the lead's writable fields. */
    public Lead patch(String id, Long expectedVersion, JsonObject patch) {
        Lead lead = find(id);
        checkVersion(lead, expectedVersion);
        JsonObject current = LeadJson.write(lead);
        JsonObject patchedData = Json.createMergePatch(withoutServerOwned(patch, current))
                .apply(LeadJson.writeData(lead.data())).asJsonObject();
        List<FieldError> readOnly = new ArrayList<>();
        LeadJson.read(onlyServerOwned(patch), current, readOnly);
        if (!readOnly.isEmpty()) {
            throw ProblemException.validation(readOnly);
        }
        return replace(id, expectedVersion, patchedData);
    }

    /**
     * Soft deletion: the lead leaves every list and search but keeps its timeline, so a tenant
     * administrator can restore it ({@link LeadEvent.SoftDeleted}); the closing feature purges or
     * erases it for good, and only then is {@link LeadEvent.Deleted} fired.
     */
    public void delete(String id, Long expectedVersion) {
        Lead lead = find(id);
        checkVersion(lead, expectedVersion);
        lead.markDeleted(caller.userId());
        persistence.em().flush();
        events.fire(new LeadEvent.SoftDeleted(caller.tenantId(), lead.id(), caller.userId()));
    }

    /** One page of leads, and the cursor of the next page if there is one. */
    public record Page(List<Lead> items, Cursor next) {
    }

    /**
     * How the pages of a list are read. For a search this takes statements to decide (a seek per
     * stored word the search word starts, or a count per search word, see {@link LeadListQuery});
     * an export decides once, before its one statement. Every plan returns the same leads; the
     * plan only decides where the database starts.
     *
     * @param words the stored words whose runs in the list's order are merged (one search word,
     *              newest first, by last name or by company, see {@link LeadListQuery#mergesWords}), or null for a
     *              page by {@code driver}
     * @param driver the index of the search word that drives the page, or -1 to walk the order
     */
    public record Plan(List<String> words, int driver) {
    }

    /** The plan of a list's pages: see {@link Plan}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan plan(LeadFilter filter, LeadSort.Order order) {
        EntityManager em = persistence.em();
        if (LeadListQuery.mergesWords(filter, order)) {
            // One search word, newest first, by name or by company: merged from the runs of the stored words it starts.
            List<String> words = LeadListQuery.words(em, caller.tenantId(), filter.terms().get(0));
            if (words.size() <= LeadListQuery.MAX_WORDS) {
                return new Plan(List.copyOf(words), -1);
            }
        }
        int driver = -1;
        int limitOfDriving = LeadListQuery.drivingLimit(filter, order);
        int fewest = limitOfDriving + 1;
        for (int i = 0; i < filter.terms().size(); i++) {
            int matches = LeadListQuery.countMatches(em, caller.tenantId(), filter.terms().get(i), limitOfDriving);
            if (matches < fewest) {
                fewest = matches;
                driver = i;
            }
        }
        return new Plan(null, driver);
    }

    /**
     * One page of a list: one statement for the page, whatever its size, after, for a search, either
     * one index seek per stored word the search word starts (one word, newest first, by name or by company, at most
     * {@link LeadListQuery#MAX_WORDS} + 1) or one counting statement per search word (to choose
     * where the database starts, see {@link LeadListQuery}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(LeadFilter filter, LeadSort.Order order, String cursorText, int limit) {
        Cursor cursor = cursor(cursorText, order);
        return page(filter, order, plan(filter, order), cursor, limit);
    }

    private static Cursor cursor(String cursorText, LeadSort.Order order) {
        return cursorText == null ? null : Cursor.decode(cursorText, order.param());
    }

    @SuppressWarnings("unchecked")
    private Page page(LeadFilter filter, LeadSort.Order order, Plan plan, Cursor cursor, int limit) {
        Object cursorKey = null;
        if (cursor != null) {
            try {
                cursorKey = order.sort().parseKey(cursor.key());
            } catch (RuntimeException e) {
                throw ProblemException.parameter("cursor", "is not a cursor this server issued");
            }
        }
        EntityManager em = persistence.em();
        String cursorId = cursor == null ? null : cursor.id();
        List<Lead> rows;
        if (plan.words() != null) {
            rows = plan.words().isEmpty() ? List.of()
                    : LeadListQuery.ofWords(em, caller.tenantId(), filter, order, plan.words(), cursorKey, cursorId,
                            limit + 1).getResultList();
        } else {
            rows = LeadListQuery.page(em, caller.tenantId(), filter, order, cursorKey, cursorId, plan.driver(), limit + 1)
                    .getResultList();
        }
        if (rows.size() <= limit) {
            return new Page(List.copyOf(rows), null);
        }
        List<Lead> items = rows.subList(0, limit);
        Lead last = items.get(limit - 1);
        return new Page(List.copyOf(items), new Cursor(order.param(), order.sort().keyOf.apply(last), last.id()));
    }

    private LeadData validated(JsonObject body, JsonObject current) {
        List<FieldError> errors = new ArrayList<>();
        LeadData data = LeadJson.read(body, current, errors);
        // Constraint checks run even after type errors, but a field already reported is not reported twice.
        Set<String> reported = new java.util.HashSet<>();
        errors.forEach(e -> reported.add(e.field()));
        BeanValidation.errors(validator.validate(data), "").stream()
                .filter(e -> !reported.contains(e.field()))
                .forEach(errors::add);
        if (errors.isEmpty() && data.ownerId() != null) {
            checkOwner(data.ownerId(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return data;
    }

    private void checkOwner(String ownerId, List<FieldError> errors) {
        UserAccount owner = org.leadline.server.platform.persistence.Ids.isValid(ownerId)
                ? persistence.em().find(UserAccount.class, ownerId) : null;
        if (owner == null || !caller.tenantId().equals(owner.tenantId())) {
            errors.add(new FieldError("ownerId", "is not a user of this tenant"));
        } else if (!owner.isActive()) {
            errors.add(new FieldError("ownerId", "is a disabled user"));
        } else if (!owner.roles().contains(Role.SALES) && !owner.roles().contains(Role.TENANT_ADMIN)) {
            errors.add(new FieldError("ownerId", "is a user who does not work leads"));
        }
    }

    private static void checkVersion(Lead lead, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != lead.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The lead is at version " + lead.version() + ", your If-Match names version " + expectedVersion
                            + "; read it again and reapply your change");
        }
    }

    /** The lead's words with its sort keys as they are now (see {@link SearchIndex}). */
    private void indexSearchTerms(EntityManager em, Lead lead, boolean replace) {
        if (replace) {
            SearchIndex.rewrite(em, lead);
        } else {
            SearchIndex.write(em, lead);
        }
    }

    private static JsonObject withoutServerOwned(JsonObject patch, JsonObject current) {
        var b = Json.createObjectBuilder(patch);
        LeadJson.SERVER_OWNED.forEach(b::remove);
        return b.build();
    }

    private static JsonObject onlyServerOwned(JsonObject patch) {
        var b = Json.createObjectBuilder();
        patch.forEach((k, v) -> {
            if (LeadJson.SERVER_OWNED.contains(k)) {
                b.add(k, v);
            }
        });
        return b.build();
    }
}
