package org.leadline.server.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.leadline.server.lead.PhoneKeys;
import org.leadline.server.platform.persistence.Backfill;

/**
 * Gives leads stored before phone keys existed their keys: a change of the schema's change log
 * ({@code 019-phone-keys-filled}), so it runs once per database, whichever node migrates it, and a
 * start no longer reads every lead. Plain SQL in batches, touching only the key columns: the lead's
 * version and "updated" stamps stay as they were, so no client holding an ETag is disturbed. A
 * number that cannot be read keeps no key (as it would when written today).
 */
public class PhoneKeyBackfill extends Backfill {

    private static final int BATCH = 500;

    @Override
    protected int fill(Connection c) throws SQLException {
        return run(c);
    }

    @Override
    protected String describe(int count) {
        return "Phone keys of " + count + " leads filled";
    }

    static int run(Connection c) throws SQLException {
        record Row(String id, String business, String mobile, String country) {
        }
        int filled = 0;
        String lastId = "";
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            while (true) {
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT id, business_phone, mobile_phone, country FROM leads"
                        + " WHERE id > ? AND ((business_phone IS NOT NULL AND business_phone_key IS NULL)"
                        + " OR (mobile_phone IS NOT NULL AND mobile_phone_key IS NULL)) ORDER BY id")) {
                    s.setString(1, lastId);
                    s.setMaxRows(BATCH);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                        }
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                try (PreparedStatement u = c.prepareStatement(
                        "UPDATE leads SET business_phone_key = ?, mobile_phone_key = ? WHERE id = ?")) {
                    for (Row row : rows) {
                        u.setString(1, PhoneKeys.key(row.business(), row.country()));
                        u.setString(2, PhoneKeys.key(row.mobile(), row.country()));
                        u.setString(3, row.id());
                        u.addBatch();
                    }
                    u.executeBatch();
                }
                c.commit();
                filled += rows.size();
                lastId = rows.get(rows.size() - 1).id();
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return filled;
    }
}
