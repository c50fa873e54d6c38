package org.leadline.server.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.leadline.server.platform.persistence.LeadlineDataSource;
import org.leadline.server.platform.persistence.Migrations;

/**
 * The start sequence: migrate the schema, then let the features prepare themselves by observing
 * {@link Ready} (first-start accounts, plugins). Nothing touches the database before migration.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    /** Fired once the schema is up to date. */
    public record Ready() {
    }

    @Resource(lookup = LeadlineDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<Ready> ready;

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
        try {
            Migrations.run(dataSource);
            ready.fire(new Ready());
            started = true;
            LOG.info("Leadline is ready");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Leadline failed to start: " + e.getMessage(), e);
            throw e;
        }
    }

    public boolean isStarted() {
        return started;
    }
}
