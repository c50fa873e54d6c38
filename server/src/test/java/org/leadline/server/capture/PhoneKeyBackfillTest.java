package org.leadline.server.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leads stored before phone keys existed get them at start, without touching anything else. */
class PhoneKeyBackfillTest {

    @TempDir
    Path dir;

    @Test
    void rowsWithoutKeysGetThemAndTheirVersionStays() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leads (id VARCHAR(36) PRIMARY KEY, business_phone VARCHAR(40), mobile_phone VARCHAR(40),"
                    + " country VARCHAR(2), business_phone_key VARCHAR(20), mobile_phone_key VARCHAR(20), version BIGINT)");
            c.setAutoCommit(false);
            for (int i = 0; i < 1203; i++) {
                s.execute("INSERT INTO leads VALUES ('id-" + String.format("%05d", i) + "', '030 1234" + String.format("%03d", i % 1000)
                        + "', NULL, 'DE', NULL, NULL, 7)");
            }
            s.execute("INSERT INTO leads VALUES ('at', '0662 123456', '+43 664 1234567', 'AT', NULL, NULL, 3)");
            s.execute("INSERT INTO leads VALUES ('junk', 'ask the receptionist', NULL, NULL, NULL, NULL, 1)");
            c.commit();
        }
        try (Connection c = ds.getConnection()) {
            assertEquals(1205, PhoneKeyBackfill.run(c));
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT business_phone_key, mobile_phone_key, version FROM leads WHERE id = 'at'")) {
                r.next();
                assertEquals("+43662123456", r.getString(1));
                assertEquals("+436641234567", r.getString(2));
                assertEquals(3, r.getLong(3));
            }
            try (ResultSet r = s.executeQuery("SELECT business_phone_key FROM leads WHERE id = 'id-01002'")) {
                r.next();
                assertEquals("+49301234002", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT business_phone_key FROM leads WHERE id = 'junk'")) {
                r.next();
                assertNull(r.getString(1));
            }
        }
        // Run again, only the unreadable one is looked at.
        try (Connection c = ds.getConnection()) {
            assertEquals(1, PhoneKeyBackfill.run(c));
        }
    }
}
