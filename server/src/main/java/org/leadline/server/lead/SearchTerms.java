package org.leadline.server.lead;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits names, companies and e-mail addresses into the words free-text search matches on.
 *
 * <p>Every word is a row in the search index, so words that tell leads apart are kept and words
 * that do not are left out: the legal form of a company ("GmbH", "Inc.") and the top-level domain
 * of an e-mail address ("com", "de") match a large part of any lead base. A whole e-mail address
 * is not a word either: a query that contains "@" is matched against the lead's e-mail key, which
 * has an index of its own (see {@link #isEmailQuery(String)}).
 */
public final class SearchTerms {

    /** Legal forms of companies, normalised ({@link CompanyNames}); they never become search words. */
    static final Set<String> LEGAL_FORMS = CompanyNames.LEGAL_FORM_WORDS;

    private SearchTerms() {
    }

    /** The distinct search words of a lead. */
    public static Set<String> of(Lead lead) {
        Set<String> terms = new LinkedHashSet<>();
        words(lead.firstName(), terms);
        words(lead.lastName(), terms);
        if (lead.companyName() != null) {
            Set<String> company = new LinkedHashSet<>();
            words(lead.companyName(), company);
            company.removeAll(LEGAL_FORMS);
            terms.addAll(company);
        }
        if (lead.email() != null) {
            String email = normalize(lead.email());
            int at = email.lastIndexOf('@');
            words(at < 0 ? email : email.substring(0, at), terms);
            String domain = at < 0 ? "" : email.substring(at + 1);
            int tld = domain.lastIndexOf('.');
            Set<String> labels = new LinkedHashSet<>();
            words(tld < 0 ? domain : domain.substring(0, tld), labels);
            labels.removeAll(LEGAL_FORMS); // "co" of "co.uk"
            terms.addAll(labels);
        }
        return terms;
    }

    /**
     * The words of a search query, normalised like the stored terms. An e-mail address stays
     * whole; legal forms are left out unless the query has nothing else.
     */
    public static List<String> query(String q) {
        Set<String> terms = new LinkedHashSet<>();
        String normalized = normalize(q);
        if (normalized.contains("@")) {
            add(normalized.replaceAll("[\\p{Cntrl}\\s]+", ""), terms);
        } else {
            words(normalized, terms);
            if (!LEGAL_FORMS.containsAll(terms)) {
                terms.removeAll(LEGAL_FORMS);
            }
        }
        return List.copyOf(terms);
    }

    /** Whether a query word is an e-mail address (or its beginning), matched against the e-mail key. */
    public static boolean isEmailQuery(String term) {
        return term.indexOf('@') >= 0;
    }

    private static void words(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        for (String word : NON_WORD.split(normalize(text))) {
            add(word, into);
        }
    }

    private static void add(String word, Set<String> into) {
        if (!word.isBlank()) {
            into.add(word.length() > LeadSearchTerm.MAX_TERM_LENGTH ? word.substring(0, LeadSearchTerm.MAX_TERM_LENGTH) : word);
        }
    }

    /** Lower case without diacritics, so "Müller" is found by "muller" and by "Mül". */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            // Nothing to decompose or strip (and no "ß"): the common case, without the normaliser's cost.
            return lower;
        }
        lower = lower.replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** What separates words: anything but letters and digits. */
    static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
