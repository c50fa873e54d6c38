package org.leadline.server.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format: one line per row, columns
 * separated by tabs, {@code \N} for null, and backslash, tab, newline and carriage return escaped.
 * COPY loads a chunk in one command where a JDBC batch sends a statement per row; for the import
 * that halves the time the database spends on a chunk.
 */
final class CopyRows {

    private final StringBuilder text;
    private boolean rowStarted;

    CopyRows() {
        this(256 * 1024);
    }

    private CopyRows(int capacity) {
        text = new StringBuilder(capacity);
    }

    /** Adds the next column of the current row. */
    CopyRows add(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof Timestamp || value instanceof Number) {
            text.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /**
     * Adds the next columns of the current row as text made by {@link #text} before: for values that
     * repeat on many rows (a lead's on each of its search words), written and escaped once.
     */
    CopyRows addText(String columns) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        text.append(columns);
        return this;
    }

    /** The text of values as {@link #addText} takes it: the columns as {@link #add} writes them, tab-separated. */
    static String text(Object... values) {
        CopyRows one = new CopyRows(64);
        for (Object value : values) {
            one.add(value);
        }
        return one.text.toString();
    }

    /** Ends the current row. */
    void endRow() {
        text.append('\n');
        rowStarted = false;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** The rows as the bytes COPY reads (UTF-8, the driver's client encoding), and forgets them. */
    byte[] take() {
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        text.setLength(0);
        rowStarted = false;
        return bytes;
    }

    /** Copies rows {@link #take() taken} before into {@code table (columns)}; returns the number of rows. */
    static long copyInto(Connection connection, String table, String columns, byte[] rows) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new java.io.ByteArrayInputStream(rows));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** Copies the rows into {@code table (columns)} and forgets them; returns the number of rows. */
    long copyInto(Connection connection, String table, String columns) throws SQLException {
        return copyInto(connection, table, columns, take());
    }

    private void escape(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !special(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            text.append(s);
            return;
        }
        text.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
