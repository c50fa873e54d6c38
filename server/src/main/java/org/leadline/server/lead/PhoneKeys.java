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

    private PhoneKeys() {
    }

    public static String defaultRegion() {
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
        String region = country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase(Locale.ROOT) : defaultRegion;
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
