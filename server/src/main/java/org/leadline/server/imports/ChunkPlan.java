package org.leadline.server.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leadline.api.lead.LeadData;
import org.leadline.api.problem.FieldError;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadValidation;
import org.leadline.server.lead.PhoneKeys;

/**
 * What happens to each row of a chunk: create, update, skip as a duplicate, or fail. A row is a
 * duplicate of a live lead of the tenant with the same e-mail address (case-insensitive), or, when
 * the row has no e-mail address, with the same phone number or the same last name at the same
 * company; rows earlier in the file count like stored leads.
 */
final class ChunkPlan {

    enum Result { CREATE, UPDATE, DUPLICATE, ERROR }

    record Outcome(long row, Result result, String leadId, List<FieldError> errors) {
    }

    final List<Outcome> outcomes = new ArrayList<>();
    final List<Lead> creates = new ArrayList<>();
    final List<LeadRows.Existing> updateTargets = new ArrayList<>();
    final List<LeadData> updateRows = new ArrayList<>();

    /** Match keys of the leads this chunk creates, with their ids, for the chunk after it. */
    final Map<String, String> createdKeys = new HashMap<>();

    /**
     * Plans a chunk. {@code pending} holds the match keys of leads created by the chunk before,
     * which may not be committed yet (see {@link ImportRunner}); rows matching them are duplicates
     * like rows matching an earlier row of the same chunk.
     */
    static ChunkPlan of(List<RowReader.Row> rows, ImportJob.DuplicatePolicy policy, LeadRows store, String userId,
                        Map<String, String> pending) throws SQLException {
        ChunkPlan plan = new ChunkPlan();
        Map<RowReader.Row, List<String>> keysOf = new HashMap<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (RowReader.Row r : rows) {
            if (!r.ok()) {
                continue;
            }
            List<String> keys = matchKeys(r.data());
            keysOf.put(r, keys);
            for (String key : keys) {
                switch (key.charAt(0)) {
                    case EMAIL -> emails.add(key.substring(1));
                    case PHONE -> phones.add(key.substring(1));
                    default -> names.add(key.substring(1));
                }
            }
        }
        boolean check = policy != ImportJob.DuplicatePolicy.CREATE;
        Map<String, LeadRows.Existing> stored = new HashMap<>();
        if (check) {
            store.byEmail(emails).forEach((k, v) -> stored.put(EMAIL + k, v));
            store.byPhone(phones).forEach((k, v) -> stored.put(PHONE + k, v));
            store.byNameAndCompany(names).forEach((k, v) -> stored.put(NAME + k, v));
        }
        Map<String, String> earlier = new HashMap<>(pending);
        Set<String> updated = new HashSet<>();
        for (RowReader.Row r : rows) {
            if (!r.ok()) {
                plan.outcomes.add(new Outcome(r.number(), Result.ERROR, null, r.errors()));
                continue;
            }
            List<String> keys = keysOf.get(r);
            LeadRows.Existing existing = null;
            String earlierId = null;
            for (String key : keys) {
                existing = stored.get(key);
                earlierId = earlier.get(key);
                if (existing != null || earlierId != null) {
                    break;
                }
            }
            if (!check || (existing == null && earlierId == null)) {
                Lead lead = Lead.create(r.data(), userId);
                plan.creates.add(lead);
                for (String key : keys) {
                    earlier.putIfAbsent(key, lead.id());
                    plan.createdKeys.putIfAbsent(key, lead.id());
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

    private static final char EMAIL = '@';
    private static final char PHONE = '#';
    private static final char NAME = '|';

    /**
     * What a row is matched by, strongest first. A row with an e-mail address matches by that
     * address only: two different addresses are two people, even at one switchboard number. A row
     * without one matches by its phone numbers (E.164, against both numbers of a lead), then by
     * last name at the same company.
     */
    private static List<String> matchKeys(LeadData d) {
        String email = LeadValidation.emailKey(d.person().email());
        if (email != null) {
            return List.of(EMAIL + email);
        }
        List<String> keys = new ArrayList<>(3);
        String country = d.company() == null || d.company().address() == null ? null : d.company().address().country();
        for (String phone : new String[] {d.person().businessPhone(), d.person().mobilePhone()}) {
            String key = PhoneKeys.key(phone, country);
            if (key != null && !keys.contains(PHONE + key)) {
                keys.add(PHONE + key);
            }
        }
        String company = LeadValidation.companyKey(d.company() == null ? null : d.company().name());
        if (!company.isEmpty()) {
            keys.add(NAME + LeadValidation.lastNameKey(d.person().lastName()) + "|" + company);
        }
        return keys;
    }

    long count(Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }
}
