package org.leadline.server.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * Declares the pooled data source every part of the server uses, {@value #JNDI_NAME}.
 *
 * <p>Without an explicit definition a persistence unit falls back to the container's built-in
 * database; naming this one in {@code persistence.xml} prevents that.
 */
@DataSourceDefinition(
        name = LeadlineDataSource.JNDI_NAME,
        className = "org.leadline.server.platform.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2,
        maxIdleTime = 300)
public final class LeadlineDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/leadline";

    private LeadlineDataSource() {
    }
}
