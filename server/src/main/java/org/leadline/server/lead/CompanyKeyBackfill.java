package org.leadline.server.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.leadline.server.platform.persistence.Backfill;

/**
 * Gives stored leads and accounts the company key of {@link CompanyNames} (without legal form,
 * case, accents, punctuation and spacing), which duplicate checks, account matching and the company
 * sort order compare: a change of the schema's change log ({@code 021-company-keys}), so it runs once
 * per database, whichever node migrates it.
 *
 * <p>The key cannot be computed in SQL, so the rows are read in batches of {@value #BATCH} in id
 * order (a range of the primary key each, {@code FETCH FIRST} so that no database sorts the table) and only the rows whose key changes are written, in JDBC
 * batches, one transaction per batch: a lead's key, the same key on its search rows (the sort key
 * they carry), an account's name key. The lead's version and "updated" stamps stay as they were, so
 * no client holding an ETag is disturbed. Run again after an interruption, it finds the rows still
 * to change and changes only those.
 */
public class CompanyKeyBackfill extends Backfill {

    static final int BATCH = 1000;

    @Override
    protected int fill(Connection c) throws SQLException {
        return leads(c) + accounts(c);
    }

    @Override
    protected String describe(int count) {
        return "Company keys of " + count + " leads and accounts renewed";
    }

    private record Row(String id, String key) {
    }

    /** Renews the company key of every lead and of its search rows; how many leads changed. */
    static int leads(Connection c) throws SQLException {
        return run(c, "SELECT id, company_name, company_key FROM leads WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
                List.of("UPDATE leads SET company_key = ? WHERE id = ?",
                        "UPDATE lead_search_terms SET company_key = ? WHERE lead_id = ?"));
    }

    /** Renews the name key of every account; how many changed. */
    static int accounts(Connection c) throws SQLException {
        return run(c, "SELECT id, name, name_key FROM accounts WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
                List.of("UPDATE accounts SET name_key = ? WHERE id = ?"));
    }

    private static int run(Connection c, String select, List<String> updates) throws SQLException {
        int changed = 0;
        String lastId = "";
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            while (true) {
                List<Row> rows = new ArrayList<>();
                int read = 0;
                try (PreparedStatement s = c.prepareStatement(select)) {
                    s.setString(1, lastId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            read++;
                            lastId = r.getString(1);
                            String key = CompanyNames.key(r.getString(2));
                            if (!key.equals(r.getString(3) == null ? "" : r.getString(3))) {
                                rows.add(new Row(lastId, key));
                            }
                        }
                    }
                }
                if (read == 0) {
                    break;
                }
                for (String update : updates) {
                    if (rows.isEmpty()) {
                        break;
                    }
                    try (PreparedStatement u = c.prepareStatement(update)) {
                        for (Row row : rows) {
                            u.setString(1, row.key());
                            u.setString(2, row.id());
                            u.addBatch();
                        }
                        u.executeBatch();
                    }
                }
                c.commit();
                changed += rows.size();
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return changed;
    }
}
