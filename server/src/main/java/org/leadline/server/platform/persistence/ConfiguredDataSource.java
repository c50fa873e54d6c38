package org.leadline.server.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.leadline.server.platform.Settings;

/**
 * The JDBC connection factory behind the server's pooled data source.
 *
 * <p>The container pools connections from this class (see {@link LeadlineDataSource}); this class
 * only opens them. It reads the database URL and credentials from MicroProfile Config when it is
 * created, so one build serves embedded Derby (the default: a database in the data directory) and
 * PostgreSQL (set {@code leadline.db.url}). Drivers are found through the application's own class
 * loader, not through {@code DriverManager}, whose registry in an application server belongs to
 * whichever class loader touched it first.
 */
public class ConfiguredDataSource implements DataSource {

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    private final long lockTimeoutMillis;
    private int loginTimeout;

    public ConfiguredDataSource() {
        this.url = Settings.dbUrl();
        Settings.dbUser().ifPresent(u -> credentials.setProperty("user", u));
        Settings.dbPassword().ifPresent(p -> credentials.setProperty("password", p));
        if (url.startsWith("jdbc:derby:") && System.getProperty("derby.stream.error.file") == null) {
            // Derby writes its own log; keep it beside the data instead of the working directory.
            try {
                java.nio.file.Files.createDirectories(Settings.dataDir());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create the data directory " + Settings.dataDir(), e);
            }
            System.setProperty("derby.stream.error.file", Settings.dataDir().resolve("derby.log").toString());
        }
        this.lockTimeoutMillis = Settings.dbLockTimeout().toMillis();
        if (url.startsWith("jdbc:derby:") && System.getProperty("derby.locks.waitTimeout") == null) {
            // read by Derby when it boots the database, in whole seconds
            System.setProperty("derby.locks.waitTimeout", Long.toString(Math.max(1, lockTimeoutMillis / 1000)));
        }
        this.driver = findDriver(url);
    }

    private static Driver findDriver(String url) {
        ClassLoader loader = ConfiguredDataSource.class.getClassLoader();
        for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
            try {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            } catch (SQLException ignored) {
                // a driver that cannot judge the URL is not the one we want
            }
        }
        if (url.startsWith("jdbc:derby:")) {
            return new org.apache.derby.jdbc.EmbeddedDriver();
        }
        throw new IllegalStateException("No JDBC driver for " + Redaction.url(url)
                + "; supported are jdbc:derby: (embedded) and jdbc:postgresql:");
    }

    public String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, credentials);
        if (connection == null) {
            throw new SQLException("Driver refused URL " + Redaction.url(url));
        }
        return StatementCount.counting(bounded(connection));
    }

    /** On PostgreSQL, sets the connection's lock timeout (Derby's is the system property above). */
    private Connection bounded(Connection connection) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SET lock_timeout = " + lockTimeoutMillis);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties props = new Properties();
        if (username != null) {
            props.setProperty("user", username);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return StatementCount.counting(bounded(driver.connect(url, props)));
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connection logging is the pool's business
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
