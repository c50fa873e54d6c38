package org.leadline.server.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A change of the schema's change log that fills values computed in Java into stored rows: it runs
 * once per database, whichever node migrates it, on the migration's connection. Subclasses fill
 * (in batches, committing each) and say what they filled.
 */
public abstract class Backfill implements CustomTaskChange {

    private static final Logger LOG = Logger.getLogger(Backfill.class.getName());

    private int filled;

    /** Fills the rows that need it; how many it changed. */
    protected abstract int fill(Connection connection) throws SQLException;

    /** What {@code count} changed rows are, for the log and Liquibase's confirmation ("phone keys of 3 leads filled"). */
    protected abstract String describe(int count);

    @Override
    public void execute(Database database) throws CustomChangeException {
        try {
            filled = fill(((JdbcConnection) database.getConnection()).getUnderlyingConnection());
            if (filled > 0) {
                LOG.info(describe(filled));
            }
        } catch (SQLException e) {
            throw new CustomChangeException(getClass().getSimpleName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return describe(filled);
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor accessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
