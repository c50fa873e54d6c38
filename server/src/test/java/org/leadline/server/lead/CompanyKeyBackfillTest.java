package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leads and accounts stored with the old company key get the key without legal form, in batches, and nothing else changes. */
class CompanyKeyBackfillTest {

    @TempDir
    Path dir;

    @Test
    void leadsTheirSearchRowsAndAccountsGetTheNewKeyAndTheirVersionStays() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        int n = CompanyKeyBackfill.BATCH * 2 + 17;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leads (id VARCHAR(36) PRIMARY KEY, company_name VARCHAR(200), company_key VARCHAR(200) NOT NULL,"
                    + " version BIGINT)");
            s.execute("CREATE TABLE lead_search_terms (lead_id VARCHAR(36), term VARCHAR(100), company_key VARCHAR(200),"
                    + " PRIMARY KEY (lead_id, term))");
            s.execute("CREATE TABLE accounts (id VARCHAR(36) PRIMARY KEY, name VARCHAR(200), name_key VARCHAR(200))");
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                String id = String.format("id-%05d", i);
                s.execute("INSERT INTO leads VALUES ('" + id + "', 'ACME " + i + " GmbH', 'acme " + i + " gmbh', 7)");
                s.execute("INSERT INTO lead_search_terms VALUES ('" + id + "', 'acme', 'acme " + i + " gmbh')");
                s.execute("INSERT INTO lead_search_terms VALUES ('" + id + "', '" + i + "', 'acme " + i + " gmbh')");
            }
            s.execute("INSERT INTO leads VALUES ('none', NULL, '', 3)");
            s.execute("INSERT INTO leads VALUES ('same', 'Acme', 'acme', 3)");
            s.execute("INSERT INTO accounts VALUES ('a1', 'Müller Maschinenbau GmbH & Co. KG', 'müller maschinenbau')");
            c.commit();
        }
        try (Connection c = ds.getConnection()) {
            assertEquals(n, CompanyKeyBackfill.leads(c));
            assertEquals(1, CompanyKeyBackfill.accounts(c));
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT company_key, version FROM leads WHERE id = 'id-02016'")) {
                r.next();
                assertEquals("acme 2016", r.getString(1));
                assertEquals(7, r.getLong(2));
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM lead_search_terms WHERE company_key LIKE '% gmbh'")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("SELECT company_key FROM lead_search_terms WHERE lead_id = 'id-00005' AND term = 'acme'")) {
                r.next();
                assertEquals("acme 5", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT name_key FROM accounts WHERE id = 'a1'")) {
                r.next();
                assertEquals("muller maschinenbau", r.getString(1));
            }
        }
        try (Connection c = ds.getConnection()) {
            assertEquals(0, CompanyKeyBackfill.leads(c), "a second run finds nothing left to change");
        }
    }
}
