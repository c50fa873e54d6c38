package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.Source;

/**
 * The list's SQL names Derby indexes in optimizer overrides; a name Derby does not know fails
 * every list at run time, so each name the builder can produce must be one the changelog creates
 * on Derby, and the tenant must be a condition of every statement.
 */
class LeadListQueryTest {

    private static final String TENANT = "01a243c3-3aba-76af-85d1-eb2a26a7f49a";
    private static final Pattern OVERRIDE = Pattern.compile("(?:index|constraint)=(\\w+)");

    @Test
    void everyOverrideNamesAnIndexOrKeyDerbyHas() throws Exception {
        Set<String> derby = derbyIndexesAndKeys();
        List<String> statements = new ArrayList<>();
        List<LeadFilter> filters = List.of(
                filter(Set.of(), null, Set.of(), List.of()),
                filter(Set.of(LeadStatus.OPEN), null, Set.of(), List.of()),
                filter(Set.of(LeadStatus.OPEN, LeadStatus.QUALIFIED), "01a243c3-3abd-7d38-b556-0605a84ae149",
                        Set.of(Source.WEB), List.of("virt", "anna")),
                filter(Set.of(), null, Set.of(Source.WEB), List.of("lead1@")),
                filter(Set.of(), null, Set.of(), List.of("virt", "anna")),
                new LeadFilter(Set.of(), null, Set.of(), Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-02-01T00:00:00Z"), List.of("virt")));
        for (LeadSort sort : LeadSort.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                LeadSort.Order order = new LeadSort.Order(sort, descending);
                for (LeadFilter f : filters) {
                    for (int driver = -1; driver < f.terms().size(); driver++) {
                        statements.add(LeadListQuery.paging(TENANT, f, order, null, null, driver, 51).sql());
                        Object key = sort.isInstant() ? Instant.parse("2026-01-01T00:00:00Z") : "m";
                        statements.add(LeadListQuery.paging(TENANT, f, order, key,
                                "01a243d0-5d41-7ed6-b525-5cde08b9a53f", driver, 51).sql());
                    }
                }
            }
        }
        for (LeadSort sort : LeadSort.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                LeadSort.Order order = new LeadSort.Order(sort, descending);
                if (LeadListQuery.mergesWords(filters.get(5), order, false)) {
                    statements.add(LeadListQuery.merging(TENANT, filters.get(5), order, List.of("virtanen", "virtual"),
                            null, null, 51).sql());
                }
            }
        }
        for (String sql : statements) {
            // what entitySql replaces by the lead's columns in EclipseLink's order
            assertTrue(sql.startsWith("SELECT l.* FROM"), "a page of leads selects the lead's columns: " + sql);
        }
        statements.add(LeadListQuery.counting(TENANT, "virt", 4000).sql());
        statements.add(LeadListQuery.counting(TENANT, "lead1@", 4000).sql());
        for (String sql : statements) {
            Matcher m = OVERRIDE.matcher(sql);
            boolean any = false;
            while (m.find()) {
                any = true;
                assertTrue(derby.contains(m.group(1)), m.group(1) + " is not created on Derby: " + sql);
            }
            assertTrue(any, "every statement tells Derby where to start: " + sql);
            assertTrue(sql.contains("tenant_id = ?"), sql);
        }
    }

    @Test
    void everyOrderHasAnIndexInItsDirection() {
        Set<String> seen = new HashSet<>();
        for (LeadSort sort : LeadSort.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                String index = LeadListQuery.orderIndex(filter(Set.of(), null, Set.of(), List.of()),
                        new LeadSort.Order(sort, descending));
                assertTrue(seen.add(index), "one index per order: " + index);
            }
        }
        assertEquals("IX_LEADS_OWNER_CREATED_DESC", LeadListQuery.orderIndex(
                filter(Set.of(LeadStatus.OPEN), "01a243c3-3abd-7d38-b556-0605a84ae149", Set.of(), List.of()),
                new LeadSort.Order(LeadSort.CREATED_AT, true)));
    }

    @Test
    void theTenantAndEverySearchWordAreBoundAsParameters() {
        LeadListQuery q = LeadListQuery.paging(TENANT, filter(Set.of(), null, Set.of(), List.of("o'brien", "100%_")),
                new LeadSort.Order(LeadSort.CREATED_AT, true), null, null, 0, 21);
        assertFalse(q.sql().contains("brien"), q.sql());
        assertTrue(q.params().contains("o'brien%"), q.params()::toString);
        assertTrue(q.params().contains("100\\%\\_%"), "LIKE wildcards are escaped: " + q.params());
        assertEquals(2, q.params().stream().filter(TENANT::equals).count(), "the word's rows and the leads");
    }

    @Test
    void aDrivingWordsPageIsCutFromTheSearchIndexWhereTheIndexCarriesTheOrdersKey() {
        LeadFilter words = filter(Set.of(), null, Set.of(), List.of("virt", "anna"));
        for (LeadSort sort : List.of(LeadSort.CREATED_AT, LeadSort.LAST_NAME, LeadSort.COMPANY_NAME)) {
            for (boolean descending : new boolean[] {true, false}) {
                String sql = LeadListQuery.paging(TENANT, words, new LeadSort.Order(sort, descending), null, null, 0, 51)
                        .sql();
                assertTrue(sql.contains("ORDER BY t." + sort.column + (descending ? " DESC" : " ASC")
                        + ", t.lead_id" + (descending ? " DESC" : " ASC") + " FETCH FIRST 51 ROWS ONLY) m"), sql);
                assertTrue(sql.contains("t1.lead_id = t.lead_id"), "the other word is checked on the index rows: " + sql);
            }
        }
        String byUpdate = LeadListQuery.paging(TENANT, words, new LeadSort.Order(LeadSort.UPDATED_AT, true), null, null,
                0, 51).sql();
        assertFalse(byUpdate.contains("ROWS ONLY) m"),
                "the update time changes with every touch of a lead and is not on the index rows: " + byUpdate);
        assertTrue(LeadListQuery.pageFromIndex(new LeadFilter(Set.of(), null, Set.of(), Instant.EPOCH, Instant.now(),
                List.of("virt")), new LeadSort.Order(LeadSort.LAST_NAME, false)), "the creation range is on the rows");
        assertFalse(LeadListQuery.pageFromIndex(filter(Set.of(LeadStatus.OPEN), null, Set.of(), List.of("virt")),
                new LeadSort.Order(LeadSort.CREATED_AT, true)), "a lead's status is not on the rows");
        assertFalse(LeadListQuery.pageFromIndex(filter(Set.of(), null, Set.of(), List.of("virt", "lead1@")),
                new LeadSort.Order(LeadSort.CREATED_AT, true)), "nor its e-mail key");
    }

    @Test
    void oneWordNewestFirstOrByNameIsMergedFromTheRunsOfTheStoredWordsItStarts() {
        LeadFilter one = filter(Set.of(), null, Set.of(), List.of("virt"));
        // Derby reads an index one way: newest first and the ascending name and company orders have
        // their runs; PostgreSQL reads the same runs backwards for the other three.
        for (boolean postgresql : new boolean[] {false, true}) {
            assertTrue(LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.CREATED_AT, true), postgresql));
            assertTrue(LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.LAST_NAME, false), postgresql));
            assertEquals(postgresql, LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.LAST_NAME, true), postgresql));
            assertEquals(postgresql, LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.CREATED_AT, false), postgresql));
            assertTrue(LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.COMPANY_NAME, false), postgresql));
            assertEquals(postgresql, LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.COMPANY_NAME, true), postgresql));
            assertFalse(LeadListQuery.mergesWords(one, new LeadSort.Order(LeadSort.UPDATED_AT, true), postgresql));
            assertFalse(LeadListQuery.mergesWords(filter(Set.of(), null, Set.of(), List.of("virt", "anna")),
                    new LeadSort.Order(LeadSort.LAST_NAME, false), postgresql), "two words are counted");
            assertFalse(LeadListQuery.mergesWords(filter(Set.of(LeadStatus.OPEN), null, Set.of(), List.of("virt")),
                    new LeadSort.Order(LeadSort.LAST_NAME, false), postgresql), "a lead's status is not on the rows");
        }

        LeadListQuery q = LeadListQuery.merging(TENANT, one, new LeadSort.Order(LeadSort.LAST_NAME, false),
                List.of("virtanen", "virtual"), "muller", "01a243d0-5d41-7ed6-b525-5cde08b9a53f", 21);
        String sql = q.sql();
        assertEquals(2, sql.split("index=IX_LEAD_SEARCH_TERMS_WORD_NAME", -1).length - 1, "a run per word: " + sql);
        assertTrue(sql.contains("t.last_name_key >= ? AND (t.last_name_key > ? OR t.lead_id > ?)"
                + " ORDER BY t.last_name_key ASC, t.lead_id ASC FETCH FIRST 21 ROWS ONLY) w1"), sql);
        assertTrue(sql.endsWith("ORDER BY m.last_name_key ASC, m.lead_id ASC FETCH FIRST 21 ROWS ONLY"), sql);
        assertEquals(List.of(TENANT, "virtanen", "muller", "muller", "01a243d0-5d41-7ed6-b525-5cde08b9a53f",
                TENANT, "virtual", "muller", "muller", "01a243d0-5d41-7ed6-b525-5cde08b9a53f", TENANT), q.params());
        assertTrue(LeadListQuery.merging(TENANT, one, new LeadSort.Order(LeadSort.COMPANY_NAME, true), List.of("virtanen"),
                null, null, 21).sql().contains("index=IX_LEAD_SEARCH_TERMS_WORD_COMPANY"));
        assertThrows(IllegalArgumentException.class, () -> LeadListQuery.merging(TENANT, one,
                new LeadSort.Order(LeadSort.UPDATED_AT, true), List.of("virtanen"), null, null, 21));
    }

    @Test
    void aCursorContinuesTheIndexRowsAfterTheLastLeadOfThePage() {
        LeadListQuery q = LeadListQuery.paging(TENANT, filter(Set.of(), null, Set.of(), List.of("virt")),
                new LeadSort.Order(LeadSort.LAST_NAME, false), "muller", "01a243d0-5d41-7ed6-b525-5cde08b9a53f", 0, 21);
        assertTrue(q.sql().contains("t.last_name_key >= ? AND (t.last_name_key > ? OR t.lead_id > ?)"), q.sql());
        assertEquals(List.of(TENANT, "virt%", "muller", "muller", "01a243d0-5d41-7ed6-b525-5cde08b9a53f", TENANT),
                q.params());
    }

    private static LeadFilter filter(Set<LeadStatus> statuses, String owner, Set<Source> sources, List<String> terms) {
        return new LeadFilter(statuses, owner, sources, null, null, terms);
    }

    /** Index and key names of every changeset that runs on Derby, upper-cased as Derby keeps them. */
    private static Set<String> derbyIndexesAndKeys() throws IOException, URISyntaxException {
        Set<String> names = new HashSet<>();
        Path dir = Path.of(LeadListQueryTest.class.getResource("/db/changelog/leadline.xml").toURI()).getParent();
        Pattern changeSet = Pattern.compile("<changeSet[^>]*>(.*?)</changeSet>", Pattern.DOTALL);
        Pattern name = Pattern.compile("(?:indexName|primaryKeyName|constraintName)=\"(\\w+)\"");
        Pattern dropped = Pattern.compile("<dropIndex[^>]*indexName=\"(\\w+)\"");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String xml = Files.readString(file);
                Matcher cs = changeSet.matcher(xml);
                while (cs.find()) {
                    String open = cs.group(0).substring(0, cs.group(0).indexOf('>'));
                    if (open.contains("dbms=\"postgresql\"")) {
                        continue;
                    }
                    Matcher d = dropped.matcher(cs.group(1));
                    while (d.find()) {
                        names.remove(d.group(1).toUpperCase(Locale.ROOT));
                    }
                    Matcher n = name.matcher(cs.group(1).replaceAll("<dropIndex[^>]*/>", ""));
                    while (n.find()) {
                        names.add(n.group(1).toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
