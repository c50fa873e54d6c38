package org.leadline.server.qualification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * The rows of a re-rating batch, read and written by plain JDBC on the connection of the job's
 * transaction: one statement reads the batch's stored ratings, and at most one batched statement a
 * table writes what changed (new ratings, changed ratings, leads whose rating or score moved).
 *
 * <p>Why not the entities: on Derby, EclipseLink's commit of a batch of 500 leads and ratings (change
 * sets, then the batched writes) was 46 % of a job's time, building the stored ratings from a native
 * query's rows (each column found by comparing names) another 8 % (docs/performance.md,
 * "Re-rating"). The entities are not in EclipseLink's shared cache ({@code eclipselink.cache.shared.default}
 * is false and neither is marked cacheable), so no cached copy goes stale; the batch's leads are
 * detached before their rows are written, so their persistence context does not write them again.
 *
 * <p>Every statement names the tenant. A lead's row is updated only at the version the job read,
 * and its version moves with its rating as an entity write would: a lead changed meanwhile fails
 * the batch, which the job then rates lead by lead through the entities.
 */
final class RatingRows {

    /** A rating as stored, to compare with the new outcome. */
    record Stored(String rating, int score, int ruleSetVersion, String reasons, String recommendations) {

        /** True when a new outcome would store the same row. */
        boolean same(String newRating, int newScore, int newRuleSetVersion, String newReasons, String newRecommendations) {
            return rating.equals(newRating) && score == newScore && ruleSetVersion == newRuleSetVersion
                    && reasons.equals(newReasons) && recommendations.equals(newRecommendations);
        }
    }

    private record RatingRow(String leadId, String rating, int score, int ruleSetVersion, String reasons,
                             String recommendations) {
    }

    private record LeadRow(String leadId, long version, String rating, int score) {
    }

    private final String tenantId;
    private final Instant ratedAt;
    private final List<RatingRow> inserts = new ArrayList<>();
    private final List<RatingRow> updates = new ArrayList<>();
    private final List<LeadRow> leads = new ArrayList<>();

    RatingRows(String tenantId, Instant ratedAt) {
        this.tenantId = tenantId;
        this.ratedAt = ratedAt;
    }

    /** The connection of the entity manager's transaction, so the rows commit or roll back with it. */
    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("re-rating rows need the connection of a transaction");
        }
        return c;
    }

    /**
     * The stored ratings of the given leads of the tenant, by lead id, in one statement. The
     * optimizer override keeps Derby on the primary key whatever it planned with (see
     * {@code Rater.storedRatings}); other databases read it as a comment.
     */
    static Map<String, Stored> read(Connection c, String tenantId, List<String> leadIds) {
        Map<String, Stored> stored = new HashMap<>(leadIds.size() * 2);
        if (leadIds.isEmpty()) {
            return stored;
        }
        String sql = "SELECT lead_id, rating, score, rule_set_version, reasons, recommendations"
                + " FROM lead_ratings --DERBY-PROPERTIES constraint=PK_LEAD_RATINGS\n"
                + " WHERE lead_id IN (" + "?, ".repeat(leadIds.size() - 1) + "?) AND tenant_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : leadIds) {
                s.setString(i++, id);
            }
            s.setString(i, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the stored ratings", e);
        }
        return stored;
    }

    void insert(String leadId, String rating, int score, int ruleSetVersion, String reasons, String recommendations) {
        inserts.add(new RatingRow(leadId, rating, score, ruleSetVersion, reasons, recommendations));
    }

    void update(String leadId, String rating, int score, int ruleSetVersion, String reasons, String recommendations) {
        updates.add(new RatingRow(leadId, rating, score, ruleSetVersion, reasons, recommendations));
    }

    /** The lead's row gets the rating and score, its version one up from {@code readVersion}. */
    void lead(String leadId, long readVersion, String rating, int score) {
        leads.add(new LeadRow(leadId, readVersion, rating, score));
    }

    /** Writes the collected rows: a batched statement a table that has any. */
    void write(Connection c) {
        try {
            Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(ratedAt, ZoneOffset.UTC));
            if (!inserts.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO lead_ratings (rating, score,"
                        + " rule_set_version, reasons, recommendations, rated_at, lead_id, tenant_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (RatingRow r : inserts) {
                        bind(s, r, at);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (!updates.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE lead_ratings SET rating = ?, score = ?,"
                        + " rule_set_version = ?, reasons = ?, recommendations = ?, rated_at = ?"
                        + " WHERE lead_id = ? AND tenant_id = ?")) {
                    for (RatingRow r : updates) {
                        bind(s, r, at);
                        s.addBatch();
                    }
                    expectOneEach(s.executeBatch(), "rating");
                }
            }
            if (!leads.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE leads SET rating = ?, score = ?, version = ?"
                        + " WHERE id = ? AND tenant_id = ? AND version = ?")) {
                    for (LeadRow l : leads) {
                        s.setString(1, l.rating());
                        s.setInt(2, l.score());
                        s.setLong(3, l.version() + 1);
                        s.setString(4, l.leadId());
                        s.setString(5, tenantId);
                        s.setLong(6, l.version());
                        s.addBatch();
                    }
                    expectOneEach(s.executeBatch(), "lead");
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot write the re-rated rows", e);
        }
    }

    /** The rating's columns, then the lead and the tenant: the same order for the insert and the update. */
    private void bind(PreparedStatement s, RatingRow r, Timestamp at) throws SQLException {
        s.setString(1, r.rating());
        s.setInt(2, r.score());
        s.setInt(3, r.ruleSetVersion());
        s.setString(4, r.reasons());
        s.setString(5, r.recommendations());
        s.setTimestamp(6, at);
        s.setString(7, r.leadId());
        s.setString(8, tenantId);
    }

    /** A row changed or removed since the batch read it fails the batch, as an entity write would. */
    private static void expectOneEach(int[] counts, String what) {
        for (int n : counts) {
            if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new OptimisticLockException("A " + what + " of the batch changed while it was re-rated");
            }
        }
    }
}
