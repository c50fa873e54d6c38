package org.leadline.server.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with the Liquibase change log, on Derby and PostgreSQL alike. Runs
 * once at start, before anything reads or writes; a failure stops the start.
 *
 * <p>A restart on a schema that is already up to date skips Liquibase: when the database's
 * {@code DATABASECHANGELOG} already records every change set of the change log that applies to it
 * (read from the change log's files with a plain XML parser, see {@link #pending}), there is
 * nothing to run. Liquibase records a change set in the transaction that runs it, so a recorded
 * change set has run, and a node that finds them all recorded while another node migrates can only
 * find what that node committed. Anything else (a change set missing, no change log table yet,
 * a change log this check does not fully understand, any error) runs Liquibase's normal update
 * under its lock.
 */
public final class Migrations {

    public static final String CHANGELOG = "db/changelog/leadline.xml";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    public static void run(DataSource dataSource) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Optional<Integer> upToDate = recordedInFull(connection);
            if (upToDate.isPresent()) {
                LOG.info(() -> "Schema is up to date on " + product(connection) + ": all " + upToDate.get()
                        + " change sets recorded (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
                return;
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would shut the whole embedded database down when it is done.
                derby.setShutdownEmbeddedDerby(false);
            }
            // Not closed: closing would close the pooled connection under the pool's feet.
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
            // No usage reports to liquibase.com from a server (Liquibase 4.30+ sends them by default).
            Scope.child(Map.of("liquibase.analytics.enabled", Boolean.FALSE),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
            LOG.info(() -> "Schema is up to date on " + database.getDatabaseProductName() + " ("
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }

    private static String product(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return "the database";
        }
    }

    /**
     * The number of change sets when the database records every one of the change log that applies
     * to it; empty when one is missing or anything is uncertain (then Liquibase decides).
     */
    static Optional<Integer> recordedInFull(Connection connection) {
        try {
            String dbms = dbms(connection.getMetaData().getDatabaseProductName());
            if (dbms == null) {
                return Optional.empty();
            }
            Set<String> recorded = new HashSet<>();
            boolean autoCommit = connection.getAutoCommit();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, author, filename FROM databasechangelog")) {
                while (rs.next()) {
                    recorded.add(key(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            } finally {
                if (!autoCommit) {
                    connection.rollback();
                }
            }
            if (recorded.isEmpty()) {
                return Optional.empty();
            }
            // Read only when the database has a change log (a new one has none: nothing to skip).
            Optional<List<String>> expected = changeSets(Migrations.class.getClassLoader(), dbms);
            if (expected.isEmpty()) {
                return Optional.empty();
            }
            return pending(expected.get(), recorded).isEmpty() ? Optional.of(expected.get().size()) : Optional.empty();
        } catch (SQLException | RuntimeException e) {
            // No change log table yet (a new database), or anything unexpected: Liquibase decides.
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the update below reports a broken connection
            }
            return Optional.empty();
        }
    }

    /** The change sets of {@code expected} not in {@code recorded}. */
    static List<String> pending(List<String> expected, Set<String> recorded) {
        return expected.stream().filter(k -> !recorded.contains(k)).toList();
    }

    static String key(String id, String author, String file) {
        return id + "::" + author + "::" + file;
    }

    /** Liquibase's short name of the database, as change sets name it in {@code dbms}; null if not ours. */
    static String dbms(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        return p.contains("derby") ? "derby" : p.contains("postgres") ? "postgresql" : null;
    }

    /**
     * The keys ({@code id::author::file}) of the change sets of the change log that run on
     * {@code dbms}, in order; empty when the change log uses anything this reading does not model
     * (contexts, labels, change sets that run again, includes of folders, other dbms expressions,
     * logical file paths), so that Liquibase decides.
     */
    static Optional<List<String>> changeSets(ClassLoader loader, String dbms) {
        List<String> keys = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try {
            if (!read(loader, CHANGELOG, dbms, keys, files)) {
                return Optional.empty();
            }
            for (String file : files) {
                if (!read(loader, file, dbms, keys, null)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return Optional.empty();
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    /** Reads one file's change sets (and, in the root, its includes); false when uncertain. */
    private static boolean read(ClassLoader loader, String file, String dbms, List<String> keys, List<String> includes)
            throws IOException, SAXException, ParserConfigurationException {
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                return false;
            }
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = factory.newSAXParser();
            boolean[] certain = {true};
            parser.parse(new InputSource(in), new DefaultHandler() {
                private int depth;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes a) {
                    depth++;
                    if (depth == 1) {
                        certain[0] &= "databaseChangeLog".equals(localName) && a.getValue("logicalFilePath") == null;
                    } else if (depth == 2) {
                        switch (localName) {
                            case "include" -> {
                                String path = a.getValue("file");
                                if (includes == null || path == null || a.getLength() != 1) {
                                    certain[0] = false;
                                } else {
                                    includes.add(path);
                                }
                            }
                            case "changeSet" -> {
                                for (String attribute : List.of("runAlways", "runOnChange", "context", "contextFilter",
                                        "labels", "logicalFilePath", "ignore", "created", "runWith")) {
                                    if (a.getValue(attribute) != null && !"false".equals(a.getValue(attribute))) {
                                        certain[0] = false;
                                    }
                                }
                                String only = a.getValue("dbms");
                                if (only != null && !only.matches("derby|postgresql")) {
                                    certain[0] = false;
                                }
                                if (a.getValue("id") == null || a.getValue("author") == null) {
                                    certain[0] = false;
                                } else if (only == null || only.equals(dbms)) {
                                    keys.add(key(a.getValue("id"), a.getValue("author"), file));
                                }
                            }
                            case "property", "preConditions", "includeAll", "changeLogPropertyDefined" -> certain[0] = false;
                            default -> {
                                // comments and the like
                            }
                        }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    depth--;
                }
            });
            return certain[0];
        }
    }
}
