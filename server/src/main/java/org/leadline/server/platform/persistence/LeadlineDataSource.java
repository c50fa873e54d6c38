package org.leadline.server.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * Declares the pooled data source every part of the server uses, {@value #JNDI_NAME}.
 *
 * <p>Without an explicit definition a persistence unit falls back to the container's built-in
 * database; naming this one in {@code persistence.xml} prevents that.
 *
 * <p>Every connection works at READ COMMITTED on both databases, whatever the database server's
 * own default says (PostgreSQL's {@code default_transaction_isolation} may be set otherwise): the
 * checks that wait on a row lock for a concurrent transaction and then look again, such as the
 * duplicate check of a new lead ({@code capture/DuplicateGuard}), need each statement to see what
 * was committed before the statement began, not before the transaction began.
 */
@DataSourceDefinition(
        name = LeadlineDataSource.JNDI_NAME,
        className = "org.leadline.server.platform.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2,
        maxIdleTime = 300,
        isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED)
public final class LeadlineDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/leadline";

    private LeadlineDataSource() {
    }
}
