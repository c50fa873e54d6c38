package org.leadline.server.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;

import org.leadline.api.capture.DuplicateReason;
import org.leadline.api.lead.LeadData;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.PhoneKeys;
import org.leadline.server.lead.SearchTerms;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Finds leads of the caller's tenant that are likely the same person as a new one: the same
 * e-mail address, the same phone number (business or mobile, compared in E.164), or the same last
 * name at the same company with a compatible first name ("J." and "Jan" and "Jan" match, "Jan" and
 * "Jens" do not; accents and case are ignored). Soft-deleted leads are never candidates. Each query
 * runs on an index that starts with the tenant.
 */
@RequestScoped
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
     * keys (compared only together). Empty parts are null or empty.
     */
    public record Keys(String email, Set<String> phones, String lastName, String company) {

        public static Keys of(Probe probe) {
            String email = probe.email() != null && !probe.email().isBlank()
                    ? probe.email().strip().toLowerCase(Locale.ROOT) : null;
            Set<String> phones = new java.util.LinkedHashSet<>();
            for (String raw : new String[] {probe.businessPhone(), probe.mobilePhone()}) {
                String key = PhoneKeys.key(raw, probe.country());
                if (key != null) {
                    phones.add(key);
                }
            }
            return new Keys(email, Set.copyOf(phones), nameKey(probe.lastName(), 100), nameKey(probe.companyName(), 200));
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

    static List<Candidate> find(EntityManager em, Probe probe) {
        Keys keys = Keys.of(probe);
        Map<String, Candidate> found = new LinkedHashMap<>();
        if (keys.email() != null) {
            add(found, em.createQuery("SELECT l FROM Lead l WHERE l.emailKey = :e AND l.deletedAt IS NULL ORDER BY l.createdAt",
                            Lead.class).setParameter("e", keys.email())
                    .setMaxResults(MAX_CANDIDATES).getResultList(), DuplicateReason.EMAIL);
        }
        if (!keys.phones().isEmpty()) {
            // Two queries rather than one OR, so each uses its own index.
            add(found, em.createQuery("SELECT l FROM Lead l WHERE l.businessPhoneKey IN :p AND l.deletedAt IS NULL ORDER BY l.createdAt",
                    Lead.class).setParameter("p", keys.phones()).setMaxResults(MAX_CANDIDATES).getResultList(), DuplicateReason.PHONE);
            add(found, em.createQuery("SELECT l FROM Lead l WHERE l.mobilePhoneKey IN :p AND l.deletedAt IS NULL ORDER BY l.createdAt",
                    Lead.class).setParameter("p", keys.phones()).setMaxResults(MAX_CANDIDATES).getResultList(), DuplicateReason.PHONE);
        }
        if (keys.hasNameAndCompany()) {
            List<Lead> sameName = em.createQuery("SELECT l FROM Lead l WHERE l.lastNameKey = :n AND l.companyKey = :c"
                            + " AND l.deletedAt IS NULL ORDER BY l.createdAt", Lead.class)
                    .setParameter("n", keys.lastName()).setParameter("c", keys.company())
                    .setMaxResults(MAX_CANDIDATES * 5).getResultList();
            add(found, sameName.stream().filter(l -> compatibleFirstNames(probe.firstName(), l.firstName())).toList(),
                    DuplicateReason.NAME_AND_COMPANY);
        }
        return found.values().stream().limit(MAX_CANDIDATES).toList();
    }

    private static void add(Map<String, Candidate> found, List<Lead> leads, DuplicateReason reason) {
        for (Lead l : leads) {
            Candidate c = found.computeIfAbsent(l.id(), id -> new Candidate(l, new ArrayList<>()));
            if (!c.reasons().contains(reason)) {
                c.reasons().add(reason);
            }
        }
    }

    /** The stored key of a name: as {@code Lead} computes its {@code *_key} columns. */
    static String nameKey(String value, int maxLength) {
        String key = value == null ? "" : SearchTerms.normalize(value.strip());
        return key.length() > maxLength ? key.substring(0, maxLength) : key;
    }

    /**
     * Whether two first names may belong to one person: equal, or one is an initial or a prefix of
     * the other, ignoring case, accents, dots and hyphens. A missing first name contradicts nothing.
     */
    public static boolean compatibleFirstNames(String a, String b) {
        String x = firstNameKey(a);
        String y = firstNameKey(b);
        if (x.isEmpty() || y.isEmpty()) {
            return true;
        }
        return x.startsWith(y) || y.startsWith(x);
    }

    private static String firstNameKey(String name) {
        if (name == null) {
            return "";
        }
        return SearchTerms.normalize(name).replaceAll("[.\\-\\s]+", " ").strip();
    }
}
