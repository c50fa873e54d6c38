package org.leadline.server.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;

import org.leadline.api.capture.DuplicateReason;
import org.leadline.api.lead.LeadData;
import org.leadline.server.lead.Lead;
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

        static Keys of(DuplicateRule.Person p) {
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

    public List<Candidate> find(Probe probe) {
        return find(persistence.em(), probe);
    }

    /**
     * Looks the probe up by each of its keys, one indexed query per kind, and keeps the leads that
     * {@link DuplicateRule} calls likely the same person, with every reason it gives.
     */
    static List<Candidate> find(EntityManager em, Probe probe) {
        return find(em, DuplicateRule.Person.of(probe), null);
    }

    /** The leads that are likely the same person as the stored {@code lead}, the lead itself left out. */
    public List<Candidate> find(Lead lead) {
        return find(persistence.em(), DuplicateRule.Person.of(lead), lead.id());
    }

    private static List<Candidate> find(EntityManager em, DuplicateRule.Person person, String except) {
        Keys keys = Keys.of(person);
        Map<String, Lead> looked = new LinkedHashMap<>();
        if (keys.email() != null) {
            add(looked, em.createQuery("SELECT l FROM Lead l WHERE l.emailKey = :e AND l.deletedAt IS NULL ORDER BY l.createdAt",
                            Lead.class).setParameter("e", keys.email())
                    .setMaxResults(MAX_CANDIDATES).getResultList());
        }
        if (!keys.phones().isEmpty()) {
            // Two queries rather than one OR, so each uses its own index.
            add(looked, em.createQuery("SELECT l FROM Lead l WHERE l.businessPhoneKey IN :p AND l.deletedAt IS NULL ORDER BY l.createdAt",
                    Lead.class).setParameter("p", keys.phones()).setMaxResults(MAX_CANDIDATES).getResultList());
            add(looked, em.createQuery("SELECT l FROM Lead l WHERE l.mobilePhoneKey IN :p AND l.deletedAt IS NULL ORDER BY l.createdAt",
                    Lead.class).setParameter("p", keys.phones()).setMaxResults(MAX_CANDIDATES).getResultList());
        }
        if (keys.hasNameAndCompany()) {
            add(looked, em.createQuery("SELECT l FROM Lead l WHERE l.lastNameKey = :n AND l.companyKey = :c"
                            + " AND l.deletedAt IS NULL ORDER BY l.createdAt", Lead.class)
                    .setParameter("n", keys.lastName()).setParameter("c", keys.company())
                    .setMaxResults(MAX_CANDIDATES * 5).getResultList());
        }
        List<Candidate> found = new ArrayList<>();
        for (Lead l : looked.values()) {
            if (l.id().equals(except)) {
                continue;
            }
            List<DuplicateReason> reasons = DuplicateRule.reasons(person, DuplicateRule.Person.of(l));
            if (!reasons.isEmpty() && found.size() < MAX_CANDIDATES) {
                found.add(new Candidate(l, reasons));
            }
        }
        return found;
    }

    private static void add(Map<String, Lead> looked, List<Lead> leads) {
        for (Lead l : leads) {
            looked.putIfAbsent(l.id(), l);
        }
    }
}
