package org.leadline.server.capture;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.leadline.server.platform.persistence.Database;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Makes "look for likely duplicates, then create" one step when the same person is created twice at
 * the same moment (a double-clicked form, two sellers typing the same business card, two mails of
 * one sender polled and uploaded at once): without it both creates find nothing and both store the
 * lead, even under the {@link DuplicatePolicy#REJECT} policy.
 *
 * <p>{@link #lock} is called in the creating transaction before the duplicate query. It locks one
 * row of {@code duplicate_locks} per key the new lead is compared by ({@link DuplicateFinder.Keys}:
 * the e-mail key, each phone key, the last name with the company), found by hashing the key into one
 * of {@value #BUCKETS} buckets of the tenant, and holds the locks until the transaction ends. A
 * concurrent create of the same person hashes to the same bucket and waits there until the first
 * one has committed its lead (or rolled back); its duplicate query, a new statement under
 * READ COMMITTED (the isolation the data source declares, see {@code LeadlineDataSource}), then
 * sees that lead. Creates of other people, or of other tenants, lock other rows and do not wait for
 * each other, except for the rare two that share a bucket, which only run one after the other.
 * Buckets are locked one at a time in ascending order, so two creates that share several buckets
 * cannot deadlock: on PostgreSQL by one statement whose {@code VALUES} rows are in that order, on
 * Derby by one statement per bucket.
 *
 * <p>A bucket's row is created on first use, in the creating transaction itself: a tenant's rows
 * come into being with its first creates, and tenants, migrations and the start need to know
 * nothing about them. Creating them in a separate short transaction would take a second pooled
 * connection while the create holds its own, and a burst of creates in a new tenant could then
 * exhaust the pool; creating all of them with each tenant would need a backfill of existing
 * tenants and a hook in every way a tenant is made. The insert of a missing row is itself the
 * lock: a concurrent create of the same bucket waits for the inserting transaction to end, on
 * PostgreSQL in {@code INSERT ... ON CONFLICT DO UPDATE} (which either inserts the row or locks
 * the existing one, atomically), on Derby in the {@code UPDATE} that finds the row or in the
 * {@code INSERT} that finds it taken (Derby undoes only the failed statement, not the transaction,
 * so the update that follows takes the lock).
 */
@ApplicationScoped
public class DuplicateGuard {

    /**
     * Buckets per tenant: a tenant has at most this many rows. With up to four keys per lead, two
     * unrelated creates at the same moment share a bucket (and run one after the other) with a
     * chance of at most 16 in {@value}.
     */
    static final int BUCKETS = 1024;

    private static final String UPSERT_HEAD = "INSERT INTO duplicate_locks (tenant_id, bucket, takes) VALUES ";
    private static final String UPSERT_TAIL = " ON CONFLICT (tenant_id, bucket) DO UPDATE SET takes = duplicate_locks.takes + 1";
    private static final String UPDATE = "UPDATE duplicate_locks SET takes = takes + 1 WHERE tenant_id = ? AND bucket = ?";
    private static final String INSERT = "INSERT INTO duplicate_locks (tenant_id, bucket, takes) VALUES (?, ?, 1)";
    private static final String DUPLICATE_KEY = "23505";

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Locks the caller's tenant's buckets of {@code probe}'s keys until the current transaction
     * ends; a probe without keys locks nothing.
     *
     * @throws IllegalStateException without an active transaction, in which a lock would end at once
     */
    public void lock(DuplicateFinder.Probe probe) {
        lock(DuplicateFinder.Keys.of(probe));
    }

    /** As {@link #lock(DuplicateFinder.Probe)}, for keys the caller has already computed. */
    public void lock(DuplicateFinder.Keys keys) {
        SortedSet<Integer> buckets = buckets(keys);
        if (buckets.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("The duplicate check must run in the transaction that creates the lead");
        }
        String tenantId = caller.tenantId();
        // The connection of the transaction's entity manager: the duplicate query and the insert of
        // the lead run on it too.
        Connection connection = persistence.em().unwrap(Connection.class);
        try {
            if (Database.postgresql()) {
                upsert(connection, tenantId, buckets);
                return;
            }
            for (int bucket : buckets) {
                takeOnDerby(connection, tenantId, bucket);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Locking the duplicate check of tenant " + tenantId + " failed", e);
        }
    }

    /**
     * Every bucket in one statement on PostgreSQL: its rows are inserted or locked one after the
     * other in the order of the {@code VALUES} list, which is the ascending order of the buckets.
     */
    private static void upsert(Connection connection, String tenantId, SortedSet<Integer> buckets) throws SQLException {
        StringBuilder sql = new StringBuilder(UPSERT_HEAD);
        for (int i = 0; i < buckets.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, 1)");
        }
        try (PreparedStatement s = connection.prepareStatement(sql.append(UPSERT_TAIL).toString())) {
            int p = 1;
            for (int bucket : buckets) {
                s.setString(p++, tenantId);
                s.setInt(p++, bucket);
            }
            s.executeUpdate();
        }
    }

    private static void takeOnDerby(Connection connection, String tenantId, int bucket) throws SQLException {
        if (execute(connection, UPDATE, tenantId, bucket) == 1) {
            return;
        }
        try {
            execute(connection, INSERT, tenantId, bucket);
            return;
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            // A concurrent create inserted it first (and has ended, or the insert would still wait).
        }
        if (execute(connection, UPDATE, tenantId, bucket) != 1) {
            throw new SQLException("The duplicate lock " + bucket + " of tenant " + tenantId + " vanished");
        }
    }

    private static int execute(Connection connection, String sql, String tenantId, int bucket) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setInt(2, bucket);
            return s.executeUpdate();
        }
    }

    /** The buckets of every key, in the order they are locked in. */
    static SortedSet<Integer> buckets(DuplicateFinder.Keys keys) {
        List<String> names = new ArrayList<>();
        if (keys.email() != null) {
            names.add("email\n" + keys.email());
        }
        keys.phones().forEach(p -> names.add("phone\n" + p));
        if (keys.hasNameAndCompany()) {
            names.add("name\n" + keys.lastName() + "\n" + keys.company());
        }
        SortedSet<Integer> buckets = new TreeSet<>();
        names.forEach(n -> buckets.add(bucket(n)));
        return buckets;
    }

    /** A stable hash (the same on every server and after every restart) of a key into a bucket. */
    static int bucket(String key) {
        int h = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        return Math.floorMod(h ^ (h >>> 16), BUCKETS);
    }
}
