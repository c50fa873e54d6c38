package org.leadline.server.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadData;
import org.leadline.server.lead.LeadValidation;
import org.leadline.server.platform.problem.FieldError;

/**
 * What happens to each row of a chunk: create, update, skip as a duplicate, or fail. A row is a
 * duplicate of a live lead of the tenant with the same e-mail address (case-insensitive), or, when
 * the row has no e-mail address, with the same last name at the same company; rows earlier in the
 * file count like stored leads.
 */
final class ChunkPlan {

    enum Result { CREATE, UPDATE, DUPLICATE, ERROR }

    record Outcome(long row, Result result, String leadId, List<FieldError> errors) {
    }

    final List<Outcome> outcomes = new ArrayList<>();
    final List<Lead> creates = new ArrayList<>();
    final List<LeadRows.Existing> updateTargets = new ArrayList<>();
    final List<LeadData> updateRows = new ArrayList<>();

    static ChunkPlan of(List<RowReader.Row> rows, ImportJob.DuplicatePolicy policy, LeadRows store, String userId)
            throws SQLException {
        ChunkPlan plan = new ChunkPlan();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> companies = new LinkedHashSet<>();
        for (RowReader.Row r : rows) {
            if (!r.ok()) {
                continue;
            }
            String email = LeadValidation.emailKey(r.data().person().email());
            if (email != null) {
                emails.add(email);
            } else {
                String company = companyKey(r.data());
                if (!company.isEmpty()) {
                    names.add(LeadValidation.lastNameKey(r.data().person().lastName()));
                    companies.add(company);
                }
            }
        }
        Map<String, LeadRows.Existing> byEmail = policy == ImportJob.DuplicatePolicy.CREATE || emails.isEmpty()
                ? Map.of() : store.byEmail(emails);
        Map<String, LeadRows.Existing> byName = policy == ImportJob.DuplicatePolicy.CREATE
                ? Map.of() : store.byNameAndCompany(names, companies);
        Map<String, String> earlier = new HashMap<>();
        Set<String> updated = new HashSet<>();
        for (RowReader.Row r : rows) {
            if (!r.ok()) {
                plan.outcomes.add(new Outcome(r.number(), Result.ERROR, null, r.errors()));
                continue;
            }
            String key = matchKey(r.data());
            LeadRows.Existing existing = key == null ? null
                    : key.startsWith("@") ? byEmail.get(key.substring(1)) : byName.get(key);
            String earlierId = key == null ? null : earlier.get(key);
            if (policy == ImportJob.DuplicatePolicy.CREATE || (existing == null && earlierId == null)) {
                Lead lead = Lead.create(r.data(), userId);
                plan.creates.add(lead);
                if (key != null) {
                    earlier.putIfAbsent(key, lead.id());
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

    /** "@" + e-mail key, or "last name key|company key", or null when the row cannot match anything. */
    private static String matchKey(LeadData d) {
        String email = LeadValidation.emailKey(d.person().email());
        if (email != null) {
            return "@" + email;
        }
        String company = companyKey(d);
        return company.isEmpty() ? null : LeadValidation.lastNameKey(d.person().lastName()) + "|" + company;
    }

    private static String companyKey(LeadData d) {
        return LeadValidation.companyKey(d.company() == null ? null : d.company().name());
    }

    long count(Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }
}
