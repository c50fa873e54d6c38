package org.leadline.server.imports;

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
import org.leadline.plugin.api.source.CsvDialects;
import org.leadline.server.lead.LeadValidation;

/**
 * Turns one CSV record into a lead: cells go to the fields of the mapping, values are read the
 * way spreadsheets and CRM exports write them (e.g. "This Quarter", option-set code "1", "Deutschland",
 * "UK", "2.500.000,00 €", "$15,000.00", "ja"; see {@link CsvDialects}), and the resulting lead document
 * passes the lead API's own validation. Errors name the CSV column; a row reports every error it has.
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

    static {
        for (Source s : Source.values()) {
            SOURCES.put(HeaderNames.normalize(s.name()), s);
        }
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
        Map<String, String> currencies = new LinkedHashMap<>();
        for (int i = 0; i < columns.length && i < cells.size(); i++) {
            LeadColumn column = columns[i];
            if (column == null) {
                continue;
            }
            String text = clean(cells.get(i));
            if (text.isEmpty()) {
                continue;
            }
            JsonValue value = convert(column, text, headers[i], errors, values, currencies);
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
        // An amount that names its currency keeps it; a currency column must agree with it.
        currencies.forEach((path, code) -> {
            JsonValue given = values.get(path);
            if (given == null) {
                values.put(path, JSON.createValue(code));
            } else if (given instanceof jakarta.json.JsonString g && !g.getString().strip().equalsIgnoreCase(code)) {
                errors.add(new FieldError(columnName(path.substring(0, path.length() - ".currency".length())),
                        "is an amount in " + code + ", but " + columnName(path) + " says " + g.getString()));
            }
        });
        if (values.containsKey("company.annualRevenue.amount")) {
            values.putIfAbsent("company.annualRevenue.currency", JSON.createValue(currency));
        }
        if (values.containsKey("qualification.budget.amount")) {
            values.putIfAbsent("qualification.budget.currency", JSON.createValue(currency));
        }
        if (!values.containsKey("person.lastName")) {
            values.put("person.lastName", JsonValue.NULL);
        }
        // Every error of the row: those of the cells above, and the lead API's validation of the
        // cells that could be read, each column once.
        List<FieldError> invalid = new ArrayList<>();
        LeadData data = LeadValidation.validateNew(nest(values), validator, invalid);
        if (data == null || !errors.isEmpty()) {
            java.util.Set<String> reported = new java.util.HashSet<>();
            errors.forEach(e -> reported.add(e.field()));
            for (FieldError e : invalid) {
                String column = columnName(e.field());
                if (reported.add(column)) {
                    errors.add(new FieldError(column, e.reason()));
                }
            }
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
                              Map<String, JsonValue> values, Map<String, String> currencies) {
        switch (column.kind()) {
            case ENUM: {
                // An option-set code or a translated label, else the value as our enum writes it ("This Quarter").
                String coded = CsvDialects.value(column.header(), text);
                return JSON.createValue(coded != null ? coded : text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
            }
            case INTEGER: {
                String digits = text.replaceAll("[\\s,.'_\u00a0\u202f\u2019]", "");
                if (!digits.matches("\\d{1,9}")) {
                    errors.add(new FieldError(header, "must be a whole number"));
                    return null;
                }
                return JSON.createValue(Integer.parseInt(digits));
            }
            case AMOUNT: {
                CsvDialects.Amount amount = CsvDialects.amount(text);
                if (amount == null) {
                    errors.add(new FieldError(header, "must be an amount like 1234.50, 1.234,50 or EUR 1,234.50"));
                    return null;
                }
                if (amount.currency() != null) {
                    String path = column.path();
                    currencies.put(path.substring(0, path.length() - ".amount".length()) + ".currency", amount.currency());
                }
                return JSON.createValue(amount.amount());
            }
            case BOOLEAN: {
                Boolean b = CsvDialects.bool(text);
                if (b == null) {
                    errors.add(new FieldError(header, "must be yes or no (also ja/nein, oui/non, sí/no, true/false, 1/0, x)"));
                    return null;
                }
                return b ? JsonValue.TRUE : JsonValue.FALSE;
            }
            case COUNTRY: {
                String code = CsvDialects.country(text);
                if (code == null) {
                    errors.add(new FieldError(header, "must be a country: an ISO 3166 code like DE or a name like Germany"));
                    return null;
                }
                return JSON.createValue(code);
            }
            case SOURCE: {
                String coded = CsvDialects.value(column.header(), text);
                String name = coded != null ? coded : text;
                Source source = SOURCES.get(HeaderNames.normalize(name));
                if (source == null) {
                    // A source of the other system we have no channel for: an import, and its name kept.
                    if (!values.containsKey("origin.detail")) {
                        values.put("origin.detail", JSON.createValue(name.length() > 200 ? name.substring(0, 200) : name));
                    }
                    return JSON.createValue(Source.IMPORT.name());
                }
                return JSON.createValue(source.name());
            }
            default: {
                // A text field a dialect writes as a code (Dynamics' industry and need option sets).
                String coded = CsvDialects.value(column.header(), text);
                return JSON.createValue(coded != null ? coded : text);
            }
        }
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
