package org.leadline.server.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;

import org.leadline.api.capture.DuplicateReason;
import org.leadline.api.lead.LeadData;
import org.leadline.server.lead.Lead;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Finds leads of the caller's tenant that are likely the same person as a new one, by the one rule
 * of the API, the intake and the import ({@link DuplicateRule}): the same e-mail address, the same
 * phone number (business or mobile, compared in E.164), or the same last name at the same company
 * (legal form, case and punctuation aside) with a compatible first name ("J." and "Jan" match,
 * "Jan" and "Jens" do not); different e-mail addresses are different people. Soft-deleted leads are
 * never candidates. Each query runs on an index that starts with the tenant.
 */
@ApplicationScoped
public class DuplicateFinder {

    /** At most this many candidates are reported: enough for a person to decide. */
    public static final int MAX_CANDIDATES = 20;

    /** What a new lead is compared by; every part may be null. */
    public record Probe(String email, String businessPhone, String mobilePhone, String country, String firstName,
                        String lastName, String companyName) {

        public static Probe of(LeadData data) {
            LeadData.Person p = data.person();
            LeadData.Company c = data.company();
            String country = c != null && c.address() != null ? c.address().country() : null;
            return new Probe(p != null ? p.email() : null, p != null ? p.businessPhone() : null,
                    p != null ? p.mobilePhone() : null, country, p != null ? p.firstName() : null,
                    p != null ? p.lastName() : null, c != null ? c.name() : null);
        }

        /**
         * The probe of a lead document as {@code POST /leads} takes it, read leniently (a member
         * that is not a string counts as missing), before it is validated: its keys are those of the
         * validated data, which only strips the strings.
         */
        public static Probe of(JsonObject body) {
            JsonObject p = object(body, "person");
            JsonObject c = object(body, "company");
            return new Probe(string(p, "email"), string(p, "businessPhone"), string(p, "mobilePhone"),
                    string(object(c, "address"), "country"), string(p, "firstName"), string(p, "lastName"),
                    string(c, "name"));
        }

        private static JsonObject object(JsonObject o, String key) {
            return o != null && o.get(key) instanceof JsonObject v ? v : null;
        }

        private static String string(JsonObject o, String key) {
            if (o == null || !(o.get(key) instanceof JsonString v)) {
                return null;
            }
            String s = v.getString().strip();
            return s.isEmpty() ? null : s;
        }
    }

    /**
     * What a probe is looked up by, as stored in the lead's key columns: the e-mail key, the phone
     * keys (E.164; either may match a business or a mobile number) and the last name and company
     * keys (compared only together; the company without legal form, {@link org.leadline.server.lead.CompanyNames}).
     * Empty parts are null or empty.
     */
    public record Keys(String email, Set<String> phones, String lastName, String company) {

        public static Keys of(Probe probe) {
            return of(DuplicateRule.Person.of(probe));
        }

        public static Keys of(DuplicateRule.Person p) {
            return new Keys(p.emailKey(), Set.copyOf(p.phoneKeys()), p.lastNameKey(), p.companyKey());
        }

        /** Whether the name and company are both known, so that leads are compared by them. */
        public boolean hasNameAndCompany() {
            return !lastName.isEmpty() && !company.isEmpty();
        }
    }

    /** A likely duplicate and every reason it is one. */
    public record Candidate(Lead lead, List<DuplicateReason> reasons) {
    }

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    public List<Candidate> find(Probe probe) {
        return find(DuplicateRule.Person.of(probe));
    }

    /** As {@link #find(Probe)}, for a person whose keys the caller has already computed. */
    public List<Candidate> find(DuplicateRule.Person person) {
        return find(persistence.em(), caller.tenantId(), person, null);
    }

    /** The leads that are likely the same person as the stored {@code lead}, the lead itself left out. */
    public List<Candidate> find(Lead lead) {
        return find(persistence.em(), caller.tenantId(), DuplicateRule.Person.of(lead), lead.id());
    }

    /**
     * Looks the person up by each of its keys in one statement, a branch per kind of key (each on
     * the index of its column: the e-mail, the business phone, the mobile phone, the last name with
     * the company), and keeps the leads that {@link DuplicateRule} calls likely the same person,
     * with every reason it gives. The statement reads the ids and the keys the rule compares; only
     * the leads the rule keeps (usually none) are read whole, by a second statement. Candidates come
     * in the order of the kinds, then of creation.
     */
    static List<Candidate> find(EntityManager em, String tenantId, DuplicateRule.Person person, String except) {
        Keys keys = Keys.of(person);
        List<String> branches = new ArrayList<>(4);
        List<Object> parameters = new ArrayList<>();
        if (keys.email() != null) {
            branches.add(branch(0, "email_key = ?", MAX_CANDIDATES));
            parameters.add(tenantId);
            parameters.add(keys.email());
        }
        if (!keys.phones().isEmpty()) {
            String in = String.join(", ", java.util.Collections.nCopies(keys.phones().size(), "?"));
            // Two branches rather than one OR, so each uses its own index.
            branches.add(branch(1, "business_phone_key IN (" + in + ")", MAX_CANDIDATES));
            parameters.add(tenantId);
            parameters.addAll(new TreeSet<>(keys.phones()));
            branches.add(branch(2, "mobile_phone_key IN (" + in + ")", MAX_CANDIDATES));
            parameters.add(tenantId);
            parameters.addAll(new TreeSet<>(keys.phones()));
        }
        if (keys.hasNameAndCompany()) {
            branches.add(branch(3, "last_name_key = ? AND company_key = ?", MAX_CANDIDATES * 5));
            parameters.add(tenantId);
            parameters.add(keys.lastName());
            parameters.add(keys.company());
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        jakarta.persistence.Query ids = em.createNativeQuery(String.join(" UNION ALL ", branches)
                + " ORDER BY k, created_at, id").setHint("eclipselink.jdbc.allow-native-sql-query", true);
        for (int i = 0; i < parameters.size(); i++) {
            ids.setParameter(i + 1, parameters.get(i));
        }
        // The rule is applied to the keys the statement read; only the leads it keeps are read whole.
        Map<String, List<DuplicateReason>> matched = new LinkedHashMap<>();
        for (Object result : ids.getResultList()) {
            Object[] row = (Object[]) result;
            String id = (String) row[0];
            if (id.equals(except) || matched.containsKey(id) || matched.size() >= MAX_CANDIDATES) {
                continue;
            }
            Set<String> phones = new LinkedHashSet<>();
            if (row[3] != null) {
                phones.add((String) row[3]);
            }
            if (row[4] != null) {
                phones.add((String) row[4]);
            }
            List<DuplicateReason> reasons = DuplicateRule.reasons(person, new DuplicateRule.Person((String) row[2],
                    phones, (String) row[5], (String) row[6], (String) row[7]));
            if (!reasons.isEmpty()) {
                matched.put(id, reasons);
            }
        }
        if (matched.isEmpty()) {
            return List.of();
        }
        Map<String, Lead> leads = new HashMap<>();
        em.createQuery("SELECT l FROM Lead l WHERE l.id IN :ids", Lead.class).setParameter("ids", matched.keySet())
                .getResultList().forEach(l -> leads.put(l.id(), l));
        List<Candidate> found = new ArrayList<>();
        matched.forEach((id, reasons) -> {
            Lead l = leads.get(id);
            if (l != null && l.deletedAt() == null) {
                found.add(new Candidate(l, reasons));
            }
        });
        return found;
    }

    /** What a look-up reads of a lead: its id, the kind of key that found it, what the rule compares, its creation. */
    private static final String KEYS = "email_key, business_phone_key, mobile_phone_key, last_name_key, company_key, first_name";

    /** One kind's look-up: the first {@code limit} live leads of the tenant it matches, oldest first. */
    private static String branch(int kind, String condition, int limit) {
        return "SELECT id, k, " + KEYS + ", created_at FROM (SELECT id, " + kind + " AS k, " + KEYS
                + ", created_at FROM leads WHERE tenant_id = ? AND " + condition
                + " AND deleted_at IS NULL ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY) b" + kind;
    }
}
