package org.leadline.server.imports;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One CSV import: the settings it runs with and its progress. The job itself writes its progress
 * with plain JDBC in the transaction of each chunk of leads; the API reads it through this entity,
 * scoped to the caller's tenant.
 */
@Entity
@Table(name = "import_jobs")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class ImportJob {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What happens to a row that matches an existing lead of the tenant. */
    public enum DuplicatePolicy { SKIP, UPDATE, CREATE }

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "file_name", length = 200) private String fileName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private State state;
    @Enumerated(EnumType.STRING)
    @Column(name = "duplicate_policy", nullable = false, length = 16) private DuplicatePolicy policy;
    @Column(nullable = false, length = 32) private String encoding;
    @Column(nullable = false, length = 1) private String delimiter;
    @Column(nullable = false, length = 8000) private String mapping;
    @Column(nullable = false, length = 3) private String currency;
    @Column(name = "size_bytes", nullable = false) private long sizeBytes;
    @Column(name = "rows_read", nullable = false) private long rowsRead;
    @Column(name = "created_count", nullable = false) private long created;
    @Column(name = "updated_count", nullable = false) private long updated;
    @Column(name = "duplicate_count", nullable = false) private long duplicates;
    @Column(name = "failed_count", nullable = false) private long failed;
    @Column(name = "error_count", nullable = false) private long errorCount;
    @Column(name = "last_error", length = 500) private String lastError;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "finished_at") private Instant finishedAt;

    protected ImportJob() {
    }

    ImportJob(String id, String fileName, DuplicatePolicy policy, String encoding, char delimiter, String mapping,
              String currency, long sizeBytes, String createdBy, Instant now) {
        this.id = id;
        this.fileName = fileName;
        this.state = State.QUEUED;
        this.policy = policy;
        this.encoding = encoding;
        this.delimiter = String.valueOf(delimiter);
        this.mapping = mapping;
        this.currency = currency;
        this.sizeBytes = sizeBytes;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String fileName() { return fileName; }
    public State state() { return state; }
    public DuplicatePolicy policy() { return policy; }
    public String encoding() { return encoding; }
    public char delimiter() { return delimiter.charAt(0); }
    public String mapping() { return mapping; }
    public String currency() { return currency; }
    public long sizeBytes() { return sizeBytes; }
    public long rowsRead() { return rowsRead; }
    public long created() { return created; }
    public long updated() { return updated; }
    public long duplicates() { return duplicates; }
    public long failed() { return failed; }
    public long errorCount() { return errorCount; }
    public String lastError() { return lastError; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant finishedAt() { return finishedAt; }
}
