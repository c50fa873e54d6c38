package org.leadline.it.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * The labelled e-mail corpus ({@code plugins/source-email/src/test/resources/corpus}) taken in by a
 * running server exactly as a seller's uploads are: a new tenant gets the leads of
 * {@code existing.tsv} through {@code POST /leads}, then every message of {@code expected.tsv} in
 * file order through {@code POST /intake} (the built-in e-mail source, the real duplicate and thread
 * rules). Each answer's outcome (new lead, attached, not a lead) and the fields the source read
 * ({@code extracted}) are compared with the labels.
 *
 * <p>Used by {@link MailCorpusIT} (which fails below the targets) and by the bench
 * {@code org.leadline.bench.MailAccuracy} (which prints the table).
 */
public final class MailCorpus {

    /** Outcome accuracy at least 98 %; precision and recall of every field at least 95 %. */
    public static final double OUTCOME_TARGET = 0.98;
    public static final double FIELD_TARGET = 0.95;

    static final String[] FIELDS = {"person", "email", "company", "title", "phones", "website", "address"};

    private MailCorpus() {
    }

    /** True positives, false positives and false negatives of one field over the corpus. */
    public record FieldScore(String field, int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    /**
     * @param confusion expected outcome → outcome the server answered → count
     * @param misses    one line per message whose outcome or a field differs from its label
     */
    public record Result(int messages, int outcomesRight, List<FieldScore> fields,
                         Map<String, Map<String, Integer>> confusion, List<String> misses) {

        public double outcomeAccuracy() {
            return messages == 0 ? 0 : (double) outcomesRight / messages;
        }

        public boolean meetsTargets() {
            return outcomeAccuracy() >= OUTCOME_TARGET
                    && fields.stream().allMatch(f -> f.precision() >= FIELD_TARGET && f.recall() >= FIELD_TARGET);
        }

        /** The table docs/email-intake.md shows. */
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append("| Field | Precision | Recall | Found right | Wrong | Missed |\n|---|---:|---:|---:|---:|---:|\n");
            for (FieldScore f : fields) {
                b.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %d | %d | %d |%n", f.field(),
                        100 * f.precision(), 100 * f.recall(), f.tp(), f.fp(), f.fn()));
            }
            b.append(String.format(Locale.ROOT, "%nOutcome accuracy: %.1f %% (%d of %d messages)%n%n", 100 * outcomeAccuracy(),
                    outcomesRight, messages));
            b.append("| Expected outcome | Answered |\n|---|---|\n");
            confusion.forEach((expected, answered) -> b.append("| ").append(expected).append(" | ").append(answered).append(" |\n"));
            return b.toString();
        }
    }

    /** The corpus folder, from the repository root or from a module folder. */
    public static Path corpus() {
        for (Path p : List.of(Path.of("plugins/source-email/src/test/resources/corpus"),
                Path.of("../plugins/source-email/src/test/resources/corpus"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the corpus folder plugins/source-email/src/test/resources/corpus is not here");
    }

    public static Result run(LeadlineServer server, Path corpus) {
        Api api = Fixtures.newTenant(server).api();
        for (String[] lead : rows(corpus.resolve("existing.tsv"))) {
            JsonObjectBuilder company = Json.createObjectBuilder();
            if (lead.length > 3 && !lead[3].isBlank()) {
                company.add("name", lead[3]);
            }
            JsonObject body = Json.createObjectBuilder()
                    .add("person", Json.createObjectBuilder().add("firstName", lead[0]).add("lastName", lead[1]).add("email", lead[2]))
                    .add("company", company)
                    .add("origin", Json.createObjectBuilder().add("source", "OTHER")).build();
            Api.Response r = api.post("/api/v1/leads", body);
            if (r.status() != 201) {
                throw new IllegalStateException("creating the existing lead " + lead[2] + " failed: " + r);
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String f : FIELDS) {
            counts.put(f, new int[3]);
        }
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int right = 0;
        List<String[]> rows = rows(corpus.resolve("expected.tsv"));
        for (String[] row : rows) {
            byte[] mail;
            try {
                mail = Files.readAllBytes(corpus.resolve(row[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Api.Response r = api.sendBytes("POST", "/api/v1/intake", mail, "message/rfc822", Map.of());
            String outcome;
            JsonObject extracted = null;
            if (r.status() == 200 || r.status() == 201) {
                var outcomes = r.json().getJsonArray("outcomes");
                if (outcomes.size() == 1) {
                    JsonObject o = outcomes.getJsonObject(0);
                    outcome = o.getString("outcome");
                    extracted = o.containsKey("extracted") && !o.isNull("extracted") ? o.getJsonObject("extracted") : null;
                } else {
                    outcome = outcomes.size() + " outcomes";
                }
            } else {
                outcome = "HTTP " + r.status();
            }
            confusion.computeIfAbsent(row[1], k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            if (outcome.equals(row[1])) {
                right++;
            } else {
                misses.add(row[0] + ": expected " + row[1] + ", answered " + outcome);
            }
            if (row[1].equals("IGNORED")) {
                continue;
            }
            Map<String, List<String>> expected = expected(row);
            Map<String, List<String>> actual = extracted == null ? Map.of() : actual(extracted);
            for (String f : FIELDS) {
                List<String> e = expected.getOrDefault(f, List.of());
                List<String> a = actual.getOrDefault(f, List.of());
                int[] c = counts.get(f);
                for (String v : a) {
                    c[e.contains(v) ? 0 : 1]++;
                }
                for (String v : e) {
                    if (!a.contains(v)) {
                        c[2]++;
                    }
                }
                if (!e.equals(a)) {
                    misses.add(row[0] + " " + f + ": expected " + e + ", read " + a);
                }
            }
        }
        List<FieldScore> fields = new ArrayList<>();
        counts.forEach((f, c) -> fields.add(new FieldScore(f, c[0], c[1], c[2])));
        return new Result(rows.size(), right, fields, confusion, misses);
    }

    private static List<String[]> rows(Path tsv) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> expected(String[] row) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("person", slots(row[2]));
        m.put("email", slots(row[3]));
        m.put("company", slots(row[4]));
        m.put("title", slots(row[5]));
        m.put("phones", slots(row[6], row[7]));
        m.put("website", slots(site(row[8])));
        m.put("address", slots(row[9], row[10], row[11]));
        return m;
    }

    private static Map<String, List<String>> actual(JsonObject x) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String first = value(x, "firstName");
        String last = value(x, "lastName");
        m.put("person", slots(((first == null ? "" : first) + " " + (last == null ? "" : last)).strip()));
        m.put("email", slots(value(x, "email")));
        m.put("company", slots(value(x, "companyName")));
        m.put("title", slots(value(x, "jobTitle")));
        m.put("phones", slots(value(x, "phone"), value(x, "mobilePhone")));
        m.put("website", slots(site(value(x, "website"))));
        m.put("address", slots(value(x, "street"), value(x, "postalCode"), value(x, "city")));
        return m;
    }

    private static String value(JsonObject x, String field) {
        return x.containsKey(field) && !x.isNull(field) ? x.getJsonObject(field).getString("value") : null;
    }

    /** A website without scheme, trailing slash and case, which do not change where it leads. */
    private static String site(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/$", "");
    }

    /** Values tagged with their slot, so a phone read as the mobile (or a city as the street) counts as wrong. */
    private static List<String> slots(String... values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                out.add(i + ":" + values[i].strip());
            }
        }
        return out;
    }
}
