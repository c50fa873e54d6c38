package org.leadline.server.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.leadline.api.lead.LeadData;
import org.leadline.server.capture.DuplicateRule;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadValidation;
import org.leadline.server.lead.PhoneKeys;
import org.leadline.server.lead.SearchTerms;
import org.leadline.server.platform.persistence.Database;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.timeline.AuditSubject;
import org.leadline.server.timeline.ChangeKind;
import org.leadline.server.timeline.ImportedEntry;
import org.leadline.server.timeline.TimelineKind;

/**
 * Writes imported leads in JDBC batches on the import's own connection: the lead rows with the
 * import's id, and their search terms. That is everything the lead API writes for a new lead but
 * the rating (the import starts a re-rating of the tenant when it ends) and the audit entry of its
 * creation, which the timeline derives from the import job ({@link ImportedEntry}). Leads an import
 * updates get an audit entry each. Every statement names the tenant explicitly.
 */
final class LeadRows {

    /** An existing lead an imported row may match, with the keys the duplicate rule compares. */
    record Existing(String id, String status, String firstName, String lastName, String companyName, String email,
                    Timestamp createdAt, DuplicateRule.Person person) {
    }

    /** Candidates kept per looked-up key: enough to find the one person among a switchboard's leads. */
    private static final int MAX_PER_KEY = 20;

    /** The columns of a looked-up lead, in the order {@link #existing} reads them. */
    private static final String EXISTING_COLUMNS = "id, status, first_name, last_name, company_name, email, created_at, "
            + "email_key, business_phone_key, mobile_phone_key, last_name_key, company_key";

    /** A lead's search words with the sort keys their rows carry ({@code LeadSearchTerm}). */
    private record Words(java.util.Set<String> terms, Timestamp createdAt, String lastNameKey, String companyKey) {
    }


    private record Col(String name, Function<LeadData, Object> value, int sqlType) {
        Col(String name, Function<LeadData, Object> value) {
            this(name, value, Types.VARCHAR);
        }
    }

    /** The client-writable columns, in the lead API's field order. */
    private static final List<Col> DATA_COLUMNS = List.of(
            new Col("salutation", d -> d.person().salutation()),
            new Col("first_name", d -> d.person().firstName()),
            new Col("last_name", d -> d.person().lastName()),
            new Col("job_title", d -> d.person().jobTitle()),
            new Col("email", d -> d.person().email()),
            new Col("business_phone", d -> d.person().businessPhone()),
            new Col("mobile_phone", d -> d.person().mobilePhone()),
            new Col("preferred_contact", d -> name(d.person().preferredContactMethod())),
            new Col("language", d -> d.person().language()),
            new Col("company_name", d -> d.company() == null ? null : d.company().name()),
            new Col("website", d -> d.company() == null ? null : d.company().website()),
            new Col("industry", d -> d.company() == null ? null : d.company().industry()),
            new Col("employees", d -> d.company() == null ? null : d.company().employees(), Types.INTEGER),
            new Col("revenue_amount", d -> d.company() == null || d.company().annualRevenue() == null ? null
                    : d.company().annualRevenue().amount().setScale(2, java.math.RoundingMode.HALF_EVEN), Types.DECIMAL),
            new Col("revenue_currency", d -> d.company() == null || d.company().annualRevenue() == null ? null
                    : d.company().annualRevenue().currency()),
            new Col("street", d -> address(d) == null ? null : address(d).street()),
            new Col("postal_code", d -> address(d) == null ? null : address(d).postalCode()),
            new Col("city", d -> address(d) == null ? null : address(d).city()),
            new Col("region", d -> address(d) == null ? null : address(d).region()),
            new Col("country", d -> address(d) == null ? null : address(d).country()),
            new Col("source", d -> d.origin().source().name()),
            new Col("source_detail", d -> d.origin().detail()),
            new Col("budget_amount", d -> d.qualification() == null || d.qualification().budget() == null ? null
                    : d.qualification().budget().amount().setScale(2, java.math.RoundingMode.HALF_EVEN), Types.DECIMAL),
            new Col("budget_currency", d -> d.qualification() == null || d.qualification().budget() == null ? null
                    : d.qualification().budget().currency()),
            new Col("need", d -> d.qualification() == null ? null : d.qualification().need()),
            new Col("purchase_timeframe", d -> d.qualification() == null ? null : name(d.qualification().purchaseTimeframe())),
            new Col("decision_maker", d -> d.qualification() == null ? null : d.qualification().decisionMaker(), Types.BOOLEAN),
            new Col("decision_maker_name", d -> d.qualification() == null ? null : d.qualification().decisionMakerName()),
            new Col("purchase_process", d -> d.qualification() == null ? null : name(d.qualification().purchaseProcess())),
            new Col("purchase_process_notes", d -> d.qualification() == null ? null : d.qualification().purchaseProcessNotes()),
            new Col("topic", LeadData::topic),
            new Col("description", LeadData::description));

    /** Every column an imported lead is written with, in the order of {@link #leadRow}. */
    private static final String TERM_COLUMNS = "lead_id, term, tenant_id, created_at, last_name_key, company_key";
    private static final String LEAD_COLUMNS;
    private static final int[] LEAD_TYPES;
    private static final String INSERT_LEAD;
    private static final String UPDATE_LEAD;

    static {
        StringBuilder cols = new StringBuilder("id, tenant_id");
        List<Integer> types = new ArrayList<>(List.of(Types.VARCHAR, Types.VARCHAR));
        StringBuilder sets = new StringBuilder();
        for (Col c : DATA_COLUMNS) {
            cols.append(", ").append(c.name);
            types.add(c.sqlType);
            if (!c.name.equals("source")) {
                sets.append(c.name).append(" = COALESCE(?, ").append(c.name).append("), ");
            }
        }
        cols.append(", owner_id, status, created_at, created_by, updated_at, updated_by, version, last_name_key, company_key,"
                + " email_key, business_phone_key, mobile_phone_key, import_id");
        types.addAll(List.of(Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR,
                Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR));
        LEAD_COLUMNS = cols.toString();
        LEAD_TYPES = types.stream().mapToInt(Integer::intValue).toArray();
        INSERT_LEAD = "INSERT INTO leads (" + LEAD_COLUMNS + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(LEAD_TYPES.length, "?")) + ")";
        UPDATE_LEAD = "UPDATE leads SET " + sets + "source = COALESCE(?, source), updated_at = ?, updated_by = ?, "
                + "version = version + 1, last_name_key = ?, company_key = ?, email_key = ?, "
                + "business_phone_key = COALESCE(?, business_phone_key), mobile_phone_key = COALESCE(?, mobile_phone_key) "
                + "WHERE id = ? AND tenant_id = ?";
    }

    /** The values of a new lead's row, in the order of {@link #LEAD_COLUMNS}. */
    private Object[] leadRow(Lead lead, Timestamp at) {
        LeadData d = lead.data();
        Object[] row = new Object[LEAD_TYPES.length];
        int p = 0;
        row[p++] = lead.id();
        row[p++] = tenantId;
        for (Col c : DATA_COLUMNS) {
            row[p++] = c.value.apply(d);
        }
        row[p++] = userId;
        row[p++] = lead.status().name();
        row[p++] = at;
        row[p++] = userId;
        row[p++] = at;
        row[p++] = userId;
        row[p++] = 0L;
        row[p++] = lead.lastNameKey();
        row[p++] = lead.companyKey();
        row[p++] = LeadValidation.emailKey(d.person().email());
        row[p++] = lead.businessPhoneKey();
        row[p++] = lead.mobilePhoneKey();
        row[p] = importId;
        return row;
    }

    /** The client-writable values of a lead in the order of {@link LeadColumn}. */
    static Object[] values(LeadData d) {
        Object[] values = new Object[DATA_COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DATA_COLUMNS.get(i).value.apply(d);
        }
        return values;
    }

    /** Where the writes' time goes ({@link Phases}). */
    final Phases phases = new Phases();

    private final Connection connection;
    private final String tenantId;
    private final String userId;
    private final String importId;
    private final String importLabel;
    private final boolean postgres;

    LeadRows(Connection connection, String tenantId, String userId, String importId, String fileName) {
        this.connection = connection;
        this.tenantId = tenantId;
        this.userId = userId;
        this.importId = importId;
        this.importLabel = ImportedEntry.label(importId, fileName);
        this.postgres = Database.postgresql();
    }

    private static Object name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static LeadData.Address address(LeadData d) {
        return d.company() == null ? null : d.company().address();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamps.sql(instant);
    }

    /**
     * The plugin API's view of leads as this connection's transaction sees them (after an import
     * updated them): one query per 100 leads. Counts of related records are left unknown.
     */
    List<org.leadline.plugin.api.LeadView> views(List<String> ids) throws SQLException {
        List<org.leadline.plugin.api.LeadView> views = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 100));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, status, rating, score, stage, owner_id, "
                    + "salutation, first_name, last_name, job_title, email, business_phone, mobile_phone, company_name, "
                    + "industry, employees, revenue_amount, revenue_currency, country, source, source_detail, "
                    + "budget_amount, budget_currency, need, purchase_timeframe, decision_maker, topic, created_at, "
                    + "updated_at, version FROM leads WHERE tenant_id = ? AND id IN (" + marks + ")")) {
                ps.setString(1, tenantId);
                for (int i = 0; i < slice.size(); i++) {
                    ps.setString(i + 2, slice.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String rating = rs.getString("rating");
                        String phone = rs.getString("business_phone");
                        views.add(new org.leadline.plugin.api.LeadView(rs.getString("id"), rs.getString("status"),
                                rating == null ? null : org.leadline.plugin.api.Rating.valueOf(rating),
                                rs.getObject("score", Integer.class), rs.getString("stage"), rs.getString("owner_id"),
                                rs.getString("salutation"), rs.getString("first_name"), rs.getString("last_name"),
                                rs.getString("job_title"), rs.getString("email"), phone != null ? phone : rs.getString("mobile_phone"),
                                rs.getString("company_name"), rs.getString("industry"), rs.getObject("employees", Integer.class),
                                money(rs.getBigDecimal("revenue_amount"), rs.getString("revenue_currency")),
                                rs.getString("country"), rs.getString("source"), rs.getString("source_detail"),
                                money(rs.getBigDecimal("budget_amount"), rs.getString("budget_currency")), rs.getString("need"),
                                rs.getString("purchase_timeframe"), rs.getObject("decision_maker", Boolean.class),
                                rs.getString("topic"), Timestamps.instant(rs.getTimestamp("created_at")),
                                Timestamps.instant(rs.getTimestamp("updated_at")), rs.getLong("version")));
                    }
                }
            }
        }
        return views;
    }

    private static org.leadline.plugin.api.Money money(java.math.BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new org.leadline.plugin.api.Money(amount, currency);
    }

    /** Whether the tenant has a live lead without an e-mail address: one index probe. */
    boolean anyWithoutEmail() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM leads WHERE tenant_id = ? "
                + "AND email_key IS NULL AND deleted_at IS NULL FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Live leads of the tenant with one of these e-mail keys, by key (the oldest lead first). */
    Map<String, List<Existing>> byEmail(Collection<String> emailKeys) throws SQLException {
        return byKey("email_key", emailKeys);
    }

    /**
     * Live leads of the tenant with one of these phone keys (E.164) as business or mobile number,
     * by key (the oldest lead first).
     */
    Map<String, List<Existing>> byPhone(Collection<String> phoneKeys) throws SQLException {
        Map<String, List<Existing>> found = byKey("business_phone_key", phoneKeys);
        byKey("mobile_phone_key", phoneKeys).forEach((key, leads) -> found.merge(key, leads, LeadRows::union));
        return found;
    }

    /**
     * Live leads of the tenant whose {@code column} (a key column with an index that starts with
     * the tenant) has one of these values. PostgreSQL answers a list of values in one index scan;
     * Derby filters a list row by row over the tenant's whole index range (the cost grows with the
     * tenant's leads times the list), so there each value is probed on its own with one prepared
     * statement, which in an embedded database costs microseconds.
     */
    private Map<String, List<Existing>> byKey(String column, Collection<String> keys) throws SQLException {
        Map<String, List<Existing>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String select = "SELECT " + EXISTING_COLUMNS + " FROM leads WHERE tenant_id = ? AND deleted_at IS NULL AND " + column;
        if (!postgres) {
            try (PreparedStatement ps = connection.prepareStatement(select + " = ?")) {
                ps.setString(1, tenantId);
                for (String key : keys) {
                    ps.setString(2, key);
                    collect(ps, found, column);
                }
            }
            return sorted(found);
        }
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            try (PreparedStatement ps = connection.prepareStatement(select + " IN (" + marks(part.size()) + ")")) {
                ps.setString(1, tenantId);
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 2, part.get(i));
                }
                collect(ps, found, column);
            }
        }
        return sorted(found);
    }

    private static void collect(PreparedStatement ps, Map<String, List<Existing>> into, String keyColumn) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.computeIfAbsent(rs.getString(keyColumn), k -> new ArrayList<>()).add(existing(rs));
            }
        }
    }

    /** Live leads of the tenant by "last name key|company key", for the duplicate rule's name at the company. */
    Map<String, List<Existing>> byNameAndCompany(Collection<String> nameAndCompanyKeys) throws SQLException {
        Map<String, List<Existing>> found = new HashMap<>();
        if (nameAndCompanyKeys.isEmpty()) {
            return found;
        }
        String select = "SELECT " + EXISTING_COLUMNS + " FROM leads WHERE tenant_id = ? AND deleted_at IS NULL AND ";
        List<String[]> pairs = nameAndCompanyKeys.stream().map(k -> k.split("\\|", 2)).toList();
        if (!postgres) {
            try (PreparedStatement ps = connection.prepareStatement(select + "last_name_key = ? AND company_key = ?")) {
                ps.setString(1, tenantId);
                for (String[] pair : pairs) {
                    ps.setString(2, pair[0]);
                    ps.setString(3, pair[1]);
                    collectPairs(ps, found);
                }
            }
            return sorted(found);
        }
        for (int from = 0; from < pairs.size(); from += 250) {
            List<String[]> part = pairs.subList(from, Math.min(pairs.size(), from + 250));
            StringBuilder sql = new StringBuilder(select).append("(last_name_key, company_key) IN (");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            }
            try (PreparedStatement ps = connection.prepareStatement(sql.append(")").toString())) {
                int p = 1;
                ps.setString(p++, tenantId);
                for (String[] pair : part) {
                    ps.setString(p++, pair[0]);
                    ps.setString(p++, pair[1]);
                }
                collectPairs(ps, found);
            }
        }
        return sorted(found);
    }

    private static void collectPairs(PreparedStatement ps, Map<String, List<Existing>> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.computeIfAbsent(rs.getString("last_name_key") + "|" + rs.getString("company_key"), k -> new ArrayList<>())
                        .add(existing(rs));
            }
        }
    }

    /**
     * Each key's leads, the oldest first (ids are time-ordered), at most {@link #MAX_PER_KEY}.
     * Sorting in Java, not in the query: an ORDER BY id would tempt the optimizer to walk the
     * primary key instead of probing the key index.
     */
    private static Map<String, List<Existing>> sorted(Map<String, List<Existing>> found) {
        found.replaceAll((key, leads) -> {
            List<Existing> list = new ArrayList<>(leads);
            list.sort(java.util.Comparator.comparing(Existing::id));
            return list.size() > MAX_PER_KEY ? new ArrayList<>(list.subList(0, MAX_PER_KEY)) : list;
        });
        return found;
    }

    private static List<Existing> union(List<Existing> a, List<Existing> b) {
        List<Existing> all = new ArrayList<>(a);
        for (Existing e : b) {
            if (all.stream().noneMatch(x -> x.id().equals(e.id()))) {
                all.add(e);
            }
        }
        all.sort(java.util.Comparator.comparing(Existing::id));
        return all;
    }

    private static Existing existing(ResultSet rs) throws SQLException {
        java.util.Set<String> phones = new java.util.LinkedHashSet<>();
        if (rs.getString("business_phone_key") != null) {
            phones.add(rs.getString("business_phone_key"));
        }
        if (rs.getString("mobile_phone_key") != null) {
            phones.add(rs.getString("mobile_phone_key"));
        }
        DuplicateRule.Person person = new DuplicateRule.Person(rs.getString("email_key"), phones,
                rs.getString("last_name_key"), rs.getString("company_key"), rs.getString("first_name"));
        return new Existing(rs.getString("id"), rs.getString("status"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("company_name"), rs.getString("email"), rs.getTimestamp("created_at"), person);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * New leads as PostgreSQL's COPY reads them, the lead rows and their search words' rows, made by
     * the import's planner while the writer writes the chunk before ({@link #prepare}).
     */
    record NewRows(int leads, byte[] leadRows, byte[] wordRows) {
    }

    /**
     * The COPY text of new leads and their search words, made ahead of the writer's turn on
     * PostgreSQL (so that the database works while the next chunk's rows are made); null elsewhere,
     * where {@link #insert(List, Instant)} writes them in JDBC batches.
     */
    NewRows prepare(List<Lead> leads, Instant now) {
        if (!postgres || leads.isEmpty()) {
            return null;
        }
        Timestamp at = timestamp(now);
        String atText = CopyRows.text(at);
        CopyRows rows = new CopyRows();
        for (Lead lead : leads) {
            for (Object value : leadRow(lead, at)) {
                if (value == at) {
                    rows.addText(atText);
                } else {
                    rows.add(value);
                }
            }
            rows.endRow();
        }
        byte[] leadRows = rows.take();
        // By word, then in the leads' order: the word indexes (tenant, word, ...) are then written page
        // by page rather than all over, and a word's rows of a chunk lie together in the table.
        // The lead's columns of a word's row are the same on each of its words: made once per lead.
        List<Map.Entry<String, String[]>> words = new ArrayList<>(leads.size() * 8);
        for (Lead lead : leads) {
            String[] columns = {CopyRows.text(lead.id()),
                CopyRows.text(tenantId, atText, lead.lastNameKey(), lead.companyKey())};
            for (String term : SearchTerms.of(lead)) {
                words.add(Map.entry(term, columns));
            }
        }
        words.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, String[]> word : words) {
            String[] columns = word.getValue();
            rows.addText(columns[0]).add(word.getKey()).addText(columns[1]);
            rows.endRow();
        }
        return new NewRows(leads.size(), leadRows, rows.take());
    }

    /** Inserts new leads with their search terms as {@link #prepare prepared}. */
    void insert(NewRows rows) throws SQLException {
        CopyRows.copyInto(connection, "leads", LEAD_COLUMNS, rows.leadRows());
        phases.end(Phases.Phase.LEADS);
        if (rows.wordRows().length > 0) {
            CopyRows.copyInto(connection, "lead_search_terms", TERM_COLUMNS, rows.wordRows());
        }
        phases.end(Phases.Phase.WORDS);
    }

    /**
     * Inserts new leads with their search terms: on PostgreSQL with COPY, elsewhere in JDBC batches.
     * No audit entry per lead: the lead keeps the import's id, and its timeline shows the import
     * ({@link ImportedEntry}).
     */
    void insert(List<Lead> leads, Instant now) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        Timestamp at = timestamp(now);
        if (postgres) {
            CopyRows rows = new CopyRows();
            for (Lead lead : leads) {
                for (Object value : leadRow(lead, at)) {
                    rows.add(value);
                }
                rows.endRow();
            }
            rows.copyInto(connection, "leads", LEAD_COLUMNS);
        } else {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_LEAD)) {
                for (Lead lead : leads) {
                    Object[] row = leadRow(lead, at);
                    for (int i = 0; i < row.length; i++) {
                        set(ps, i + 1, row[i], LEAD_TYPES[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        phases.end(Phases.Phase.LEADS);
        Map<String, Words> terms = new java.util.LinkedHashMap<>();
        leads.forEach(l -> terms.put(l.id(), new Words(SearchTerms.of(l), at, l.lastNameKey(), l.companyKey())));
        terms(terms, false);
        phases.end(Phases.Phase.WORDS);
    }

    /**
     * Updates matched leads with the row's values; a cell left empty keeps the lead's value. The
     * source changes only when the file has a source column.
     */
    void update(List<Existing> targets, List<LeadData> rows, boolean sourceMapped, Instant now) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        Timestamp at = timestamp(now);
        Map<String, Words> terms = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_LEAD)) {
            for (int i = 0; i < targets.size(); i++) {
                Existing e = targets.get(i);
                LeadData d = rows.get(i);
                int p = 1;
                for (Col c : DATA_COLUMNS) {
                    if (!c.name.equals("source")) {
                        set(ps, p++, c.value.apply(d), c.sqlType);
                    }
                }
                set(ps, p++, sourceMapped ? d.origin().source().name() : null);
                ps.setTimestamp(p++, at);
                ps.setString(p++, userId);
                String first = d.person().firstName() != null ? d.person().firstName() : e.firstName();
                String last = d.person().lastName() != null ? d.person().lastName() : e.lastName();
                String company = d.company() != null && d.company().name() != null ? d.company().name() : e.companyName();
                String email = d.person().email() != null ? d.person().email() : e.email();
                Lead keys = LeadValidation.forKeys(first, last, company, email, userId);
                ps.setString(p++, keys.lastNameKey());
                ps.setString(p++, keys.companyKey());
                set(ps, p++, LeadValidation.emailKey(email));
                String country = address(d) == null ? null : address(d).country();
                set(ps, p++, PhoneKeys.key(d.person().businessPhone(), country));
                set(ps, p++, PhoneKeys.key(d.person().mobilePhone(), country));
                ps.setString(p++, e.id());
                ps.setString(p, tenantId);
                ps.addBatch();
                terms.put(e.id(), new Words(SearchTerms.of(keys), e.createdAt(), keys.lastNameKey(), keys.companyKey()));
            }
            ps.executeBatch();
        }
        terms(terms, true);
        audit(targets.stream().map(Existing::id).toList(), ChangeKind.UPDATED, at);
    }

    private void terms(Map<String, Words> terms, boolean replace) throws SQLException {
        if (replace) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM lead_search_terms WHERE tenant_id = ? AND lead_id = ?")) {
                for (String leadId : terms.keySet()) {
                    ps.setString(1, tenantId);
                    ps.setString(2, leadId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (postgres) {
            CopyRows rows = new CopyRows();
            terms.forEach((leadId, words) -> words.terms().forEach(term -> {
                rows.add(leadId).add(term).add(tenantId).add(words.createdAt()).add(words.lastNameKey())
                        .add(words.companyKey());
                rows.endRow();
            }));
            if (!rows.isEmpty()) {
                rows.copyInto(connection, "lead_search_terms", TERM_COLUMNS);
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO lead_search_terms (" + TERM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Words> e : terms.entrySet()) {
                Words words = e.getValue();
                for (String term : words.terms()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, term);
                    ps.setString(3, tenantId);
                    ps.setTimestamp(4, words.createdAt());
                    ps.setString(5, words.lastNameKey());
                    ps.setString(6, words.companyKey());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void audit(List<String> leadIds, ChangeKind change, Timestamp at) throws SQLException {
        try (PreparedStatement entries = connection.prepareStatement(
                "INSERT INTO audit_entries (id, tenant_id, lead_id, subject_kind, subject_id, change_kind, actor_id, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement changes = connection.prepareStatement(
                     "INSERT INTO audit_changes (id, tenant_id, lead_id, entry_id, seq, field_path, old_value, new_value) "
                             + "VALUES (?, ?, ?, ?, 0, ?, NULL, ?)");
             PreparedStatement timeline = connection.prepareStatement(
                     "INSERT INTO timeline_entries (id, tenant_id, lead_id, kind, occurred_at, actor_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String leadId : leadIds) {
                String entryId = Ids.next();
                entries.setString(1, entryId);
                entries.setString(2, tenantId);
                entries.setString(3, leadId);
                entries.setString(4, AuditSubject.LEAD.name());
                entries.setString(5, leadId);
                entries.setString(6, change.name());
                entries.setString(7, userId);
                entries.setTimestamp(8, at);
                entries.addBatch();
                changes.setString(1, Ids.next());
                changes.setString(2, tenantId);
                changes.setString(3, leadId);
                changes.setString(4, entryId);
                changes.setString(5, ImportedEntry.FIELD);
                changes.setString(6, importLabel);
                changes.addBatch();
                timeline.setString(1, entryId);
                timeline.setString(2, tenantId);
                timeline.setString(3, leadId);
                timeline.setString(4, TimelineKind.AUDIT.name());
                timeline.setTimestamp(5, at);
                timeline.setString(6, userId);
                timeline.addBatch();
            }
            entries.executeBatch();
            changes.executeBatch();
            timeline.executeBatch();
        }
    }

    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        set(ps, index, value, Types.VARCHAR);
    }

    private static void set(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof java.math.BigDecimal b) {
            ps.setBigDecimal(index, b);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Timestamp t) {
            ps.setTimestamp(index, t);
        } else {
            ps.setString(index, value.toString());
        }
    }
}
