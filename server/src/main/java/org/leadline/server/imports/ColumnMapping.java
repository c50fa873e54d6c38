package org.leadline.server.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;

/**
 * Which CSV column fills which lead field: recognised automatically from the header (our export,
 * Salesforce, Dynamics 365), with an explicit mapping from the request taking precedence.
 *
 * @param columns per CSV column, the field it fills or null
 * @param ignored columns recognised and deliberately not imported
 * @param unmapped columns nobody knows
 */
record ColumnMapping(String[] headers, LeadColumn[] columns, List<String> ignored, List<String> unmapped) {

    /**
     * @param explicit header → field name (our export's header, e.g. {@code lastName}); an empty
     *                 field name leaves the column out
     */
    static ColumnMapping resolve(String[] headers, JsonObject explicit) {
        List<FieldError> errors = new ArrayList<>();
        LeadColumn[] columns = new LeadColumn[headers.length];
        boolean[] decided = new boolean[headers.length];
        Map<LeadColumn, String> taken = new HashMap<>();
        if (explicit != null) {
            for (Map.Entry<String, JsonValue> e : explicit.entrySet()) {
                int index = indexOf(headers, e.getKey());
                if (index < 0) {
                    errors.add(new FieldError("mapping." + e.getKey(), "is not a column of the file"));
                    continue;
                }
                decided[index] = true;
                if (e.getValue() == JsonValue.NULL
                        || (e.getValue() instanceof JsonString s && s.getString().isBlank())) {
                    continue;
                }
                LeadColumn column = e.getValue() instanceof JsonString s ? LeadColumn.byHeader(s.getString()) : null;
                if (column == null) {
                    errors.add(new FieldError("mapping." + e.getKey(), "must name a lead field: " + fieldNames()));
                    continue;
                }
                if (taken.containsKey(column)) {
                    errors.add(new FieldError("mapping." + e.getKey(), "maps to " + column.header()
                            + ", which column " + taken.get(column) + " already fills"));
                    continue;
                }
                taken.put(column, headers[index]);
                columns[index] = column;
            }
        }
        List<String> ignored = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            if (decided[i]) {
                if (columns[i] == null) {
                    ignored.add(headers[i]);
                }
                continue;
            }
            LeadColumn column = HeaderNames.column(headers[i]);
            if (column != null && !taken.containsKey(column)) {
                taken.put(column, headers[i]);
                columns[i] = column;
            } else if (HeaderNames.ignored(headers[i])) {
                ignored.add(headers[i]);
            } else {
                unmapped.add(headers[i]);
            }
        }
        if (errors.isEmpty() && !taken.containsKey(LeadColumn.LAST_NAME)) {
            errors.add(new FieldError("mapping", "no column maps to lastName, which every lead needs; the columns are "
                    + String.join(", ", headers)));
        }
        ColumnMapping mapping = new ColumnMapping(headers, columns, ignored, unmapped);
        if (!errors.isEmpty()) {
            // The mapping as far as it was found (the same member a dry run answers with, every lead
            // field in fields), so that a client can let its user map the columns by hand.
            ProblemException refused = ProblemException.validation(errors);
            throw new ProblemException(refused.type(), refused.getMessage(), errors,
                    Map.of("mapping", mapping.write()), Map.of());
        }
        return mapping;
    }

    private static int indexOf(String[] headers, String name) {
        for (int i = 0; i < headers.length; i++) {
            if (headers[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < headers.length; i++) {
            if (headers[i].strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static String fieldNames() {
        StringBuilder b = new StringBuilder();
        for (LeadColumn c : LeadColumn.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.header());
        }
        return b.toString();
    }

    boolean maps(LeadColumn column) {
        for (LeadColumn c : columns) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    /** The stored form: per column the field name or null. */
    String store() {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (LeadColumn c : columns) {
            if (c == null) {
                b.addNull();
            } else {
                b.add(c.header());
            }
        }
        return b.build().toString();
    }

    static LeadColumn[] restore(String stored) {
        JsonArray array = Json.createReader(new java.io.StringReader(stored)).readArray();
        LeadColumn[] columns = new LeadColumn[array.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = array.isNull(i) ? null : LeadColumn.byHeader(array.getString(i));
        }
        return columns;
    }

    /** Every lead field a column can fill, by the names a mapping uses. */
    private static JsonArrayBuilder fields() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (LeadColumn c : LeadColumn.values()) {
            all.add(c.header());
        }
        return all;
    }

    JsonObject write() {
        JsonArrayBuilder mapped = Json.createArrayBuilder();
        for (int i = 0; i < headers.length; i++) {
            if (columns[i] != null) {
                mapped.add(Json.createObjectBuilder().add("column", headers[i]).add("field", columns[i].header()));
            }
        }
        return Json.createObjectBuilder().add("columns", mapped)
                .add("ignored", Json.createArrayBuilder(ignored))
                .add("unmapped", Json.createArrayBuilder(unmapped))
                .add("fields", fields()).build();
    }
}
