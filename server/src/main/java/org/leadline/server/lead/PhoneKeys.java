package org.leadline.server.lead;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.leadline.server.platform.Settings;

/**
 * The duplicate-check key of a phone number: the number in E.164 ({@code +4930123456}), read with
 * the lead's country as the region a national number belongs to, else the configured default
 * region ({@value #DEFAULT_REGION}). Numbers that cannot be read as a possible number get no key,
 * so they never match anything.
 */
public final class PhoneKeys {

    /** Region for national numbers of leads without a country, e.g. {@code DE}. */
    public static final String DEFAULT_REGION = "leadline.capture.default-phone-region";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;
    private static final int MIN_DIGITS = 5;
    private static volatile String defaultRegion;
    /**
     * The last number this thread keyed, its region and its key: a create keys the same number for
     * its duplicate check and again for the lead's row, and a parse is the costly part.
     */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[3]);

    private PhoneKeys() {
    }

    /**
     * The configured default region, read once: MicroProfile Config's look-up is synchronised and
     * walks every configuration source, and a create asks for it once per phone number.
     */
    public static String defaultRegion() {
        String region = defaultRegion;
        if (region == null) {
            region = readDefaultRegion();
            defaultRegion = region;
        }
        return region;
    }

    private static String readDefaultRegion() {
        try {
            return Settings.get(DEFAULT_REGION).map(s -> s.strip().toUpperCase(Locale.ROOT)).orElse("DE");
        } catch (RuntimeException | LinkageError e) {
            // Outside the server (plain unit tests) there is no configuration.
            return "DE";
        }
    }

    /** The E.164 form of {@code raw}, or null when it is empty or not a possible phone number. */
    public static String key(String raw, String country) {
        return key(raw, country, defaultRegion());
    }

    static String key(String raw, String country, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return null;
        }
        String region = country != null && country.length() == 2 && letter(country.charAt(0)) && letter(country.charAt(1))
                ? country.toUpperCase(Locale.ROOT) : defaultRegion;
        String[] last = LAST.get();
        if (raw.equals(last[0]) && region.equals(last[1])) {
            return last[2];
        }
        String key = parse(raw, region);
        last[0] = raw;
        last[1] = region;
        last[2] = key;
        return key;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static String parse(String raw, String region) {
        try {
            PhoneNumber number = UTIL.parse(raw, region);
            // Short codes ("112", extensions alone) would match far too much.
            if (!UTIL.isPossibleNumber(number) || String.valueOf(number.getNationalNumber()).length() < MIN_DIGITS) {
                return null;
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
