package org.leadline.server.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart's short cut: the change log's change sets as read without Liquibase are exactly the
 * ones Liquibase records, and only a database that records all of them skips Liquibase.
 */
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void theChangeSetsReadFromTheChangeLogAreTheOnesLiquibaseRecords() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection()) {
            assertFalse(Migrations.recordedInFull(c).isPresent(), "a new database has no change log table");
        }

        Migrations.run(ds);

        List<String> expected = Migrations.changeSets(Migrations.class.getClassLoader(), "derby").orElseThrow();
        Set<String> recorded = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, author, filename FROM databasechangelog")) {
            while (r.next()) {
                recorded.add(Migrations.key(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        assertEquals(recorded, new HashSet<>(expected));
        try (Connection c = ds.getConnection()) {
            assertEquals(expected.size(), Migrations.recordedInFull(c).orElseThrow());
        }

        // Up to date: the second run takes the short cut and changes nothing.
        Migrations.run(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
                r.next();
                assertEquals(expected.size(), r.getInt(1));
            }
            // One change set not recorded (a newer release's, or another node still migrating): Liquibase decides.
            s.executeUpdate("DELETE FROM databasechangelog WHERE id = '026-extension-default-on'");
            assertFalse(Migrations.recordedInFull(c).isPresent());
        }
    }

    @Test
    void changeSetsOfTheOtherDatabaseAreNotExpected() {
        List<String> derby = Migrations.changeSets(Migrations.class.getClassLoader(), "derby").orElseThrow();
        List<String> postgresql = Migrations.changeSets(Migrations.class.getClassLoader(), "postgresql").orElseThrow();
        String both = "001-leads::leadline::db/changelog/001-foundation.xml";
        assertTrue(derby.contains(both) && postgresql.contains(both));
        assertTrue(derby.contains("020-search-newest-first-derby::leadline::db/changelog/020-search-newest-first.xml"));
        assertFalse(postgresql.contains("020-search-newest-first-derby::leadline::db/changelog/020-search-newest-first.xml"));
        assertTrue(postgresql.contains("020-search-newest-first::leadline::db/changelog/020-search-newest-first.xml"));
    }

    @Test
    void onlyAFullRecordSkipsLiquibase() {
        List<String> expected = List.of("a::x::f.xml", "b::x::f.xml");
        assertTrue(Migrations.pending(expected, Set.of("a::x::f.xml", "b::x::f.xml", "old::x::g.xml")).isEmpty());
        assertEquals(List.of("b::x::f.xml"), Migrations.pending(expected, Set.of("a::x::f.xml")));
        assertEquals("derby", Migrations.dbms("Apache Derby"));
        assertEquals("postgresql", Migrations.dbms("PostgreSQL"));
        assertEquals(null, Migrations.dbms("Oracle"));
    }
}
