package org.leadline.server.conversion;

import java.net.URI;
import java.util.Locale;

import org.leadline.server.lead.CompanyNames;

/**
 * The keys that decide whether a lead's person or company is already known: the same e-mail
 * address, the same company name once legal form and punctuation are ignored, or the same website.
 */
public final class Matching {

    private Matching() {
    }

    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** "ACME GmbH", "Acme, gmbh." and "acme" give the same key: the one company key of leads ({@link CompanyNames}). */
    public static String companyKey(String name) {
        return name == null ? null : CompanyNames.key(name);
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
