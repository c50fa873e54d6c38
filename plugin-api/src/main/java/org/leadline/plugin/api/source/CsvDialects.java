package org.leadline.plugin.api.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV dialects of the lead exports people bring along (Salesforce API names and report labels,
 * Dynamics 365 display and logical names with their option-set codes, HubSpot, Pipedrive, Zoho,
 * German, French and Spanish headers, Leadline's own export), read from one table,
 * {@code csv-dialects.tsv} beside this class. The server's CSV import and CSV lead sources read
 * the same table through this class, so a file maps the same way whichever way it arrives.
 *
 * <p>Fields are named like the columns of Leadline's own export ({@code firstName},
 * {@code companyName}, {@code businessPhone}, {@code budget}, ... see docs/import-export.md).
 * Headers and values are compared without case, accents, spaces and punctuation.
 */
public final class CsvDialects {

    /** One line of the table, for listings: kind, field (or "-"), dialect, text as written, our value (or null). */
    public record Entry(String kind, String field, String dialect, String text, String value) {
    }

    /** An amount as written, with the currency it named ({@code null} when it named none). */
    public record Amount(BigDecimal amount, String currency) {
    }

    private static final List<Entry> ENTRIES;
    private static final Map<String, String> FIELDS = new HashMap<>();
    private static final Set<String> IGNORED = new HashSet<>();
    private static final Map<String, Map<String, String>> VALUES = new HashMap<>();
    private static final Map<String, Boolean> BOOLEANS = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();
    private static final Map<String, String> CURRENCIES = new HashMap<>();
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    static {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = CsvDialects.class.getResourceAsStream("csv-dialects.tsv")) {
            if (in == null) {
                throw new IllegalStateException("csv-dialects.tsv is missing beside " + CsvDialects.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length < 4 || parts.length > 5) {
                    throw new IllegalStateException("csv-dialects.tsv line " + number + " has " + parts.length + " columns");
                }
                Entry e = new Entry(parts[0], parts[1], parts[2], parts[3], parts.length == 5 ? parts[4] : null);
                entries.add(e);
                add(e, number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ENTRIES = Collections.unmodifiableList(entries);
        Locale[] languages = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, new Locale("es"), Locale.ITALIAN, new Locale("nl")};
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            COUNTRIES.putIfAbsent(normalize(code), code);
            COUNTRIES.putIfAbsent(normalize(country.getISO3Country()), code);
            for (Locale language : languages) {
                COUNTRIES.putIfAbsent(normalize(country.getDisplayCountry(language)), code);
            }
        }
    }

    private static void add(Entry e, int line) {
        String key = normalize(e.text());
        switch (e.kind()) {
            case "header" -> {
                String before = FIELDS.putIfAbsent(key, e.field());
                if (before != null && !before.equals(e.field())) {
                    throw new IllegalStateException("csv-dialects.tsv line " + line + ": \"" + e.text() + "\" names "
                            + before + " elsewhere, here " + e.field());
                }
            }
            case "ignore" -> IGNORED.add(key);
            case "value" -> {
                String before = VALUES.computeIfAbsent(e.field(), f -> new HashMap<>()).putIfAbsent(key, e.value());
                if (before != null && !before.equals(e.value())) {
                    throw new IllegalStateException("csv-dialects.tsv line " + line + ": " + e.field() + " \""
                            + e.text() + "\" is " + before + " elsewhere, here " + e.value());
                }
            }
            case "boolean" -> BOOLEANS.put(key, Boolean.valueOf(e.value()));
            case "country" -> COUNTRIES.put(key, e.value());
            case "currency" -> CURRENCIES.put(e.text().toLowerCase(Locale.ROOT), e.value());
            default -> throw new IllegalStateException("csv-dialects.tsv line " + line + ": unknown kind " + e.kind());
        }
        if (e.kind().equals("header") && IGNORED.contains(key) || e.kind().equals("ignore") && FIELDS.containsKey(key)) {
            throw new IllegalStateException("csv-dialects.tsv line " + line + ": \"" + e.text() + "\" is both read and ignored");
        }
    }

    private CsvDialects() {
    }

    /** Every line of the table, in its order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The field a column header names ({@code "Company / Account"} gives {@code companyName}), or null. */
    public static String field(String header) {
        return FIELDS.get(normalize(header));
    }

    /** Whether a header is known and deliberately not imported (another system's status, owner, ids). */
    public static boolean ignored(String header) {
        return IGNORED.contains(normalize(header));
    }

    /**
     * The value a dialect's coded or translated {@code text} stands for in {@code field}: an
     * option-set code ({@code purchaseTimeframe} "1" gives {@code THIS_QUARTER}) or a label
     * ({@code source} "Trade Show" gives {@code TRADE_FAIR}); null when the table has none.
     */
    public static String value(String field, String text) {
        Map<String, String> values = VALUES.get(field);
        return values == null ? null : values.get(normalize(text));
    }

    /** "ja", "oui", "sí", "yes", "true", "1", "x" and their opposites; null for anything else. */
    public static Boolean bool(String text) {
        return text == null ? null : BOOLEANS.get(normalize(text));
    }

    /**
     * The ISO 3166 alpha-2 code of a country written as a code (alpha-2 or alpha-3), as its name
     * in English, German, French, Spanish, Italian or Dutch, or as a common alias ("UK", "USA",
     * "Deutschland"); null when it is none of these.
     */
    public static String country(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() == 2 && ISO_COUNTRIES.contains(t.toUpperCase(Locale.ROOT))) {
            return t.toUpperCase(Locale.ROOT);
        }
        return COUNTRIES.get(normalize(t));
    }

    /** The ISO 4217 code of a currency symbol or code ("€", "US$", "eur"), or null. */
    public static String currency(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        String symbol = CURRENCIES.get(t.toLowerCase(Locale.ROOT));
        if (symbol != null) {
            return symbol;
        }
        if (t.length() == 3 && t.chars().allMatch(Character::isLetter)) {
            try {
                return Currency.getInstance(t.toUpperCase(Locale.ROOT)).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static final Pattern AMOUNT = Pattern.compile("^([^\\d\\-+.,]*?)\\s*([-+]?)\\s*([^\\d\\-+.,]*?)\\s*"
            + "(\\d[\\d\\s.,'\u00a0\u202f\u2009\u2019]*)\\s*([^\\d]*?)\\s*$");

    /**
     * An amount as spreadsheets and CRM exports write it, with its currency when it names one:
     * "1234.5", "1,234.50", "2.500.000,00 €", "1 234,50 EUR", "$15,000.00", "EUR 2,500,000.00",
     * "CHF 1'234.50", "-€ 12". A single separator followed by exactly three digits groups
     * thousands ("1.234" and "1,234" are 1234); otherwise the last separator is the decimal one.
     * Null when the text is not an amount or names no currency known by ISO 4217.
     */
    public static Amount amount(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String before = (m.group(1) + m.group(3)).strip();
        String after = m.group(5).strip();
        if (!before.isEmpty() && !after.isEmpty()) {
            return null;
        }
        String marker = before.isEmpty() ? after : before;
        String currency = null;
        if (!marker.isEmpty()) {
            currency = currency(marker);
            if (currency == null) {
                return null;
            }
        }
        String number = number(m.group(4).replaceAll("[\\s'\u00a0\u202f\u2009\u2019]", ""));
        if (number == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(number);
        return new Amount(m.group(2).equals("-") ? amount.negate() : amount, currency);
    }

    /** Digits with dots and commas as one of them groups thousands, as a plain decimal; null if ambiguous or broken. */
    private static String number(String t) {
        int dot = t.lastIndexOf('.');
        int comma = t.lastIndexOf(',');
        String plain;
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            if (t.indexOf(decimal) != t.lastIndexOf(decimal)) {
                return null;
            }
            plain = t.replace(String.valueOf(group), "").replace(decimal, '.');
        } else if (dot >= 0 || comma >= 0) {
            char sep = dot >= 0 ? '.' : ',';
            int first = t.indexOf(sep);
            int last = t.lastIndexOf(sep);
            boolean thousands = first != last
                    || (t.length() - last - 1 == 3 && last <= 3 && !t.startsWith("0"));
            plain = thousands ? t.replace(String.valueOf(sep), "") : t.replace(sep, '.');
        } else {
            plain = t;
        }
        return plain.matches("\\d{1,17}(\\.\\d+)?") ? plain : null;
    }

    /** A header or value as the table compares it: lower case, without accents, spaces and punctuation. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.strip().toLowerCase(Locale.ROOT).replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
    }
}
