package org.leadline.server.imports;

import java.util.ArrayList;
import java.util.List;

import org.leadline.server.lead.Lead;

/**
 * Our own CSV format of leads, as the export writes it and the import reads it back: one column per
 * client-writable field, named like the lead API's field, then the server-owned columns, which an
 * import recognises and leaves alone.
 */
public final class LeadCsv {

    private static final List<String> SERVER_OWNED = List.of("id", "status", "rating", "score", "stage", "ownerId",
            "createdAt", "createdBy", "updatedAt", "updatedBy");

    private LeadCsv() {
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("id");
        for (LeadColumn c : LeadColumn.values()) {
            header.add(c.header());
        }
        SERVER_OWNED.stream().filter(h -> !h.equals("id")).forEach(header::add);
        return header;
    }

    public static List<String> row(Lead lead) {
        List<String> row = new ArrayList<>();
        row.add(lead.id());
        Object[] values = LeadRows.values(lead.data());
        for (Object v : values) {
            row.add(cell(v));
        }
        row.add(lead.status().name());
        row.add(lead.rating() == null ? "" : lead.rating().name());
        row.add(lead.score() == null ? "" : lead.score().toString());
        row.add(cell(lead.stage()));
        row.add(cell(lead.ownerId()));
        row.add(lead.createdAt().toString());
        row.add(cell(lead.createdBy()));
        row.add(lead.updatedAt().toString());
        row.add(cell(lead.updatedBy()));
        return row;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        return neutralise(text);
    }

    /**
     * A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
     * return) gets a leading single quote; the import removes that quote again.
     */
    public static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
