package org.leadline.server.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.ConfiguredDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL, listens for the credential changes other nodes announce ({@link CredentialChanges})
 * and applies them to this node's {@link CallerCache}. One connection of its own, outside the
 * pool; while it is not listening, the cache is not used.
 */
@ApplicationScoped
public class CredentialNotifications {

    private static final Logger LOG = Logger.getLogger(CredentialNotifications.class.getName());

    /** How long to wait for a notification before checking the connection still answers. */
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Inject
    CallerCache cache;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    void onReady(@Observes Startup.Ready ready) {
        if (cache.mode() != CallerCache.Mode.NOTIFIED) {
            return;
        }
        running = true;
        thread = threads.newThread(this::listen);
        thread.setName("leadline-credential-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection c = new ConfiguredDataSource().getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CredentialChanges.CHANNEL);
                }
                PGConnection listening = c.unwrap(PGConnection.class);
                cache.listening();
                if (warned) {
                    LOG.info("Listening for credential changes again; signed-in callers are kept again");
                    warned = false;
                }
                while (running) {
                    PGNotification[] changes = listening.getNotifications(WAIT_MILLIS);
                    if (changes != null) {
                        for (PGNotification change : changes) {
                            cache.apply(change.getParameter());
                        }
                    }
                    if (changes == null || changes.length == 0) {
                        try (Statement s = c.createStatement()) {
                            s.setQueryTimeout(WAIT_MILLIS / 1000);
                            s.execute("SELECT 1");
                        }
                    }
                    cache.heard();
                }
            } catch (SQLException | RuntimeException e) {
                cache.deaf();
                if (!running) {
                    break;
                }
                if (!warned) {
                    LOG.log(Level.WARNING, "Not listening for credential changes (" + e.getMessage()
                            + "); every request is checked against the database until the connection is back", e);
                    warned = true;
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } finally {
                connection = null;
            }
        }
        cache.deaf();
    }

    @PreDestroy
    void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the notification connection", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
