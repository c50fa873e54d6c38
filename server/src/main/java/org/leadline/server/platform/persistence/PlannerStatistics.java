package org.leadline.server.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;

/**
 * Keeps PostgreSQL's planner statistics of the server's tables fresh, whether or not the database
 * runs autovacuum.
 *
 * <p>Without statistics the planner takes a table for empty and picks any index that starts with
 * {@code tenant_id}: a duplicate check by e-mail then read every lead of the tenant through the
 * mobile-phone index, and creates slowed down with each lead stored (measured: from 170 to 60
 * creates per second over the first 10,000 leads on a database with autovacuum off). Once the server
 * is ready and then every {@value #INTERVAL} (default a minute) this job analyses each table changed
 * by more than a tenth since its last analysis (autovacuum's own default rule), under an advisory
 * lock so that of several server nodes sharing the database one does the work. Derby keeps its
 * statistics itself.
 *
 * <p>The first run is at the start, not an interval after it: leads loaded or restored while the
 * server was down would otherwise be planned without statistics for the first minute. A re-rating
 * job started in that minute updated each lead through an index of the tenant's e-mail keys
 * instead of the primary key, 40 ms a lead (100,000 leads on PostgreSQL: the first rating took
 * 74 s, nearly all of it before the first analysis).
 */
@ApplicationScoped
public class PlannerStatistics {

    public static final String INTERVAL = "leadline.db.analyze-interval";
    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class.getName());
    /** Any number the server's other advisory locks do not use. */
    private static final long LOCK = 0x4c4c_5354_4154L;
    private static final String STALE = "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
            + " AND n_mod_since_analyze > 50 + 0.1 * GREATEST(n_live_tup, 0) ORDER BY n_mod_since_analyze DESC";

    @Resource(lookup = LeadlineDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void onReady(@Observes Startup.Ready ready) {
        if (!Database.postgresql()) {
            return;
        }
        long seconds = Math.max(1, Settings.get(INTERVAL).map(Duration::parse).orElse(Duration.ofMinutes(1)).toSeconds());
        scheduler.scheduleWithFixedDelay(this::analyzeStale, 0, seconds, TimeUnit.SECONDS);
    }

    /** Analyses the tables whose statistics are stale; returns their names. */
    public List<String> analyzeStale() {
        List<String> analysed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLock(c)) {
                return analysed;
            }
            try {
                List<String> stale = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(STALE)) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
                for (String table : stale) {
                    if (!table.matches("[a-z_][a-z0-9_]*")) {
                        continue;
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE " + table);
                    }
                    analysed.add(table);
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
                }
            }
            if (!analysed.isEmpty()) {
                LOG.fine(() -> "Refreshed planner statistics of " + analysed);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the planner statistics failed", e);
        }
        return analysed;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
