package org.leadline.server.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with the Liquibase change log, on Derby and PostgreSQL alike. Runs
 * once at start, before anything reads or writes; a failure stops the start.
 */
public final class Migrations {

    public static final String CHANGELOG = "db/changelog/leadline.xml";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    public static void run(DataSource dataSource) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would shut the whole embedded database down when it is done.
                derby.setShutdownEmbeddedDerby(false);
            }
            // Not closed: closing would close the pooled connection under the pool's feet.
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
            liquibase.update(new Contexts(), new LabelExpression());
            LOG.info(() -> "Schema is up to date on " + database.getDatabaseProductName() + " ("
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }
}
