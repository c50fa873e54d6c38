package org.leadline.server.lead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one normaliser of company names: the key that duplicate checks, account matching and the
 * company sort order compare, and the legal forms that search leaves out.
 *
 * <p>"ACME GmbH", "Acme", "ACME Inc.", "ACME  GmbH." and "Acme GmbH &amp; Co. KG" all give the key
 * {@code acme}: case, accents, punctuation and spacing do not count, and neither do the legal forms
 * at the end of the name, in every language the product ships (German, English, French, Spanish,
 * Italian, Dutch) and a few more that are common in lead lists. A legal form written with dots or
 * spaces ("S.p.A.", "e. K.", "B.V.") is the same as written without ("SpA", "eK", "BV"). Only trailing
 * forms are dropped ("GmbH &amp; Co. KG" is dropped step by step), never the first word, so "AG Bank"
 * and a company called just "GmbH" keep their names.
 */
public final class CompanyNames {

    /** Legal forms as the words of a normalised name, longest first so "s a s" goes before "s a". */
    private static final List<List<String>> LEGAL_FORMS;

    /**
     * {@link #LEGAL_FORMS} by their last word, in the same order: only those can end a name whose last
     * word that is, so a name is compared with a few forms instead of all of them.
     */
    private static final Map<String, List<List<String>>> LEGAL_FORMS_BY_LAST_WORD;

    /** Single-word legal forms, which never become search words (two-letter ones only where search always left them out). */
    static final Set<String> LEGAL_FORM_WORDS;

    static {
        String[] forms = {
            // German
            "gmbh", "ggmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ug haftungsbeschrankt", "haftungsbeschrankt", "gbr",
            "e k", "ek", "e kfm", "e kfr", "e v", "ev", "e g", "eg", "se", "partg", "partg mbb", "mbb", "vvag", "co",
            "co kg", "gmbh co kg", "ag co kg", "ug co kg", "gesmbh",
            // English
            "inc", "incorporated", "ltd", "limited", "llc", "l l c", "llp", "l l p", "lp", "l p", "plc", "corp",
            "corporation", "company", "pty", "pty ltd", "pte", "pte ltd", "lllp",
            // French
            "sa", "s a", "sas", "s a s", "sasu", "sarl", "s a r l", "s a r l", "eurl", "snc", "s n c", "scs", "sca", "sci",
            "scop", "selarl",
            // Spanish
            "sl", "s l", "slu", "s l u", "sll", "s l l", "sau", "s a u", "scoop", "s coop", "sc", "s c", "s en c",
            "s de rl", "s de r l", "sa de cv", "s a de c v",
            // Italian
            "spa", "s p a", "srl", "s r l", "srls", "s r l s", "sapa", "s a p a", "snc", "sas", "s s", "scarl", "s c a r l",
            // Dutch and Belgian
            "bv", "b v", "nv", "n v", "vof", "v o f", "cv", "c v", "bvba", "cvba", "ua", "u a", "bv ua",
            // Nordic, Austrian, Swiss and others often seen in lead lists
            "ab", "oy", "oyj", "as", "a s", "asa", "aps", "kk", "gk", "sp z o o", "sro", "s r o", "as", "ltda", "sro",
        };
        List<List<String>> list = new ArrayList<>();
        for (String f : forms) {
            List<String> words = List.of(f.split(" "));
            if (!list.contains(words)) {
                list.add(words);
            }
        }
        list.sort(Comparator.comparingInt((List<String> w) -> w.size()).reversed());
        LEGAL_FORMS = List.copyOf(list);
        Map<String, List<List<String>>> byLast = new HashMap<>();
        for (List<String> form : LEGAL_FORMS) {
            byLast.computeIfAbsent(form.get(form.size() - 1), w -> new ArrayList<>()).add(form);
        }
        byLast.replaceAll((w, same) -> List.copyOf(same));
        LEGAL_FORMS_BY_LAST_WORD = Map.copyOf(byLast);
        // A search word matches the beginning of names, so a short query word must stay a prefix ("sc"
        // finds "Schmidt"): of the two-letter forms only those search has always left out are left out.
        Set<String> shortForms = Set.of("ag", "kg", "ug", "ev", "se", "co", "lp", "sa", "bv", "nv", "ab", "oy", "kk");
        LEGAL_FORM_WORDS = list.stream().filter(w -> w.size() == 1).map(w -> w.get(0))
                .filter(w -> w.length() > 2 || shortForms.contains(w)).collect(Collectors.toUnmodifiableSet());
    }

    /** The length of the company key column. */
    public static final int KEY_LENGTH = 200;

    private CompanyNames() {
    }

    /**
     * The key of a company name: its words folded like search words (lower case, no accents, "ß" as
     * "ss"), without punctuation and trailing legal forms, separated by one space, cut to
     * {@value #KEY_LENGTH} characters; "" for no name. A name of punctuation only keeps its folded text.
     */
    public static String key(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String folded = SearchTerms.normalize(name.strip());
        List<String> words = new ArrayList<>(Arrays.asList(SearchTerms.NON_WORD.split(folded)));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return cut(folded);
        }
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (List<String> form : LEGAL_FORMS_BY_LAST_WORD.getOrDefault(words.get(words.size() - 1), List.of())) {
                int from = words.size() - form.size();
                if (from >= 1 && words.subList(from, words.size()).equals(form)) {
                    words.subList(from, words.size()).clear();
                    dropped = true;
                    break;
                }
            }
        }
        return cut(String.join(" ", words));
    }

    /** Whether a search word is a legal form ("gmbh", "inc"), which tells no companies apart. */
    public static boolean isLegalForm(String word) {
        return LEGAL_FORM_WORDS.contains(word);
    }

    private static String cut(String key) {
        return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
    }
}
