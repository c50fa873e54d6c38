package org.leadline.server.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.leadline.api.capture.DuplicateReason;
import org.leadline.api.lead.LeadData;
import org.leadline.server.lead.CompanyNames;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.PhoneKeys;
import org.leadline.server.lead.SearchTerms;

/**
 * The one rule that decides whether two leads are likely the same person, for every way a lead
 * arrives: the lead API's duplicate check, the e-mail and web-form intake ({@link DuplicateFinder})
 * and the CSV import. Two leads are likely the same person when
 * <ul>
 *   <li>they have the same e-mail address (case does not count): {@link DuplicateReason#EMAIL};</li>
 *   <li>they share a phone number, business or mobile, compared in E.164: {@link DuplicateReason#PHONE};</li>
 *   <li>they have the same last name at the same company (company key without legal form, case,
 *       punctuation and spacing, {@link CompanyNames}) and first names that may be one person's
 *       ("J." and "Jan" may, "Anna" and "Bernd" may not; a missing first name contradicts nothing):
 *       {@link DuplicateReason#NAME_AND_COMPANY}.</li>
 * </ul>
 * An e-mail address names one person: when both leads have one and the addresses differ, a shared
 * phone number (a switchboard) or name at the company does not make them the same person.
 */
public final class DuplicateRule {

    /** What a lead is compared by, as stored in its key columns; parts may be null or empty. */
    public record Person(String emailKey, Set<String> phoneKeys, String lastNameKey, String companyKey, String firstName) {

        public Person {
            phoneKeys = phoneKeys == null ? Set.of() : phoneKeys;
            lastNameKey = lastNameKey == null ? "" : lastNameKey;
            companyKey = companyKey == null ? "" : companyKey;
        }

        /** Whether the name and company are both known, so that leads are compared by them. */
        public boolean hasNameAndCompany() {
            return !lastNameKey.isEmpty() && !companyKey.isEmpty();
        }

        public static Person of(Lead lead) {
            Set<String> phones = new LinkedHashSet<>();
            if (lead.businessPhoneKey() != null) {
                phones.add(lead.businessPhoneKey());
            }
            if (lead.mobilePhoneKey() != null) {
                phones.add(lead.mobilePhoneKey());
            }
            return new Person(lead.emailKey(), phones, lead.lastNameKey(), lead.companyKey(), lead.firstName());
        }

        public static Person of(LeadData data) {
            return of(DuplicateFinder.Probe.of(data));
        }

        /** A person from raw values, keyed as a lead stores them. */
        public static Person of(DuplicateFinder.Probe p) {
            Set<String> phones = new LinkedHashSet<>();
            for (String raw : new String[] {p.businessPhone(), p.mobilePhone()}) {
                String key = PhoneKeys.key(raw, p.country());
                if (key != null) {
                    phones.add(key);
                }
            }
            return new Person(DuplicateRule.emailKey(p.email()), Collections.unmodifiableSet(phones),
                    DuplicateRule.lastNameKey(p.lastName()),
                    CompanyNames.key(p.companyName()), p.firstName());
        }
    }

    private DuplicateRule() {
    }

    /** The reasons {@code b} is likely the same person as {@code a}, strongest first; empty when it is not. */
    public static List<DuplicateReason> reasons(Person a, Person b) {
        List<DuplicateReason> reasons = new ArrayList<>(3);
        if (a.emailKey() != null && a.emailKey().equals(b.emailKey())) {
            reasons.add(DuplicateReason.EMAIL);
        } else if (a.emailKey() != null && b.emailKey() != null) {
            return reasons;
        }
        if (!Collections.disjoint(a.phoneKeys(), b.phoneKeys())) {
            reasons.add(DuplicateReason.PHONE);
        }
        if (a.hasNameAndCompany() && a.lastNameKey().equals(b.lastNameKey()) && a.companyKey().equals(b.companyKey())
                && compatibleFirstNames(a.firstName(), b.firstName())) {
            reasons.add(DuplicateReason.NAME_AND_COMPANY);
        }
        return reasons;
    }

    /** The stored e-mail key: the address in lower case, or null. */
    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The stored key of a last name: folded like search words, as {@code Lead} computes it. */
    public static String lastNameKey(String lastName) {
        String key = lastName == null ? "" : SearchTerms.normalize(lastName.strip());
        return key.length() > 100 ? key.substring(0, 100) : key;
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
