package org.leadline.server.lead;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits names, companies and e-mail addresses into the words free-text search matches on. */
public final class SearchTerms {

    private SearchTerms() {
    }

    /** The distinct search words of a lead. */
    public static Set<String> of(Lead lead) {
        Set<String> terms = new LinkedHashSet<>();
        words(lead.firstName(), terms);
        words(lead.lastName(), terms);
        words(lead.companyName(), terms);
        if (lead.email() != null) {
            String email = normalize(lead.email());
            add(email, terms);
            words(email.replace('@', ' '), terms);
        }
        return terms;
    }

    /** The words of a search query, normalised like the stored terms. */
    public static List<String> query(String q) {
        Set<String> terms = new LinkedHashSet<>();
        String normalized = normalize(q);
        if (normalized.contains("@")) {
            add(normalized.replaceAll("[\\p{Cntrl}\\s]+", ""), terms);
        } else {
            words(normalized, terms);
        }
        return List.copyOf(terms);
    }

    private static void words(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        for (String word : normalize(text).split("[^\\p{L}\\p{N}]+")) {
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
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
