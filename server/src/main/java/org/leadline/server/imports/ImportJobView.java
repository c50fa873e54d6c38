package org.leadline.server.imports;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.problem.FieldError;

/** A CSV import: its settings and how far it has come. */
@Schema(name = "ImportJob", description = "A CSV import running in the background; the answer to the upload also "
        + "says what was detected (byteOrderMark, mapping)")
public record ImportJobView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull @Schema(implementation = String.class, enumeration = {"QUEUED", "RUNNING", "DONE", "FAILED"})
        ImportJob.State state,
        @NotNull @Schema(implementation = String.class, enumeration = {"SKIP", "UPDATE", "CREATE"},
                description = "What happens to a row matching an existing lead") ImportJob.DuplicatePolicy policy,
        @NotNull @Schema(description = "The character encoding the file was read with", example = "UTF-8") String encoding,
        @NotNull @Schema(description = "The column separator", example = ";") String delimiter,
        @NotNull @Schema(description = "The currency of amounts without one", example = "EUR") String currency,
        @NotNull Long sizeBytes,
        @NotNull @Schema(description = "Data rows read so far") Long rowsRead,
        @NotNull @Schema(description = "Leads created") Long created,
        @NotNull @Schema(description = "Leads updated (policy UPDATE)") Long updated,
        @NotNull @Schema(description = "Rows skipped as duplicates (policy SKIP)") Long skippedAsDuplicate,
        @NotNull @Schema(description = "Rows not imported") Long failed,
        @NotNull @Schema(description = "Lines in the error report") Long errors,
        @NotNull @Schema(format = "uuid") String createdBy,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @Schema(description = "The name given with the upload") String fileName,
        Instant finishedAt,
        @Schema(description = "Why the import stopped, when it failed") String lastError,
        @Schema(description = "In the answer to the upload: whether the file started with a UTF-8 byte order mark")
        Boolean byteOrderMark,
        @Schema(implementation = Mapping.class, description = "In the answer to the upload: how the columns map to "
                + "lead fields") JsonObject mapping) {

    static ImportJobView of(ImportJob j) {
        return of(j, null, null);
    }

    static ImportJobView of(ImportJob j, Boolean byteOrderMark, JsonObject mapping) {
        return new ImportJobView(j.id(), j.state(), j.policy(), j.encoding(), String.valueOf(j.delimiter()),
                j.currency(), j.sizeBytes(), j.rowsRead(), j.created(), j.updated(), j.duplicates(), j.failed(),
                j.errorCount(), j.createdBy(), j.createdAt(), j.updatedAt(), j.fileName(), j.finishedAt(),
                j.lastError(), byteOrderMark, mapping);
    }

    /** A page of the imports, newest first. */
    @Schema(name = "ImportJobList")
    public record Jobs(@NotNull List<ImportJobView> items, @NotNull org.leadline.api.page.PageInfo page) {
    }

    /** How the file's columns map to lead fields. */
    @Schema(name = "ImportMapping")
    public record Mapping(
            @NotNull List<MappedColumn> columns,
            @NotNull @Schema(description = "Columns left out on purpose") List<String> ignored,
            @NotNull @Schema(description = "Columns no lead field was found for") List<String> unmapped,
            @NotNull @Schema(description = "Every lead field a column can be mapped to, by the names the mapping "
                    + "parameter takes") List<String> fields) {
    }

    /** A column and the lead field it fills. */
    @Schema(name = "ImportMappedColumn")
    public record MappedColumn(@NotNull String column, @NotNull String field) {
    }

    /** What an import of the file would do, without storing anything. */
    @Schema(name = "ImportDryRun")
    public record DryRun(
            @NotNull String encoding,
            @NotNull Boolean byteOrderMark,
            @NotNull String delimiter,
            @NotNull @Schema(implementation = Mapping.class) JsonObject mapping,
            @NotNull @Schema(enumeration = "true") Boolean dryRun,
            @NotNull @Schema(implementation = String.class, enumeration = {"SKIP", "UPDATE", "CREATE"})
            ImportJob.DuplicatePolicy policy,
            @NotNull @Schema(description = "The first rows (rows, default 20) and what would happen to each")
            List<DryRunRow> rows,
            @NotNull DryRunSummary summary,
            @NotNull @Schema(description = "Whether the file has more rows than were tried") Boolean moreRows) {
    }

    /** What would happen to one row. */
    @Schema(name = "ImportDryRunRow")
    public record DryRunRow(
            @NotNull @Schema(description = "The row number; the header is row 1") Long row,
            @NotNull @Schema(enumeration = {"create", "update", "duplicate", "error"}) String result,
            @Schema(format = "uuid", description = "The lead the row would update") String updates,
            @Schema(format = "uuid", description = "The lead the row duplicates") String duplicateOf,
            List<FieldError> errors) {
    }

    /** Rows of the dry run per result. */
    @Schema(name = "ImportDryRunSummary")
    public record DryRunSummary(@NotNull Long create, @NotNull Long update, @NotNull Long duplicate,
                                @NotNull Long error) {
    }
}
