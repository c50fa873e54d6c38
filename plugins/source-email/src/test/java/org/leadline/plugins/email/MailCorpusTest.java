package org.leadline.plugins.email;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.ReadResult;

/**
 * The labelled corpus (src/test/resources/corpus, see its make-corpus.py and expected.tsv) read by
 * the e-mail source alone: every field a seller reads off a message is found with at least 95 %
 * precision and recall, and lead or not a lead is decided right for at least 98 % of the messages.
 * Whether a lead is new or attached is the server's decision; the black-box MailCorpusIT and the
 * bench {@code org.leadline.bench.MailAccuracy} measure that through the real intake.
 */
class MailCorpusTest {

    static final String[] FIELDS = {"person", "email", "company", "title", "phones", "website", "address"};

    /** True and false positives and false negatives of one field. */
    static final class Count {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    @Test
    void theCorpusIsReadWithinTheAccuracyTargets() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/corpus/expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        assertTrue(rows.size() >= 80, "the corpus has " + rows.size() + " messages");
        Map<String, Count> counts = new LinkedHashMap<>();
        for (String f : FIELDS) {
            counts.put(f, new Count());
        }
        int rightKind = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            byte[] mail;
            try (InputStream in = getClass().getResourceAsStream("/corpus/" + row[0])) {
                mail = in.readAllBytes();
            }
            ReadResult r = new EmailSource().read(mail, ExtensionConfig.empty());
            boolean expectLead = !row[1].equals("IGNORED");
            boolean isLead = r.drafts().size() == 1;
            if (expectLead == isLead) {
                rightKind++;
            } else {
                misses.add(row[0] + ": expected " + row[1] + ", read " + r.notLeads() + r.problems());
            }
            if (!expectLead) {
                continue;
            }
            LeadDraft d = isLead ? r.drafts().get(0) : null;
            Map<String, List<String>> expected = expected(row);
            Map<String, List<String>> actual = d == null ? Map.of() : actual(d);
            for (String f : FIELDS) {
                score(counts.get(f), expected.getOrDefault(f, List.of()), actual.getOrDefault(f, List.of()), row[0], f, misses);
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-8s %9s %7s%n", "field", "precision", "recall"));
        boolean met = (double) rightKind / rows.size() >= 0.98;
        for (var e : counts.entrySet()) {
            table.append(String.format(Locale.ROOT, "%-8s %8.1f%% %6.1f%%%n", e.getKey(), 100 * e.getValue().precision(),
                    100 * e.getValue().recall()));
            met &= e.getValue().precision() >= 0.95 && e.getValue().recall() >= 0.95;
        }
        table.append(String.format(Locale.ROOT, "lead or not a lead: %d of %d right%n", rightKind, rows.size()));
        String report = table + String.join("\n", misses);
        System.out.println(report);
        assertTrue(met, report);
    }

    static Map<String, List<String>> expected(String[] row) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("person", values(row[2]));
        m.put("email", values(row[3]));
        m.put("company", values(row[4]));
        m.put("title", values(row[5]));
        m.put("phones", values(row[6], row[7]));
        m.put("website", values(site(row[8])));
        m.put("address", values(row[9], row[10], row[11]));
        return m;
    }

    static Map<String, List<String>> actual(LeadDraft d) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String person = ((d.firstName() == null ? "" : d.firstName()) + " " + d.lastName()).strip();
        m.put("person", values(person));
        m.put("email", values(d.email()));
        m.put("company", values(d.companyName()));
        m.put("title", values(d.jobTitle()));
        m.put("phones", values(d.phone(), d.mobilePhone()));
        m.put("website", values(site(d.website())));
        m.put("address", values(d.street(), d.postalCode(), d.city()));
        return m;
    }

    /** A website without scheme, trailing slash and case, which do not change where it leads. */
    static String site(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/$", "");
    }

    private static List<String> values(String... vs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vs.length; i++) {
            // The slot keeps street, postal code and city (and phone, mobile) apart.
            if (vs[i] != null && !vs[i].isBlank()) {
                out.add(i + ":" + vs[i].strip());
            }
        }
        return out;
    }

    private static void score(Count c, List<String> expected, List<String> actual, String file, String field, List<String> misses) {
        for (String a : actual) {
            if (expected.contains(a)) {
                c.tp++;
            } else {
                c.fp++;
            }
        }
        for (String e : expected) {
            if (!actual.contains(e)) {
                c.fn++;
            }
        }
        if (!expected.equals(actual)) {
            misses.add(file + " " + field + ": expected " + expected + ", read " + actual);
        }
    }
}
