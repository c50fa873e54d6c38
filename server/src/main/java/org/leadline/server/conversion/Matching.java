package org.leadline.server.conversion;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys that decide whether a lead's person or company is already known: the same e-mail
 * address, the same company name once legal form and punctuation are ignored, or the same website.
 */
public final class Matching {

    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "ug", "se", "inc", "incorporated",
            "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "co", "company", "sa", "sas", "sarl", "srl",
            "spa", "bv", "nv", "ab", "oy", "as", "aps", "kgaa", "mbh", "gbr", "ev");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Matching() {
    }

    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** "ACME GmbH", "Acme, gmbh." and "acme" give the same key. */
    public static String companyKey(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (String word : NOT_WORD.split(name.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                key.append(key.length() == 0 ? "" : " ").append(word);
            }
        }
        return key.length() == 0 ? name.strip().toLowerCase(Locale.ROOT) : key.toString();
    }

    /** The host without "www.": "https://www.ACME.example/about" gives "acme.example". */
    public static String websiteKey(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String text = website.strip();
        try {
            String host = URI.create(text.contains("://") ? text : "http://" + text).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
