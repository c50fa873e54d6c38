package org.leadline.server.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaEntityManager;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.persistence.Database;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * The SQL of one page of a lead list, and the choice of where the database starts reading.
 *
 * <p>A page is the first {@code limit} leads in the list's order, so the cheap plan walks the
 * index of that order and stops after one page; a plan that reads every matching lead and sorts
 * them costs as much as the tenant has leads. PostgreSQL's planner weighs the row limit and finds
 * the first plan by itself. Derby's does not (it costs the whole result, ignores the {@code FETCH
 * FIRST} clause and picks any index that starts with the tenant, then sorts every lead: 0.4 s a
 * page at 20,000 leads), so the SQL names the index in Derby's optimizer-override comments
 * ({@code --DERBY-PROPERTIES}), which are ordinary comments to every other database.
 *
 * <p>A search word is the exception to walking the order: a word that few leads have is found
 * faster through the search index. Before the page is read, each word's leads are counted up to
 * {@link #drivingLimit(LeadFilter, LeadSort.Order)} (higher where the page is cut from the index
 * rows alone, lower where each matching lead must be read); the rarest word under that count drives
 * the query, otherwise the order's index is walked and each lead is checked for the words.
 *
 * <p>One search word newest first (the list's default), by last name or by company needs no
 * count: its page is merged from the runs in that order of the few stored words it starts
 * ({@link #ofWords}), a page of index rows per word whatever the size of the tenant.
 *
 * <p>A driving word's rows in the search index carry the sort keys of their leads (creation time,
 * name and company keys; see {@link LeadSearchTerm}), so for those orders the page is sorted and
 * cut from the index rows and only the page's leads are read. Where the index cannot tell the
 * page (the update-time order, whose key changes on every touch of a lead, or a filter on a
 * column of the lead: status, owner, source, an e-mail prefix), every lead of the word is read,
 * filtered and sorted.
 */
final class LeadListQuery {

    /**
     * Up to how many matching leads a word drives the query. Where the page reads each of them
     * ({@code leadline.search.driving-limit}, 4,000), reading and sorting this many leads or walking
     * the order until a page has matched cost about the same at a million leads. Where the page is
     * cut from the search index's rows alone ({@link #pageFromIndex}) a match costs an index row, not
     * a lead read ({@code leadline.search.index-driving-limit}, 50,000).
     */
    static int drivingLimit(LeadFilter filter, LeadSort.Order order) {
        return pageFromIndex(filter, order) ? Limit.INDEX : Limit.VALUE;
    }

    private static final class Limit {
        static final int VALUE = Settings.searchDrivingLimit();
        static final int INDEX = Settings.searchIndexDrivingLimit();
    }

    private static final String ESCAPE = " ESCAPE '\\'";

    private final StringBuilder sql = new StringBuilder(512);
    private final List<Object> params = new ArrayList<>();

    private LeadListQuery() {
    }

    /** How many leads of the tenant a search word (or e-mail prefix) matches, counted up to {@code limit} + 1. */
    static int countMatches(EntityManager em, String tenantId, String term, int limit) {
        LeadListQuery q = counting(tenantId, term, limit);
        return ((Number) q.bind(em.createNativeQuery(q.sql())).getSingleResult()).intValue();
    }

    static LeadListQuery counting(String tenantId, String term, int limit) {
        LeadListQuery q = new LeadListQuery();
        if (SearchTerms.isEmailQuery(term)) {
            q.sql.append("SELECT COUNT(*) FROM (SELECT l.id FROM leads l --DERBY-PROPERTIES index=IX_LEADS_EMAIL\n")
                    .append(" WHERE l.tenant_id = ? AND l.email_key LIKE ?").append(ESCAPE);
        } else {
            q.sql.append("SELECT COUNT(*) FROM (SELECT t.lead_id FROM lead_search_terms t")
                    .append(" --DERBY-PROPERTIES index=IX_LEAD_SEARCH_TERMS_WORD_NAME\n")
                    .append(" WHERE t.tenant_id = ? AND t.term LIKE ?").append(ESCAPE);
        }
        q.sql.append(" FETCH FIRST ").append(limit + 1).append(" ROWS ONLY) x");
        q.params.add(tenantId);
        q.params.add(prefix(term));
        return q;
    }

    /**
     * The query of one page.
     *
     * @param driver the index of the search word that drives the query, or -1 to walk the order
     * @param cursorKey the sort key of the cursor (already parsed), or null for the first page
     */
    static Query page(EntityManager em, String tenantId, LeadFilter filter, LeadSort.Order order,
                      Object cursorKey, String cursorId, int driver, int fetch) {
        LeadListQuery q = paging(tenantId, filter, order, cursorKey, cursorId, driver, fetch);
        return q.bind(em.createNativeQuery(q.entitySql(em), Lead.class));
    }

    static LeadListQuery paging(String tenantId, LeadFilter filter, LeadSort.Order order,
                                Object cursorKey, String cursorId, int driver, int fetch) {
        LeadListQuery q = new LeadListQuery();
        List<String> terms = filter.terms();
        String driving = driver < 0 ? null : terms.get(driver);
        if (driving != null && !SearchTerms.isEmailQuery(driving) && pageFromIndex(filter, order)) {
            return q.fromIndex(tenantId, filter, order, cursorKey, cursorId, driver, fetch);
        }
        if (driving != null && !SearchTerms.isEmailQuery(driving)) {
            // Derby: the word's leads first (a derived table, read once), then each lead by its key.
            q.sql.append(SELECT_LEADS + " --DERBY-PROPERTIES joinOrder=FIXED\n")
                    .append(" (SELECT DISTINCT t.lead_id FROM lead_search_terms t")
                    .append(" --DERBY-PROPERTIES index=IX_LEAD_SEARCH_TERMS_WORD_NAME\n")
                    .append(" WHERE t.tenant_id = ? AND t.term LIKE ?").append(ESCAPE).append(") m,")
                    .append(" leads l --DERBY-PROPERTIES constraint=PK_LEADS, joinStrategy=NESTEDLOOP\n")
                    .append(" WHERE l.id = m.lead_id AND l.tenant_id = ?");
            q.params.add(tenantId);
            q.params.add(prefix(driving));
            q.params.add(tenantId);
        } else {
            String index = driving != null ? "IX_LEADS_EMAIL" : orderIndex(filter, order);
            q.sql.append(SELECT_LEADS + " leads l --DERBY-PROPERTIES index=").append(index).append('\n')
                    .append(" WHERE l.tenant_id = ?");
            q.params.add(tenantId);
        }
        q.sql.append(" AND l.deleted_at IS NULL");
        q.in("l.status", filter.statuses().stream().map(Enum::name).sorted().toList());
        if (filter.ownerId() != null) {
            q.sql.append(" AND l.owner_id = ?");
            q.params.add(filter.ownerId());
        }
        q.in("l.source", filter.sources().stream().map(Enum::name).sorted().toList());
        q.in("l.rating", filter.ratings().stream().map(Enum::name).sorted().toList());
        q.createdRange("l", filter);
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (SearchTerms.isEmailQuery(term)) {
                q.sql.append(" AND l.email_key LIKE ?").append(ESCAPE);
                q.params.add(prefix(term));
            } else if (i != driver && driving == null && order.sort() == LeadSort.LAST_NAME) {
                // Walking the name order: checked lead by lead through the words by (tenant, name key,
                // lead), which follow the walk, so each check reads the index where the one before
                // stopped; through the primary key, each check read a page of its own (changeset 027).
                String t = "t" + i;
                q.sql.append(" AND EXISTS (SELECT 1 FROM lead_search_terms ").append(t)
                        .append(" --DERBY-PROPERTIES index=IX_LEAD_SEARCH_TERMS_NAME, joinStrategy=NESTEDLOOP\n")
                        .append(" WHERE ").append(t).append(".tenant_id = l.tenant_id AND ").append(t)
                        .append(".last_name_key = l.last_name_key AND ").append(t).append(".lead_id = l.id AND ")
                        .append(t).append(".term LIKE ?").append(ESCAPE).append(')');
                q.params.add(prefix(term));
            } else if (i != driver) {
                // Checked lead by lead through the primary key (lead, word): never a scan of the word.
                q.sql.append(" AND EXISTS (SELECT 1 FROM lead_search_terms t").append(i)
                        .append(" --DERBY-PROPERTIES constraint=PK_LEAD_SEARCH_TERMS, joinStrategy=NESTEDLOOP\n")
                        .append(" WHERE t").append(i).append(".lead_id = l.id AND t").append(i)
                        .append(".term LIKE ?").append(ESCAPE).append(')');
                q.params.add(prefix(term));
            }
        }
        String column = "l." + order.sort().column;
        q.cursor(column, "l.id", order, cursorKey, cursorId);
        String dir = order.descending() ? " DESC" : " ASC";
        q.sql.append(" ORDER BY ").append(column).append(dir).append(", l.id").append(dir);
        q.fetchFirst(fetch);
        return q;
    }

    /**
     * Whether the search index alone tells a page of a word's leads in this order: the order's key
     * is on the index rows, and every filter is too (the creation range, the other words).
     */
    static boolean pageFromIndex(LeadFilter filter, LeadSort.Order order) {
        return order.sort() != LeadSort.UPDATED_AT && filter.statuses().isEmpty() && filter.ownerId() == null
                && filter.sources().isEmpty() && filter.ratings().isEmpty() && filter.terms().stream().noneMatch(SearchTerms::isEmailQuery);
    }

    /**
     * The page of a driving word sorted and cut from its rows in the search index (the index
     * carries the lead and its sort keys: Derby reads the word's range of the index and nothing
     * else, sorts those rows and keeps a page), then the page's leads by primary key. Only live
     * leads have search rows, so the page needs no lead read to be cut.
     */
    private LeadListQuery fromIndex(String tenantId, LeadFilter filter, LeadSort.Order order, Object cursorKey,
                                    String cursorId, int driver, int fetch) {
        List<String> terms = filter.terms();
        String key = "t." + order.sort().column;
        String dir = order.descending() ? " DESC" : " ASC";
        // The select list in the order of the ORDER BY: Derby 10.16 fails with a NullPointerException
        // compiling a DISTINCT derived table sorted ascending by columns listed in another order.
        sql.append(SELECT_LEADS + " --DERBY-PROPERTIES joinOrder=FIXED\n")
                .append(" (SELECT DISTINCT ").append(key).append(", t.lead_id FROM lead_search_terms t")
                .append(" --DERBY-PROPERTIES index=IX_LEAD_SEARCH_TERMS_WORD_NAME\n")
                .append(" WHERE t.tenant_id = ? AND t.term LIKE ?").append(ESCAPE);
        params.add(tenantId);
        params.add(prefix(terms.get(driver)));
        createdRange("t", filter);
        for (int i = 0; i < terms.size(); i++) {
            if (i != driver) {
                // Checked row by row through the primary key (lead, word): never a scan of the word.
                sql.append(" AND EXISTS (SELECT 1 FROM lead_search_terms t").append(i)
                        .append(" --DERBY-PROPERTIES constraint=PK_LEAD_SEARCH_TERMS, joinStrategy=NESTEDLOOP\n")
                        .append(" WHERE t").append(i).append(".lead_id = t.lead_id AND t").append(i)
                        .append(".term LIKE ?").append(ESCAPE).append(')');
                params.add(prefix(terms.get(i)));
            }
        }
        cursor(key, "t.lead_id", order, cursorKey, cursorId);
        sql.append(" ORDER BY ").append(key).append(dir).append(", t.lead_id").append(dir);
        fetchFirst(fetch);
        sql.append(") m,")
                .append(" leads l --DERBY-PROPERTIES constraint=PK_LEADS, joinStrategy=NESTEDLOOP\n")
                .append(" WHERE l.id = m.lead_id AND l.tenant_id = ? AND l.deleted_at IS NULL");
        params.add(tenantId);
        // In the page's order, not the lead's columns (see merging).
        String column = "m." + order.sort().column;
        sql.append(" ORDER BY ").append(column).append(dir).append(", m.lead_id").append(dir);
        fetchFirst(fetch);
        return this;
    }

    /** Most stored words a query word may start for its page to be merged from their runs. */
    static final int MAX_WORDS = 8;

    /**
     * Whether the page can be merged from the runs of the stored words a query word starts in
     * {@code order} ({@link #ofWords}): one search word (not an e-mail address), no filter but a
     * creation range, and an order the search index keeps each word's rows in, in a direction the
     * database reads that index in.
     */
    static boolean mergesWords(LeadFilter filter, LeadSort.Order order) {
        return mergesWords(filter, order, Database.postgresql());
    }

    /**
     * {@link #mergesWords(LeadFilter, LeadSort.Order)} on PostgreSQL or Derby. Derby reads an index
     * in one direction only: there the creation order's runs serve newest first and the name and
     * company orders' the ascending orders; PostgreSQL reads each either way. The update time
     * changes with every touch of a lead and is not on the search rows.
     */
    static boolean mergesWords(LeadFilter filter, LeadSort.Order order, boolean postgresql) {
        Runs runs = Runs.of(order.sort());
        return runs != null && (postgresql || runs.descendingOnDerby() == order.descending())
                && filter.terms().size() == 1 && pageFromIndex(filter, order);
    }

    /**
     * The index of the search rows holding each stored word's rows in a sort's order, one run per
     * word, and the direction Derby reads it in (PostgreSQL reads it either way): the creation order
     * ({@code ix_lead_search_terms_newest}: tenant, word, creation, lead, descending on Derby), the
     * name order ({@code ix_lead_search_terms_word_name}: tenant, word, name key, lead) and the
     * company order ({@code ix_lead_search_terms_word_company}: tenant, word, company key, lead).
     * The update time changes with every touch of a lead and is not on the search rows: no runs.
     */
    private record Runs(String index, boolean descendingOnDerby) {
        static Runs of(LeadSort sort) {
            return switch (sort) {
                case CREATED_AT -> new Runs("IX_LEAD_SEARCH_TERMS_NEWEST", true);
                case LAST_NAME -> new Runs("IX_LEAD_SEARCH_TERMS_WORD_NAME", false);
                case COMPANY_NAME -> new Runs("IX_LEAD_SEARCH_TERMS_WORD_COMPANY", false);
                case UPDATED_AT -> null;
            };
        }
    }

    private static String runIndex(LeadSort.Order order) {
        Runs runs = Runs.of(order.sort());
        if (runs == null) {
            throw new IllegalArgumentException("no run of the search index in the order " + order.param());
        }
        return runs.index();
    }

    /**
     * The tenant's distinct stored words that start with {@code term}, in the index's order, up to
     * {@link #MAX_WORDS} + 1: one seek in the search index each (a loose index scan), so the cost is
     * the number of words, never the number of their leads. PostgreSQL's index of words compares
     * bytes (the pattern operator class, see changeset 013), so its comparisons there are the
     * pattern operators.
     */
    static List<String> words(EntityManager em, String tenantId, String term) {
        boolean postgres = Database.postgresql();
        List<String> out = new ArrayList<>();
        String from = term;
        boolean first = true;
        while (out.size() <= MAX_WORDS) {
            String sql = postgres
                    ? "SELECT t.term FROM lead_search_terms t WHERE t.tenant_id = ? AND t.term " + (first ? "~>=~" : "~>~")
                            + " ? ORDER BY t.term USING ~<~ FETCH FIRST 1 ROWS ONLY"
                    : "SELECT t.term FROM lead_search_terms t --DERBY-PROPERTIES index=IX_LEAD_SEARCH_TERMS_WORD_NAME\n"
                            + " WHERE t.tenant_id = ? AND t.term " + (first ? ">=" : ">") + " ? ORDER BY t.term"
                            + " FETCH FIRST 1 ROWS ONLY";
            List<?> found = em.createNativeQuery(sql)
                    // the tenant is bound here: a native query bypasses the multitenant filter
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .setParameter(1, tenantId).setParameter(2, from).getResultList();
            if (found.isEmpty() || !((String) found.get(0)).startsWith(term)) {
                break;
            }
            from = (String) found.get(0);
            first = false;
            out.add(from);
        }
        return out;
    }

    /**
     * The page in {@code order} of the leads having any of {@code words}: each word's run of the
     * search index in that order ({@link Runs}), cut at a page, merged, the duplicates (a lead
     * with two of the words) removed and cut again, then the page's leads by primary key. Each run
     * stops after a page, so the page reads at most a page of index rows per word, whatever the
     * number of leads that have them.
     */
    static Query ofWords(EntityManager em, String tenantId, LeadFilter filter, LeadSort.Order order, List<String> words,
                         Object cursorKey, String cursorId, int fetch) {
        LeadListQuery q = merging(tenantId, filter, order, words, cursorKey, cursorId, fetch);
        return q.bind(em.createNativeQuery(q.entitySql(em), Lead.class));
    }

    static LeadListQuery merging(String tenantId, LeadFilter filter, LeadSort.Order order, List<String> words,
                                 Object cursorKey, String cursorId, int fetch) {
        String index = runIndex(order);
        String column = order.sort().column;
        String dir = order.descending() ? " DESC" : " ASC";
        LeadListQuery q = new LeadListQuery();
        q.sql.append(SELECT_LEADS + " --DERBY-PROPERTIES joinOrder=FIXED\n")
                .append(" (SELECT DISTINCT u.").append(column).append(", u.lead_id FROM (");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                q.sql.append(" UNION ALL");
            }
            q.sql.append(" SELECT * FROM (SELECT t.").append(column).append(", t.lead_id FROM lead_search_terms t")
                    .append(" --DERBY-PROPERTIES index=").append(index).append('\n')
                    .append(" WHERE t.tenant_id = ? AND t.term = ?");
            q.params.add(tenantId);
            q.params.add(words.get(i));
            q.createdRange("t", filter);
            q.cursor("t." + column, "t.lead_id", order, cursorKey, cursorId);
            q.sql.append(" ORDER BY t.").append(column).append(dir).append(", t.lead_id").append(dir);
            q.fetchFirst(fetch);
            q.sql.append(") w").append(i);
        }
        q.sql.append(") u ORDER BY u.").append(column).append(dir).append(", u.lead_id").append(dir);
        q.fetchFirst(fetch);
        q.sql.append(") m,")
                .append(" leads l --DERBY-PROPERTIES constraint=PK_LEADS, joinStrategy=NESTEDLOOP\n")
                .append(" WHERE l.id = m.lead_id AND l.tenant_id = ? AND l.deleted_at IS NULL")
                // In the page's order, not the lead's columns: a planner that sees a lead index in
                // that order would walk it looking for the page's leads.
                .append(" ORDER BY m.").append(column).append(dir).append(", m.lead_id").append(dir);
        q.fetchFirst(fetch);
        q.params.add(tenantId);
        return q;
    }

    /** The filter's creation range on the creation time of the rows of {@code alias} (a lead's or its search rows'). */
    private void createdRange(String alias, LeadFilter filter) {
        if (filter.createdFrom() != null) {
            sql.append(" AND ").append(alias).append(".created_at >= ?");
            params.add(timestamp(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            sql.append(" AND ").append(alias).append(".created_at < ?");
            params.add(timestamp(filter.createdTo()));
        }
    }

    /** Only rows after the cursor's: {@code key} past the cursor's key, or equal to it with a greater id. */
    private void cursor(String key, String id, LeadSort.Order order, Object cursorKey, String cursorId) {
        if (cursorKey == null) {
            return;
        }
        String cmp = order.descending() ? "<" : ">";
        // The first conjunct alone is a range an index scan can start from; the second settles
        // ties on the sort key by id.
        sql.append(" AND ").append(key).append(' ').append(cmp).append("= ? AND (")
                .append(key).append(' ').append(cmp).append(" ? OR ").append(id).append(' ').append(cmp).append(" ?)");
        Object value = cursorKey instanceof Instant instant ? timestamp(instant) : cursorKey;
        params.add(value);
        params.add(value);
        params.add(cursorId);
    }

    /** The row limit of a page; none ({@code fetch} 0) for an export, which reads every matching row once. */
    private void fetchFirst(int fetch) {
        if (fetch > 0) {
            sql.append(" FETCH FIRST ").append(fetch).append(" ROWS ONLY");
        }
    }

    String sql() {
        return sql.toString();
    }

    /** How every statement of this class starts: the leads' columns (a CSV export reads them by name). */
    private static final String SELECT_LEADS = "SELECT l.* FROM";

    /**
     * The statement with the lead's columns listed in the order EclipseLink indexes them
     * ({@link #leadColumns}): EclipseLink finds each column of a row of a native query by that
     * index, and only when the row's column at the index is not the one it looks for does it search
     * the row column by column. With {@code l.*}, in the table's order, that search took a fifth of
     * the CPU of a page of 50 leads (docs/performance.md, "A page of leads built by column index").
     */
    String entitySql(EntityManager em) {
        String text = sql();
        return text.startsWith(SELECT_LEADS)
                ? "SELECT " + leadColumns(em) + " FROM" + text.substring(SELECT_LEADS.length())
                : text;
    }

    private static volatile String leadColumns;

    /**
     * The lead's columns as {@code l.name} in the order of EclipseLink's descriptor of {@link Lead}
     * (each field's index is its place in that list); {@code l.*} should a field not be a column of
     * the lead table. Worked out once: the mapping does not change while the server runs.
     */
    static String leadColumns(EntityManager em) {
        String columns = leadColumns;
        if (columns == null) {
            ClassDescriptor descriptor = em.unwrap(JpaEntityManager.class).getServerSession().getDescriptor(Lead.class);
            List<String> names = new ArrayList<>();
            for (DatabaseField field : descriptor.getFields()) {
                if (field.getIndex() != names.size() || !"leads".equalsIgnoreCase(field.getTableName())) {
                    names = null;
                    break;
                }
                names.add("l." + field.getName());
            }
            columns = names == null ? "l.*" : String.join(", ", names);
            leadColumns = columns;
        }
        return columns;
    }

    List<Object> params() {
        return List.copyOf(params);
    }

    /**
     * The Derby index whose order is the list's order, led by an equality filter when one
     * matches: the page is then the first rows of one index range. Derby cannot read an index
     * backwards, so each direction has an index of its own there.
     */
    static String orderIndex(LeadFilter filter, LeadSort.Order order) {
        return switch (order.sort()) {
            case CREATED_AT -> {
                if (!order.descending()) {
                    yield "IX_LEADS_CREATED";
                }
                if (filter.ownerId() != null) {
                    yield "IX_LEADS_OWNER_CREATED_DESC";
                }
                if (filter.statuses().size() == 1) {
                    yield "IX_LEADS_STATUS_CREATED_DESC";
                }
                if (filter.sources().size() == 1) {
                    yield "IX_LEADS_SOURCE_CREATED_DESC";
                }
                yield "IX_LEADS_CREATED_DESC";
            }
            case UPDATED_AT -> order.descending() ? "IX_LEADS_UPDATED_DESC" : "IX_LEADS_UPDATED";
            case LAST_NAME -> order.descending() ? "IX_LEADS_LAST_NAME_DESC" : "IX_LEADS_LAST_NAME";
            case COMPANY_NAME -> order.descending() ? "IX_LEADS_COMPANY_DESC" : "IX_LEADS_COMPANY";
        };
    }

    private void in(String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() == 1) {
            sql.append(" AND ").append(column).append(" = ?");
        } else {
            sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
        }
        params.addAll(values);
    }

    private Query bind(Query query) {
        // The tenant is bound by this class itself: a native query bypasses the multitenant filter.
        query.setHint("eclipselink.jdbc.allow-native-sql-query", true);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    private static String prefix(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamps.sql(instant);
    }
}
