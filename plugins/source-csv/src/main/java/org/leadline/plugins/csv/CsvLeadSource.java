package org.leadline.plugins.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadline.plugin.api.Money;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.source.CsvDialects;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.LeadSource;
import org.leadline.plugin.api.source.ReadResult;
import org.pf4j.Extension;

/**
 * Reads lead drafts from a small CSV file that arrives through the intake pipeline (an e-mail
 * attachment, a pasted list): UTF-8 with or without byte order mark or Windows-1252, comma or
 * semicolon, in any dialect of the table the server's import reads too ({@link CsvDialects}: our own
 * export, Salesforce, Dynamics 365, HubSpot, Pipedrive, Zoho, German, French and Spanish headers).
 * Columns without a draft field are kept in the draft's {@code extra}.
 *
 * <p>Big files are not this source's work: the server's CSV import streams them in a background
 * job. This source refuses material over {@link #MAX_ROWS} rows or {@link #MAX_BYTES} bytes.
 */
@Extension
public class CsvLeadSource implements LeadSource {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 1000;

    /** The lead fields of the dialect table a draft has a place for; every other column goes to {@code extra}. */
    private static final Set<String> DRAFT_FIELDS = Set.of("salutation", "firstName", "lastName", "jobTitle", "email",
            "businessPhone", "mobilePhone", "companyName", "website", "street", "postalCode", "city", "country", "budget",
            "budgetCurrency", "need", "topic", "source", "sourceDetail");

    /** The draft field a header fills, from the dialect table the server's import reads too; null for extra columns. */
    static String field(String header) {
        String field = CsvDialects.field(header);
        return field != null && DRAFT_FIELDS.contains(field) ? field : null;
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "Leads from small CSV files (our export, Salesforce, Dynamics 365, HubSpot, Pipedrive, Zoho; German, French and Spanish headers); large files use the import";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/csv");
    }

    @Override
    public ReadResult read(InboundMaterial material, PluginContext context) {
        byte[] bytes = material.content();
        if (bytes.length > MAX_BYTES) {
            return new ReadResult(List.of(), List.of("The file has " + bytes.length + " bytes, more than the "
                    + MAX_BYTES + " this source reads; upload it through the CSV import instead"));
        }
        String text = decode(bytes, material.attributes().get("charset"));
        char delimiter = delimiter(text);
        List<LeadDraft> drafts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get())) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList().stream().map(String::strip).toList();
                    if (!header.stream().map(CsvLeadSource::field).toList().contains("lastName")) {
                        return new ReadResult(List.of(), List.of("No column holds the last name; the columns are "
                                + String.join(", ", header)));
                    }
                    continue;
                }
                if (drafts.size() + problems.size() >= MAX_ROWS) {
                    problems.add("More than " + MAX_ROWS + " rows; the rest was not read: use the CSV import");
                    break;
                }
                LeadDraft draft = draft(header, record, problems);
                if (draft != null) {
                    drafts.add(draft);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add("The file is not valid CSV: " + e.getMessage());
        }
        return new ReadResult(drafts, problems);
    }

    private static LeadDraft draft(List<String> header, CSVRecord record, List<String> problems) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            String cell = unquote(record.get(i).strip());
            if (cell.isEmpty()) {
                continue;
            }
            String f = field(header.get(i));
            if (f == null || values.containsKey(f)) {
                extra.put(header.get(i), cell);
            } else {
                values.put(f, cell);
            }
        }
        // Every problem of the row, not just the first.
        List<String> rowProblems = new ArrayList<>();
        String lastName = values.get("lastName");
        if (lastName == null) {
            rowProblems.add("no last name");
        }
        Money budget = null;
        if (values.containsKey("budget")) {
            CsvDialects.Amount amount = CsvDialects.amount(values.get("budget"));
            String column = CsvDialects.currency(values.get("budgetCurrency"));
            if (amount == null) {
                rowProblems.add("the budget " + values.get("budget") + " is not an amount");
            } else if (amount.currency() != null && column != null && !column.equals(amount.currency())) {
                rowProblems.add("the budget " + values.get("budget") + " is in " + amount.currency() + ", the currency column says "
                        + values.get("budgetCurrency"));
            } else {
                // The currency the amount names, else the currency column's, else euros.
                budget = new Money(amount.amount(), amount.currency() != null ? amount.currency() : column != null ? column : "EUR");
            }
        }
        String country = values.get("country");
        if (country != null) {
            String code = CsvDialects.country(country);
            if (code == null) {
                rowProblems.add("the country " + country + " is not a country");
            }
            country = code;
        }
        if (!rowProblems.isEmpty()) {
            problems.add("Row " + record.getRecordNumber() + ": " + String.join("; ", rowProblems));
            return null;
        }
        String source = values.get("source");
        String sourceDetail = values.get("sourceDetail") != null ? values.get("sourceDetail") : source;
        return new LeadDraft(values.get("salutation"), values.get("firstName"), lastName, values.get("jobTitle"),
                values.get("email"), values.get("businessPhone"), values.get("mobilePhone"), values.get("companyName"),
                values.get("website"), values.get("street"), values.get("postalCode"), values.get("city"), country, budget,
                values.get("need"), values.get("topic"), sourceDetail, extra, null, null);
    }

    /** Our export puts a quote before cells a spreadsheet would run as a formula; drop it again. */
    private static String unquote(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** UTF-8 (without its byte order mark) when the bytes are valid UTF-8, else Windows-1252, unless the sender named one. */
    static String decode(byte[] bytes, String charset) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        if (charset != null && !charset.isBlank()) {
            try {
                return Charset.forName(charset.strip()).decode(buffer).toString();
            } catch (IllegalArgumentException e) {
                // an unknown name: detect instead
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer.duplicate()).toString();
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252").decode(buffer).toString();
        }
    }

    /** Whichever of ; and , occurs more often outside quotes in the header line. */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
