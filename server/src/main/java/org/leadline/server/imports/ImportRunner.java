package org.leadline.server.imports;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.server.lead.Lead;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.Database;
import org.leadline.server.platform.persistence.LeadlineDataSource;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.plugins.LeadViews;
import org.leadline.server.plugins.LifecycleBridge;
import org.leadline.server.plugins.LifecycleListeners;
import org.leadline.server.plugins.outbox.Outbox;
import org.leadline.server.plugins.outbox.OutboxEntry;
import org.leadline.server.qualification.Rerating;

/**
 * Runs CSV imports in the background. The uploaded file is read as a stream and written in chunks,
 * each chunk one local JDBC transaction that also saves the job's position (rows read) and
 * counters, so a server stopped mid-import resumes at the next start after the last committed
 * chunk: no row is lost and none is written twice. Memory holds one chunk, whatever the file size.
 */
@ApplicationScoped
public class ImportRunner {

    /** Rows per transaction. */
    public static final String CHUNK_SIZE = "leadline.import.chunk-size";
    /** Error rows kept per import for the report; rows beyond it are still counted as failed. */
    static final int MAX_ERROR_ROWS = 100_000;

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    @Resource(lookup = LeadlineDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ValidatorFactory validatorFactory;

    @Inject
    Rerating rerating;

    @Inject
    LifecycleListeners listeners;

    @Inject
    LifecycleBridge bridge;

    @Inject
    Outbox outbox;

    /**
     * Refreshes PostgreSQL's planner statistics of the tables a bulk import grows: with the
     * statistics of the empty tables, the planner picks nested loops that make a search over the
     * imported leads take minutes until autovacuum gets round to them. Only the tables the import
     * wrote since the last refresh: leads and their search words, and the audit and timeline
     * entries when it updated leads. Derby keeps its own.
     */
    private static void analyze(Connection c, boolean updated) throws SQLException {
        if (!Database.postgresql()) {
            return;
        }
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(updated ? "ANALYZE leads, lead_search_terms, audit_entries, timeline_entries"
                    : "ANALYZE leads, lead_search_terms");
        }
        c.commit();
    }

    static Path file(String tenantId, String jobId) {
        return Settings.dataDir().resolve("imports").resolve(tenantId).resolve(jobId + ".csv");
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    }

    static Reader open(Path file, Charset charset) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in = new java.io.BufferedInputStream(in);
            in.mark(3);
            byte[] head = in.readNBytes(3);
            if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
    }

    void resume(@Observes Startup.Ready ready) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     // Deliberately across tenants: each job then runs bound to its own tenant.
                     "SELECT id, tenant_id FROM import_jobs WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                LOG.info("Resuming import " + rs.getString(1) + " of tenant " + rs.getString(2));
                start(rs.getString(2), rs.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot resume imports", e);
        }
    }

    /** Starts (or resumes) an import; call after the transaction that created it committed. */
    public void start(String tenantId, String jobId) {
        executor.execute(() -> run(tenantId, jobId));
    }

    /** The job's saved state, read with the connection of the run. */
    private static final class Job {
        String fileName;
        String state;
        ImportJob.DuplicatePolicy policy;
        Charset charset;
        char delimiter;
        String mapping;
        String currency;
        String userId;
        long rowsRead;
        long created;
        long updated;
        long duplicates;
        long failed;
        long errorCount;
    }

    private Job load(Connection c, String tenantId, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT file_name, state, duplicate_policy, encoding, delimiter, "
                + "mapping, currency, created_by, rows_read, created_count, updated_count, duplicate_count, failed_count, "
                + "error_count FROM import_jobs WHERE id = ? AND tenant_id = ?")) {
            ps.setString(1, jobId);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Job j = new Job();
                j.fileName = rs.getString(1);
                j.state = rs.getString(2);
                j.policy = ImportJob.DuplicatePolicy.valueOf(rs.getString(3));
                j.charset = Charset.forName(rs.getString(4));
                j.delimiter = rs.getString(5).charAt(0);
                j.mapping = rs.getString(6);
                j.currency = rs.getString(7);
                j.userId = rs.getString(8);
                j.rowsRead = rs.getLong(9);
                j.created = rs.getLong(10);
                j.updated = rs.getLong(11);
                j.duplicates = rs.getLong(12);
                j.failed = rs.getLong(13);
                j.errorCount = rs.getLong(14);
                return j;
            }
        }
    }

    private void run(String tenantId, String jobId) {
        int chunkSize = Settings.get(CHUNK_SIZE).map(Integer::parseInt).orElse(1000);
        boolean wrote;
        try (Connection c = dataSource.getConnection()) {
            try {
                c.setAutoCommit(false);
                wrote = runOn(c, tenantId, jobId, chunkSize);
            } finally {
                // The connection goes back to the pool as the pool gave it.
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + jobId + " of tenant " + tenantId + " stopped", e);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                finish(c, tenantId, jobId, "FAILED", cut(String.valueOf(e), 500));
                c.setAutoCommit(true);
            } catch (SQLException inner) {
                LOG.log(Level.WARNING, "Cannot mark import " + jobId + " failed", inner);
            }
            return;
        }
        // Rating happens in transactions of its own, after the import's connection went back to the pool.
        if (wrote) {
            try {
                rerating.rerateTenant(tenantId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot start re-rating after import " + jobId, e);
            }
        }
    }

    /** One chunk handed from the planner to the writer; {@code last} ends the import. */
    private record Step(List<RowReader.Row> chunk, ChunkPlan plan, boolean last, String parseError, Exception failure) {
        static Step end(String parseError) {
            return new Step(List.of(), null, true, parseError, null);
        }
    }

    /**
     * Runs the import on {@code c}; whether it created or updated leads.
     *
     * <p>Two threads work on it. The planner reads the next chunk from the file, validates its rows
     * and looks up duplicates (on a connection of its own), while this thread writes the chunk
     * before it. The hand-over waits until the writer takes the chunk, so while the planner looks
     * up chunk N+1, chunk N is the only one not yet committed; its keys are passed along in memory
     * ({@link ChunkPlan#createdKeys}) so rows of N+1 still find the leads N creates.
     */
    private boolean runOn(Connection c, String tenantId, String jobId, int chunkSize) throws SQLException, IOException {
        Job job = load(c, tenantId, jobId);
        if (job == null || job.state.equals("DONE") || job.state.equals("FAILED")) {
            c.rollback();
            return false;
        }
        state(c, tenantId, jobId, "RUNNING", null, false);
        c.commit();
        Path file = file(tenantId, jobId);
        LeadColumn[] columns = ColumnMapping.restore(job.mapping);
        boolean sourceMapped = java.util.Arrays.asList(columns).contains(LeadColumn.SOURCE);
        LeadRows store = new LeadRows(c, tenantId, job.userId, jobId, job.fileName);
        Phases writing = store.phases;
        Phases planning = new Phases();
        long began = System.nanoTime();
        SynchronousQueue<Step> handOver = new SynchronousQueue<>();
        AtomicBoolean stopped = new AtomicBoolean();
        long startRow = job.rowsRead;
        Future<?> planner = executor.submit(() -> plan(tenantId, jobId, job, startRow, columns, chunkSize, handOver, stopped, planning));
        String parseError = null;
        try {
            int chunks = 0;
            boolean updatedSinceAnalyze = false;
            writing.start();
            while (true) {
                Step step = handOver.poll(1, TimeUnit.SECONDS);
                writing.end(Phases.Phase.WRITER_WAIT);
                if (step == null) {
                    if (planner.isDone()) {
                        throw new IllegalStateException("The import's reader ended without a result");
                    }
                    continue;
                }
                if (step.failure() instanceof IOException io) {
                    throw io;
                } else if (step.failure() instanceof SQLException sql) {
                    throw sql;
                } else if (step.failure() != null) {
                    throw new IllegalStateException(step.failure());
                }
                if (!step.chunk().isEmpty()) {
                    long updatedBefore = job.updated;
                    write(c, store, tenantId, jobId, job, step.chunk(), step.plan(), sourceMapped);
                    chunks++;
                    updatedSinceAnalyze |= job.updated > updatedBefore;
                    // Whenever what this run wrote has doubled: often while the tables are small (their
                    // statistics go stale fastest), rarely once the statistics are of many rows. The server's
                    // job (PlannerStatistics) refreshes every table changed by a tenth each minute besides.
                    if (Integer.bitCount(chunks) == 1) {
                        analyze(c, updatedSinceAnalyze);
                        updatedSinceAnalyze = false;
                        writing.end(Phases.Phase.ANALYZE);
                    }
                }
                if (step.last()) {
                    parseError = step.parseError();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } finally {
            stopped.set(true);
            planner.cancel(true);
        }
        LOG.info(String.format(java.util.Locale.ROOT, "Import %s of tenant %s: %,d rows in %.1f s; writer: %s; planner: %s",
                jobId, tenantId, job.rowsRead - startRow, (System.nanoTime() - began) / 1e9, writing, planning));
        finish(c, tenantId, jobId, "DONE", parseError == null ? null : "The file " + parseError);
        analyze(c, job.updated > 0);
        Files.deleteIfExists(file);
        return job.created + job.updated > 0;
    }

    /** The planner: reads, validates and plans chunk after chunk, and hands each to the writer. */
    private void plan(String tenantId, String jobId, Job job, long startRow, LeadColumn[] columns, int chunkSize,
                      SynchronousQueue<Step> handOver, AtomicBoolean stopped, Phases phases) {
        Step last;
        try (Reader reader = open(file(tenantId, jobId), job.charset);
             CSVParser parser = CSVParser.parse(reader, format(job.delimiter));
             Connection lookups = dataSource.getConnection()) {
            Iterator<CSVRecord> records = parser.iterator();
            String[] headers = records.next().values();
            RowReader rows = new RowReader(headers, columns, job.currency, rowValidator());
            for (long skip = startRow; skip > 0; skip--) {
                records.next();
            }
            LeadRows probe = new LeadRows(lookups, tenantId, job.userId, jobId, job.fileName);
            Map<String, List<ChunkPlan.Known>> pending = Map.of();
            long read = startRow;
            phases.start();
            while (true) {
                String parseError = null;
                List<RowReader.Row> chunk = new ArrayList<>(chunkSize);
                try {
                    while (chunk.size() < chunkSize && records.hasNext()) {
                        CSVRecord record = records.next();
                        chunk.add(rows.read(record.getRecordNumber(), record.toList()));
                    }
                } catch (RuntimeException e) {
                    // A quote left open swallows the rest of the file: that row fails, and reading ends.
                    parseError = "is not valid CSV (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                            + "); reading stopped here";
                    long row = read + chunk.size() + 2;
                    chunk.add(new RowReader.Row(row, null, List.of(new FieldError("(row)", cut(parseError, 400)))));
                }
                read += chunk.size();
                phases.end(Phases.Phase.READ);
                if (chunk.isEmpty()) {
                    last = Step.end(null);
                    break;
                }
                ChunkPlan plan = ChunkPlan.of(chunk, job.policy, probe, job.userId, pending);
                pending = plan.createdKeys;
                phases.end(Phases.Phase.DUPLICATE_CHECK);
                plan.newRows = probe.prepare(plan.creates, Timestamps.now());
                phases.end(Phases.Phase.PREPARE);
                boolean end = chunk.size() < chunkSize || parseError != null;
                if (!hand(handOver, new Step(chunk, plan, end, parseError, null), stopped)) {
                    return;
                }
                phases.end(Phases.Phase.PLAN_WAIT);
                if (end) {
                    return;
                }
            }
        } catch (IOException | SQLException | RuntimeException e) {
            last = new Step(List.of(), null, true, null, e);
        }
        hand(handOver, last, stopped);
    }

    /**
     * The validator of an import's rows: a plain one rather than the container's proxy (a reflective
     * call per row), and without asking JPA whether each property is loaded, as rows are records.
     */
    private Validator rowValidator() {
        return validatorFactory.usingContext().traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, jakarta.validation.Path.Node property, Class<?> rootType,
                                       jakarta.validation.Path path, ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, jakarta.validation.Path.Node property, Class<?> rootType,
                                        jakarta.validation.Path path, ElementType type) {
                return true;
            }
        }).getValidator();
    }

    /** Hands a step to the writer; false when the writer stopped. */
    private static boolean hand(SynchronousQueue<Step> handOver, Step step, AtomicBoolean stopped) {
        try {
            while (!handOver.offer(step, 1, TimeUnit.SECONDS)) {
                if (stopped.get()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Tells the tenant's lifecycle listeners of the leads a chunk created ({@code CREATED}, with
     * {@code arrivedBy: IMPORT}) or updated ({@code UPDATED}, with {@code change: IMPORT}), both with
     * the import's id, as the API does: those called in the transaction now, the others through
     * outbox entries written in the chunk's transaction. Answers whether outbox entries were written.
     */
    private boolean announce(Connection c, LeadRows store, String tenantId, String jobId, String userId,
                             List<Lead> created, List<LeadRows.Existing> updated, Instant now) throws SQLException {
        if ((created.isEmpty() && updated.isEmpty()) || !listeners.wanted(tenantId)) {
            return false;
        }
        List<OutboxEntry> entries = new ArrayList<>();
        Map<String, String> details = Map.of("arrivedBy", "IMPORT", "importId", jobId);
        List<LeadLifecycleEvent> events = new ArrayList<>(created.size() + updated.size());
        for (Lead lead : created) {
            events.add(new LeadLifecycleEvent(LeadLifecycleEvent.Kind.CREATED,
                    LeadViews.of(lead, LeadViews.Related.NONE), userId, now, details));
        }
        if (!updated.isEmpty()) {
            Map<String, String> changed = Map.of("change", "IMPORT", "importId", jobId);
            for (org.leadline.plugin.api.LeadView view : store.views(updated.stream().map(LeadRows.Existing::id).toList())) {
                events.add(new LeadLifecycleEvent(LeadLifecycleEvent.Kind.UPDATED, view, userId, now, changed));
            }
        }
        for (LeadLifecycleEvent event : events) {
            bridge.deliverInTransaction(tenantId, event);
            entries.addAll(outbox.entries(tenantId, event));
        }
        outbox.add(c, entries);
        return !entries.isEmpty();
    }

    /** Writes one chunk and its progress in one transaction; a chunk the database refuses is retried row by row. */
    private void write(Connection c, LeadRows store, String tenantId, String jobId, Job job,
                       List<RowReader.Row> chunk, ChunkPlan plan, boolean sourceMapped) throws SQLException {
        try {
            commitChunk(c, store, tenantId, jobId, job, chunk, plan, sourceMapped);
        } catch (SQLException e) {
            c.rollback();
            LOG.log(Level.FINE, "Import chunk refused; writing its rows one by one", e);
            for (RowReader.Row row : chunk) {
                try {
                    commitChunk(c, store, tenantId, jobId, job, List.of(row),
                            ChunkPlan.of(List.of(row), job.policy, store, job.userId, Map.of()), sourceMapped);
                } catch (SQLException rowError) {
                    c.rollback();
                    RowReader.Row failed = new RowReader.Row(row.number(), null,
                            List.of(new FieldError("(row)", cut("could not be stored: " + rowError.getMessage(), 400))));
                    commitChunk(c, store, tenantId, jobId, job, List.of(failed),
                            ChunkPlan.of(List.of(failed), job.policy, store, job.userId, Map.of()), sourceMapped);
                }
            }
        }
    }

    private void commitChunk(Connection c, LeadRows store, String tenantId, String jobId, Job job,
                             List<RowReader.Row> chunk, ChunkPlan plan, boolean sourceMapped) throws SQLException {
        Instant now = Timestamps.now();
        Phases phases = store.phases;
        phases.start();
        if (plan.newRows != null) {
            store.insert(plan.newRows);
        } else {
            store.insert(plan.creates, now);
        }
        store.update(plan.updateTargets, plan.updateRows, sourceMapped, now);
        phases.end(Phases.Phase.UPDATES);
        boolean told = announce(c, store, tenantId, jobId, job.userId, plan.creates, plan.updateTargets, now);
        phases.end(Phases.Phase.ANNOUNCE);
        long errorCount = job.errorCount;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_errors "
                + "(import_id, seq, tenant_id, row_no, field_name, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (ChunkPlan.Outcome o : plan.outcomes) {
                for (FieldError e : o.errors()) {
                    if (errorCount < MAX_ERROR_ROWS) {
                        ps.setString(1, jobId);
                        ps.setLong(2, errorCount);
                        ps.setString(3, tenantId);
                        ps.setLong(4, o.row());
                        ps.setString(5, cut(e.field(), 100));
                        ps.setString(6, cut(e.reason(), 500));
                        ps.addBatch();
                        any = true;
                    }
                    errorCount++;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
        long rowsRead = job.rowsRead + chunk.size();
        long created = job.created + plan.count(ChunkPlan.Result.CREATE);
        long updated = job.updated + plan.count(ChunkPlan.Result.UPDATE);
        long duplicates = job.duplicates + plan.count(ChunkPlan.Result.DUPLICATE);
        long failed = job.failed + plan.count(ChunkPlan.Result.ERROR);
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_jobs SET rows_read = ?, created_count = ?, "
                + "updated_count = ?, duplicate_count = ?, failed_count = ?, error_count = ?, updated_at = ? "
                + "WHERE id = ? AND tenant_id = ? AND rows_read = ?")) {
            ps.setLong(1, rowsRead);
            ps.setLong(2, created);
            ps.setLong(3, updated);
            ps.setLong(4, duplicates);
            ps.setLong(5, failed);
            ps.setLong(6, errorCount);
            ps.setTimestamp(7, LeadRows.timestamp(now));
            ps.setString(8, jobId);
            ps.setString(9, tenantId);
            ps.setLong(10, job.rowsRead);
            if (ps.executeUpdate() != 1) {
                c.rollback();
                throw new IllegalStateException("Import " + jobId + " moved on elsewhere; this run stops");
            }
        }
        phases.end(Phases.Phase.PROGRESS);
        c.commit();
        phases.end(Phases.Phase.COMMIT);
        if (told) {
            outbox.wake();
        }
        job.rowsRead = rowsRead;
        job.created = created;
        job.updated = updated;
        job.duplicates = duplicates;
        job.failed = failed;
        job.errorCount = errorCount;
    }

    private static void state(Connection c, String tenantId, String jobId, String state, String lastError, boolean finished)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_jobs SET state = ?, last_error = COALESCE(?, last_error), "
                + "updated_at = ?, finished_at = ? WHERE id = ? AND tenant_id = ?")) {
            Instant now = Timestamps.now();
            ps.setString(1, state);
            ps.setString(2, lastError);
            ps.setTimestamp(3, LeadRows.timestamp(now));
            if (finished) {
                ps.setTimestamp(4, LeadRows.timestamp(now));
            } else {
                ps.setNull(4, java.sql.Types.TIMESTAMP);
            }
            ps.setString(5, jobId);
            ps.setString(6, tenantId);
            ps.executeUpdate();
        }
    }

    private static void finish(Connection c, String tenantId, String jobId, String state, String lastError)
            throws SQLException {
        state(c, tenantId, jobId, state, lastError, true);
        c.commit();
    }

    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() > max ? text.substring(0, max) : text;
    }
}
