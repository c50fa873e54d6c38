package org.leadline.server.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;
import org.leadline.server.lead.LeadValidation;

/**
 * Turns one CSV record into a lead: cells go to the fields of the mapping, values are read the
 * way spreadsheets and CRM exports write them (e.g. "This Quarter", "Germany", "1.234,50"), and the
 * resulting lead document passes the lead API's own validation. Errors name the CSV column.
 */
final class RowReader {

    /** The outcome for one row: the lead data, or the errors. */
    record Row(long number, LeadData data, List<FieldError> errors) {
        boolean ok() {
            return data != null;
        }
    }

    /** Looked up once: {@code Json.createValue} and friends look the provider up on every call. */
    private static final JsonProvider JSON = org.leadline.server.platform.json.Json.provider();

    private static final Map<String, Source> SOURCES = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();

    static {
        for (Source s : Source.values()) {
            SOURCES.put(HeaderNames.normalize(s.name()), s);
        }
        // Lead sources as CRM exports name them
        SOURCES.put("phoneinquiry", Source.PHONE);
        SOURCES.put("partnerreferral", Source.PARTNER);
        SOURCES.put("employeereferral", Source.REFERRAL);
        SOURCES.put("externalreferral", Source.REFERRAL);
        SOURCES.put("wordofmouth", Source.REFERRAL);
        SOURCES.put("tradeshow", Source.TRADE_FAIR);
        SOURCES.put("tradefair", Source.TRADE_FAIR);
        SOURCES.put("seminar", Source.TRADE_FAIR);
        SOURCES.put("website", Source.HOMEPAGE);
        SOURCES.put("webform", Source.WEB);
        SOURCES.put("advertisement", Source.CAMPAIGN);
        SOURCES.put("socialmedia", Source.SOCIAL);
        SOURCES.put("purchasedlist", Source.IMPORT);
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            COUNTRIES.put(HeaderNames.normalize(country.getDisplayCountry(Locale.ENGLISH)), code);
            COUNTRIES.put(HeaderNames.normalize(country.getDisplayCountry(Locale.GERMAN)), code);
            COUNTRIES.put(HeaderNames.normalize(new Locale("", code).getISO3Country()), code);
        }
        COUNTRIES.put("usa", "US");
        COUNTRIES.put("unitedstatesofamerica", "US");
        COUNTRIES.put("uk", "GB");
        COUNTRIES.put("greatbritain", "GB");
        COUNTRIES.put("england", "GB");
    }

    private final LeadColumn[] columns;
    private final String[] headers;
    private final Map<LeadColumn, String> headerOf = new LinkedHashMap<>();
    private final String currency;
    private final Validator validator;

    RowReader(String[] headers, LeadColumn[] columns, String currency, Validator validator) {
        this.headers = headers;
        this.columns = columns;
        this.currency = currency;
        this.validator = validator;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null) {
                headerOf.putIfAbsent(columns[i], headers[i]);
            }
        }
    }

    Row read(long number, List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.length && i < cells.size(); i++) {
            LeadColumn column = columns[i];
            if (column == null) {
                continue;
            }
            String text = clean(cells.get(i));
            if (text.isEmpty()) {
                continue;
            }
            JsonValue value = convert(column, text, headers[i], errors, values);
            if (value != null) {
                values.put(column.path(), value);
            }
        }
        if (cells.size() > columns.length) {
            boolean extra = cells.subList(columns.length, cells.size()).stream().anyMatch(c -> c != null && !c.isBlank());
            if (extra) {
                errors.add(new FieldError("(row)", "has " + cells.size() + " cells, the header has " + columns.length));
            }
        }
        values.putIfAbsent("origin.source", JSON.createValue(Source.IMPORT.name()));
        if (values.containsKey("company.annualRevenue.amount")) {
            values.putIfAbsent("company.annualRevenue.currency", JSON.createValue(currency));
        }
        if (values.containsKey("qualification.budget.amount")) {
            values.putIfAbsent("qualification.budget.currency", JSON.createValue(currency));
        }
        if (!values.containsKey("person.lastName")) {
            values.put("person.lastName", JsonValue.NULL);
        }
        if (!errors.isEmpty()) {
            return new Row(number, null, errors);
        }
        List<FieldError> invalid = new ArrayList<>();
        LeadData data = LeadValidation.validateNew(nest(values), validator, invalid);
        if (data == null) {
            invalid.forEach(e -> errors.add(new FieldError(columnName(e.field()), e.reason())));
            return new Row(number, null, errors);
        }
        return new Row(number, data, List.of());
    }

    /** The CSV column a lead document path came from, or our field name when no column is mapped to it. */
    private String columnName(String path) {
        for (LeadColumn c : LeadColumn.values()) {
            if (path.equals(c.path()) || (c.path().endsWith(".amount") && path.equals(c.path().substring(0, c.path().length() - 7)))) {
                String header = headerOf.get(c);
                return header != null ? header : c.header();
            }
        }
        return path;
    }

    /**
     * The cell without surrounding blanks, and without the quote our export puts before a value a
     * spreadsheet would run as a formula, so exported files import as they were.
     */
    static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.strip();
        if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.strip().charAt(1)) >= 0) {
            text = text.substring(1);
        }
        return text;
    }

    private JsonValue convert(LeadColumn column, String text, String header, List<FieldError> errors,
                              Map<String, JsonValue> values) {
        switch (column.kind()) {
            case ENUM:
                return JSON.createValue(text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
            case INTEGER: {
                String digits = text.replaceAll("[\\s,.'_]", "");
                if (!digits.matches("\\d{1,9}")) {
                    errors.add(new FieldError(header, "must be a whole number"));
                    return null;
                }
                return JSON.createValue(Integer.parseInt(digits));
            }
            case AMOUNT: {
                BigDecimal amount = amount(text);
                if (amount == null) {
                    errors.add(new FieldError(header, "must be an amount like 1234.50"));
                    return null;
                }
                return JSON.createValue(amount);
            }
            case BOOLEAN: {
                String t = text.toLowerCase(Locale.ROOT);
                if (List.of("true", "yes", "y", "1", "ja", "x").contains(t)) {
                    return JsonValue.TRUE;
                }
                if (List.of("false", "no", "n", "0", "nein").contains(t)) {
                    return JsonValue.FALSE;
                }
                errors.add(new FieldError(header, "must be yes or no"));
                return null;
            }
            case COUNTRY: {
                if (text.length() == 2) {
                    return JSON.createValue(text.toUpperCase(Locale.ROOT));
                }
                String code = COUNTRIES.get(HeaderNames.normalize(text));
                return JSON.createValue(code != null ? code : text);
            }
            case SOURCE: {
                Source source = SOURCES.get(HeaderNames.normalize(text));
                if (source == null) {
                    // A source of the other system we have no channel for: an import, and its name kept.
                    if (!values.containsKey("origin.detail")) {
                        values.put("origin.detail", JSON.createValue(text.length() > 200 ? text.substring(0, 200) : text));
                    }
                    return JSON.createValue(Source.IMPORT.name());
                }
                return JSON.createValue(source.name());
            }
            default:
                return JSON.createValue(text);
        }
    }

    /** Reads "1234.5", "1,234.50", "1.234,50" and "1234,50"; null when it is not an amount. */
    static BigDecimal amount(String text) {
        String t = text.replaceAll("[\\s'\u00a0]", "").replaceAll("^[€$£]|[€$£]$", "");
        if (t.endsWith("EUR") || t.endsWith("USD")) {
            t = t.substring(0, t.length() - 3);
        }
        int dot = t.lastIndexOf('.');
        int comma = t.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            t = dot > comma ? t.replace(",", "") : t.replace(".", "").replace(',', '.');
        } else if (comma >= 0) {
            boolean decimal = t.indexOf(',') == comma && t.length() - comma - 1 <= 2;
            t = decimal ? t.replace(',', '.') : t.replace(",", "");
        } else if (dot >= 0 && t.indexOf('.') != dot) {
            t = t.replace(".", "");
        }
        if (!t.matches("-?\\d{1,17}(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** Builds the nested lead document from dotted paths. */
    static JsonObject nest(Map<String, JsonValue> values) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : values.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                node = child;
            }
            node.put(parts[parts.length - 1], e.getValue());
        }
        return build(root);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject build(Map<String, Object> node) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        node.forEach((k, v) -> {
            if (v instanceof JsonValue jv) {
                b.add(k, jv);
            } else {
                b.add(k, build((Map<String, Object>) v));
            }
        });
        return b.build();
    }
}
