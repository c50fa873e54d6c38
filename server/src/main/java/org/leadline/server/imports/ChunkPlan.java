package org.leadline.server.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leadline.api.lead.LeadData;
import org.leadline.api.problem.FieldError;
import org.leadline.server.capture.DuplicateRule;
import org.leadline.server.lead.Lead;

/**
 * What happens to each row of a chunk: create, update, skip as a duplicate, or fail. A row is a
 * duplicate of a live lead of the tenant that the one duplicate rule of the API, the intake and the
 * import calls likely the same person ({@link DuplicateRule}: the same e-mail address, a shared
 * phone number, or the same last name at the same company with a compatible first name; different
 * e-mail addresses are different people). Rows earlier in the file count like stored leads.
 */
final class ChunkPlan {

    enum Result { CREATE, UPDATE, DUPLICATE, ERROR }

    record Outcome(long row, Result result, String leadId, List<FieldError> errors) {
    }

    /** A lead created earlier in the file, with what the duplicate rule compares. */
    record Known(String id, DuplicateRule.Person person) {
    }

    final List<Outcome> outcomes = new ArrayList<>();
    final List<Lead> creates = new ArrayList<>();
    final List<LeadRows.Existing> updateTargets = new ArrayList<>();
    final List<LeadData> updateRows = new ArrayList<>();

    /** The rows of {@link #creates}, made ahead by the planner ({@link LeadRows#prepare}); null to write them from the leads. */
    LeadRows.NewRows newRows;

    /** Match keys of the leads this chunk creates, with the leads, for the chunk after it. */
    final Map<String, List<Known>> createdKeys = new HashMap<>();

    /**
     * Plans a chunk. {@code pending} holds the match keys of leads created by the chunk before,
     * which may not be committed yet (see {@link ImportRunner}); rows matching them are duplicates
     * like rows matching an earlier row of the same chunk.
     */
    static ChunkPlan of(List<RowReader.Row> rows, ImportJob.DuplicatePolicy policy, LeadRows store, String userId,
                        Map<String, List<Known>> pending) throws SQLException {
        ChunkPlan plan = new ChunkPlan();
        boolean check = policy != ImportJob.DuplicatePolicy.CREATE;
        // A row with an e-mail address can match a stored lead by phone or name only if that lead has
        // no address (different addresses are different people): without such leads, its address
        // is all there is to look up.
        boolean storedWithoutEmail = check && store.anyWithoutEmail();
        // By identity: a row's record hash code would hash its whole lead document, again on every look-up.
        Map<RowReader.Row, DuplicateRule.Person> personOf = new IdentityHashMap<>();
        Map<RowReader.Row, List<String>> keysOf = new IdentityHashMap<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (RowReader.Row r : rows) {
            if (!r.ok()) {
                continue;
            }
            DuplicateRule.Person person = DuplicateRule.Person.of(r.data());
            List<String> keys = matchKeys(person);
            personOf.put(r, person);
            keysOf.put(r, keys);
            for (String key : keys) {
                switch (key.charAt(0)) {
                    case EMAIL -> emails.add(key.substring(1));
                    case PHONE -> {
                        if (person.emailKey() == null || storedWithoutEmail) {
                            phones.add(key.substring(1));
                        }
                    }
                    default -> {
                        if (person.emailKey() == null || storedWithoutEmail) {
                            names.add(key.substring(1));
                        }
                    }
                }
            }
        }
        Map<String, List<LeadRows.Existing>> stored = new HashMap<>();
        if (check) {
            store.byEmail(emails).forEach((k, v) -> stored.put(EMAIL + k, v));
            store.byPhone(phones).forEach((k, v) -> stored.put(PHONE + k, v));
            store.byNameAndCompany(names).forEach((k, v) -> stored.put(NAME + k, v));
        }
        Map<String, List<Known>> earlier = new HashMap<>();
        pending.forEach((k, v) -> earlier.put(k, new ArrayList<>(v)));
        Set<String> updated = new HashSet<>();
        for (RowReader.Row r : rows) {
            if (!r.ok()) {
                plan.outcomes.add(new Outcome(r.number(), Result.ERROR, null, r.errors()));
                continue;
            }
            DuplicateRule.Person person = personOf.get(r);
            List<String> keys = keysOf.get(r);
            LeadRows.Existing existing = null;
            String earlierId = null;
            // The strongest key that finds the same person, in the stored leads or earlier in the file.
            for (String key : keys) {
                existing = first(stored.get(key), e -> DuplicateRule.reasons(person, e.person()).isEmpty() ? null : e);
                Known known = first(earlier.get(key), k -> DuplicateRule.reasons(person, k.person()).isEmpty() ? null : k);
                earlierId = known == null ? null : known.id();
                if (existing != null || earlierId != null) {
                    break;
                }
            }
            if (!check || (existing == null && earlierId == null)) {
                Lead lead = Lead.create(r.data(), userId);
                plan.creates.add(lead);
                Known known = new Known(lead.id(), person);
                for (String key : keys) {
                    earlier.computeIfAbsent(key, k -> new ArrayList<>()).add(known);
                    plan.createdKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(known);
                }
                plan.outcomes.add(new Outcome(r.number(), Result.CREATE, lead.id(), List.of()));
            } else if (policy == ImportJob.DuplicatePolicy.UPDATE && existing != null && earlierId == null
                    && !"QUALIFIED".equals(existing.status()) && updated.add(existing.id())) {
                plan.updateTargets.add(existing);
                plan.updateRows.add(r.data());
                plan.outcomes.add(new Outcome(r.number(), Result.UPDATE, existing.id(), List.of()));
            } else {
                plan.outcomes.add(new Outcome(r.number(), Result.DUPLICATE,
                        existing != null ? existing.id() : earlierId, List.of()));
            }
        }
        return plan;
    }

    private static <T> T first(List<T> candidates, java.util.function.Function<T, T> match) {
        if (candidates == null) {
            return null;
        }
        for (T c : candidates) {
            T m = match.apply(c);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static final char EMAIL = '@';
    private static final char PHONE = '#';
    private static final char NAME = '|';

    /**
     * What a row is looked up by, strongest first: its e-mail address, its phone numbers (E.164,
     * against both numbers of a lead), its last name at its company. Whether a lead found by one of
     * them is the same person, {@link DuplicateRule} decides.
     */
    private static List<String> matchKeys(DuplicateRule.Person p) {
        List<String> keys = new ArrayList<>(4);
        if (p.emailKey() != null) {
            keys.add(EMAIL + p.emailKey());
        }
        for (String phone : p.phoneKeys()) {
            keys.add(PHONE + phone);
        }
        if (p.hasNameAndCompany()) {
            keys.add(NAME + p.lastNameKey() + "|" + p.companyKey());
        }
        return keys;
    }

    long count(Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }
}
