package org.leadline.server.plugins.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.persistence.Timestamps;


/**
 * The outbox table: entries are added in the transaction of the change they tell of
 * ({@link #add}); the dispatcher claims due ones with a lease, which any node may do, and records
 * how each delivery went, each step in a short transaction of its own.
 */
@ApplicationScoped
public class OutboxStore {

    /** The state of an entry that has not been delivered. */
    public enum State { PENDING, FAILED }

    private static final String INSERT = "INSERT INTO plugin_deliveries (id, tenant_id, lead_id, plugin_id, "
            + "extension_id, topic, event_kind, payload, created_at, state, attempts, next_attempt_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)";

    /**
     * Due entries: waiting, their time come, not leased by a node that is still within its lease, and
     * the oldest waiting entry of their lead for their extension (a lead's events go out in order).
     */
    private static final String DUE = "SELECT d.id FROM plugin_deliveries d WHERE d.state = 'PENDING' "
            + "AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?) "
            + "AND NOT EXISTS (SELECT 1 FROM plugin_deliveries e WHERE e.tenant_id = d.tenant_id "
            + "AND e.lead_id = d.lead_id AND e.plugin_id = d.plugin_id AND e.extension_id = d.extension_id "
            + "AND e.state = 'PENDING' AND (e.created_at < d.created_at OR (e.created_at = d.created_at AND e.id < d.id))) "
            + "ORDER BY d.next_attempt_at";

    private static final String LEASE = "UPDATE plugin_deliveries SET lease_owner = ?, lease_until = ? "
            + "WHERE id = ? AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)";

    private static final String LEASED = "SELECT id, tenant_id, lead_id, plugin_id, extension_id, topic, event_kind, "
            + "payload, created_at, attempts FROM plugin_deliveries WHERE lease_owner = ? AND lease_until = ?";

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    /** A claimed entry and how often it was tried before. */
    public record Claimed(OutboxEntry entry, int attempts) {
    }

    /** What waits for one extension of a tenant. */
    public record Waiting(Map<State, Long> counts, List<Row> rows) {
    }

    /** One waiting entry as an administrator sees it. */
    public record Row(String id, String leadId, String eventKind, State state, int attempts, Instant createdAt,
                      Instant lastAttemptAt, Instant nextAttemptAt, String lastError) {
    }

    /**
     * Adds entries on the connection of the transaction that makes the change, so they are written
     * if and only if the change is.
     */
    public static void add(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (OutboxEntry e : entries) {
                Timestamp at = Timestamps.sql(e.createdAt());
                ps.setString(1, e.id());
                ps.setString(2, e.tenantId());
                ps.setString(3, e.leadId());
                ps.setString(4, e.to().pluginId());
                ps.setString(5, e.to().extensionId());
                ps.setString(6, e.topic().name());
                ps.setString(7, e.eventKind());
                ps.setString(8, e.payload());
                ps.setTimestamp(9, at);
                ps.setTimestamp(10, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Adds entries in the caller's transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addInTransaction(List<OutboxEntry> entries) {
        jdbc(c -> {
            add(c, entries);
            return null;
        });
    }

    /** Adds entries in a transaction of their own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void addAlone(List<OutboxEntry> entries) {
        addInTransaction(entries);
    }

    /** Leases up to {@code limit} due entries to {@code owner} until {@code until}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(String owner, Instant now, Instant until, int limit) {
        return jdbc(c -> {
            List<String> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DUE)) {
                ps.setMaxRows(limit);
                ps.setTimestamp(1, Timestamps.sql(now));
                ps.setTimestamp(2, Timestamps.sql(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(rs.getString(1));
                    }
                }
            }
            if (due.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement ps = c.prepareStatement(LEASE)) {
                for (String id : due) {
                    ps.setString(1, owner);
                    ps.setTimestamp(2, Timestamps.sql(until));
                    ps.setString(3, id);
                    ps.setTimestamp(4, Timestamps.sql(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LEASED)) {
                ps.setString(1, owner);
                ps.setTimestamp(2, Timestamps.sql(until));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OutboxEntry e = new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                                new Recipient(rs.getString(4), rs.getString(5)),
                                OutboxEntry.Topic.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                                Timestamps.instant(rs.getTimestamp(9)));
                        claimed.add(new Claimed(e, rs.getInt(10)));
                    }
                }
            }
            return claimed;
        });
    }

    /** Removes delivered (or no longer wanted) entries this node holds. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remove(String owner, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM plugin_deliveries WHERE id = ? AND lease_owner = ?")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.setString(2, owner);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A failed attempt: when to try next, or (next is null) the entry has failed for good. */
    public record Attempt(String id, int attempts, Instant at, Instant next, String error) {
    }

    /** Records failed attempts of entries this node holds and releases them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String owner, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plugin_deliveries SET attempts = ?, state = ?, "
                    + "next_attempt_at = ?, last_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL "
                    + "WHERE id = ? AND lease_owner = ?")) {
                for (Attempt a : attempts) {
                    ps.setInt(1, a.attempts());
                    ps.setString(2, a.next() == null ? State.FAILED.name() : State.PENDING.name());
                    ps.setTimestamp(3, Timestamps.sql(a.next() == null ? a.at() : a.next()));
                    ps.setTimestamp(4, Timestamps.sql(a.at()));
                    ps.setString(5, cut(a.error() == null ? "failed" : a.error(), 500));
                    ps.setString(6, a.id());
                    ps.setString(7, owner);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Releases entries this node holds without counting an attempt (the plugin was not running). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postpone(String owner, List<String> ids, Instant next, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plugin_deliveries SET next_attempt_at = ?, "
                    + "last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
                for (String id : ids) {
                    ps.setTimestamp(1, Timestamps.sql(next));
                    ps.setString(2, cut(reason, 500));
                    ps.setString(3, id);
                    ps.setString(4, owner);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Releases every lease of {@code owner}, a node that stops. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String owner) {
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plugin_deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                ps.setString(1, owner);
                return ps.executeUpdate();
            }
        });
    }

    /** What waits for one extension of a tenant: counts by state and the oldest {@code limit} entries. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Waiting waiting(String tenantId, String pluginId, String extensionId, int limit) {
        return jdbc(c -> {
            Map<State, Long> counts = new EnumMap<>(State.class);
            for (State s : State.values()) {
                counts.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM plugin_deliveries "
                    + "WHERE tenant_id = ? AND plugin_id = ? AND extension_id = ? GROUP BY state")) {
                ps.setString(1, tenantId);
                ps.setString(2, pluginId);
                ps.setString(3, extensionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, lead_id, event_kind, state, attempts, created_at, "
                    + "last_attempt_at, next_attempt_at, last_error FROM plugin_deliveries "
                    + "WHERE tenant_id = ? AND plugin_id = ? AND extension_id = ? ORDER BY created_at, id")) {
                ps.setMaxRows(limit);
                ps.setString(1, tenantId);
                ps.setString(2, pluginId);
                ps.setString(3, extensionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        State state = State.valueOf(rs.getString(4));
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), state, rs.getInt(5),
                                Timestamps.instant(rs.getTimestamp(6)), Timestamps.instant(rs.getTimestamp(7)),
                                state == State.FAILED ? null : Timestamps.instant(rs.getTimestamp(8)), rs.getString(9)));
                    }
                }
            }
            return new Waiting(counts, rows);
        });
    }

    /** Puts a tenant's failed entries of one extension back in line, to be tried at once. Answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int retryFailed(String tenantId, String pluginId, String extensionId, Instant now) {
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plugin_deliveries SET state = 'PENDING', attempts = 0, "
                    + "next_attempt_at = ? WHERE tenant_id = ? AND plugin_id = ? AND extension_id = ? AND state = 'FAILED'")) {
                ps.setTimestamp(1, Timestamps.sql(now));
                ps.setString(2, tenantId);
                ps.setString(3, pluginId);
                ps.setString(4, extensionId);
                return ps.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.joinTransaction();
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException("The plugin delivery outbox could not be read or written", e);
        } finally {
            em.close();
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
