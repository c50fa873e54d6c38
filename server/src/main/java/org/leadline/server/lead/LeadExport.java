package org.leadline.server.lead;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.leadline.server.platform.persistence.Timestamps;

/**
 * Every lead of a list in the list's order, read by one statement whose rows the database streams
 * (the list's pages one after another, each lead once): the query of a page without the page's
 * cursor and row limit ({@link LeadListQuery}), in the plan a list decides ({@link LeadService#plan}).
 *
 * <p>Read with JDBC rather than the entity manager: a cursor over the entity query hands the
 * entity's converters the driver's own types (a timestamp where the UTC converter takes a local
 * date-time), and the leads are only written out, never changed. Each row becomes a detached
 * {@link Lead} with every persistent field set as the entity manager sets it; nothing is kept
 * after the row is handed on, so an export of any size takes constant memory.
 */
final class LeadExport {

    /** Rows the database sends at a time (PostgreSQL streams only with a fetch size, outside auto-commit). */
    static final int FETCH = 500;

    private LeadExport() {
    }

    /**
     * Streams the leads of {@code filter} in {@code order} to {@code sink}; the connection must not
     * be in auto-commit mode (PostgreSQL would read the whole result first).
     *
     * @return the number of leads handed to {@code sink}
     */
    static long stream(Connection c, String tenantId, LeadFilter filter, LeadSort.Order order, LeadService.Plan plan,
                       Consumer<Lead> sink) throws SQLException {
        if (plan.words() != null && plan.words().isEmpty()) {
            return 0;
        }
        LeadListQuery q = plan.words() != null
                ? LeadListQuery.merging(tenantId, filter, order, plan.words(), null, null, 0)
                : LeadListQuery.paging(tenantId, filter, order, null, null, plan.driver(), 0);
        try (PreparedStatement ps = c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            List<Object> params = q.params();
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.setFetchSize(FETCH);
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                Columns columns = Columns.of(rs.getMetaData());
                while (rs.next()) {
                    sink.accept(columns.read(rs));
                    count++;
                }
            }
            return count;
        }
    }

    /** Which result column fills which persistent field of {@link Lead}, worked out once a statement. */
    private record Columns(int[] index, Field[] fields) {

        private static final Map<String, Field> BY_COLUMN = persistentFields();

        static Columns of(ResultSetMetaData meta) throws SQLException {
            List<Integer> index = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Field f = BY_COLUMN.get(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                if (f != null) {
                    index.add(i);
                    fields.add(f);
                }
            }
            if (fields.size() != BY_COLUMN.size()) {
                throw new IllegalStateException("the export's statement reads " + fields.size() + " of the "
                        + BY_COLUMN.size() + " columns of a lead");
            }
            return new Columns(index.stream().mapToInt(Integer::intValue).toArray(), fields.toArray(Field[]::new));
        }

        Lead read(ResultSet rs) throws SQLException {
            Lead lead = new Lead();
            try {
                for (int i = 0; i < index.length; i++) {
                    fields[i].set(lead, value(rs, index[i], fields[i]));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return lead;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object value(ResultSet rs, int i, Field f) throws SQLException {
            Class<?> type = f.getType();
            if (type == String.class) {
                return rs.getString(i);
            }
            if (type == Instant.class) {
                // as UtcInstantConverter reads it: the stored UTC date-time
                Timestamp t = rs.getTimestamp(i);
                return Timestamps.instant(t);
            }
            if (type == long.class) {
                return rs.getLong(i);
            }
            if (type == Integer.class) {
                int v = rs.getInt(i);
                return rs.wasNull() ? null : v;
            }
            if (type == Boolean.class) {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            }
            if (type == BigDecimal.class) {
                return rs.getBigDecimal(i);
            }
            if (type.isEnum()) {
                String v = rs.getString(i);
                return v == null ? null : Enum.valueOf((Class) type, v);
            }
            throw new IllegalStateException("no column reading for " + f);
        }

        private static Map<String, Field> persistentFields() {
            Map<String, Field> out = new HashMap<>();
            for (Field f : Lead.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                    continue;
                }
                Column column = f.getAnnotation(Column.class);
                if (column == null && f.getAnnotation(Id.class) == null && f.getAnnotation(Version.class) == null
                        && f.getAnnotation(Enumerated.class) == null && !f.getType().isPrimitive()
                        && !f.getType().getName().startsWith("java.")) {
                    continue;
                }
                String name = column != null && !column.name().isEmpty() ? column.name() : f.getName();
                f.setAccessible(true);
                out.put(name.toLowerCase(Locale.ROOT), f);
            }
            return Map.copyOf(out);
        }
    }
}
