package org.leadline.server.platform.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Starts the schema migration as soon as the container begins to deploy the application, on a
 * thread of its own, so that it runs while the container scans classes and builds the CDI, REST
 * and persistence layers rather than after them: on a new installation creating the schema is a
 * fifth of the start's work, and the deployment leaves the second core mostly idle.
 *
 * <p>It opens its own connection ({@link ConfiguredDataSource}, the factory behind the pool, in
 * the application's class loader, so an embedded Derby is the application's own engine). Nothing
 * else touches the database before {@code Startup} has waited for it ({@link #await}); a failed
 * migration fails the start there, as before.
 */
public class EarlyMigration implements Extension {

    private static final Logger LOG = Logger.getLogger(EarlyMigration.class.getName());
    private static volatile CompletableFuture<Void> migration;

    void begin(@Observes BeforeBeanDiscovery event) {
        ClassLoader application = EarlyMigration.class.getClassLoader();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Migrations.run(new ConfiguredDataSource());
                started.complete(null);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "leadline-migration");
        thread.setContextClassLoader(application);
        thread.setDaemon(true);
        migration = started;
        thread.start();
        LOG.fine("Schema migration started beside the deployment");
    }

    /**
     * Waits for the migration this extension started, or runs it on {@code fallback} when none was
     * started (the extension was not loaded); a failed migration is thrown here.
     */
    public static void await(javax.sql.DataSource fallback) {
        CompletableFuture<Void> started = migration;
        if (started == null) {
            Migrations.run(fallback);
            return;
        }
        try {
            started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Database migration failed: " + e.getCause(), e.getCause());
        }
    }
}
