package org.leadline.server.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.problem.FieldError;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.LeadlineDataSource;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * CSV imports: upload a file (the raw body), see what a dry run would do, follow a running import
 * and download its error report.
 */
@Path("imports")
@Tag(name = "Imports", description = "CSV imports: upload a file, see what a dry run would do, follow a running "
        + "import and download its error report")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class ImportResource {

    /** The largest CSV upload in bytes. */
    public static final String MAX_UPLOAD_BYTES = "leadline.import.max-upload-bytes";
    static final String CSV = "text/csv";
    private static final int DRY_RUN_DEFAULT = 20;
    private static final int DRY_RUN_MAX = 1000;

    @Inject
    ImportService imports;

    @Inject
    ImportRunner runner;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @Resource(lookup = LeadlineDataSource.JNDI_NAME)
    DataSource dataSource;

    @Context
    UriInfo uriInfo;

    static long maxUploadBytes() {
        return Settings.get(MAX_UPLOAD_BYTES).map(Long::parseLong).orElse(512L * 1024 * 1024);
    }

    @POST
    @Consumes({CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/vnd.ms-excel"})
    @Operation(operationId = "createImport", summary = "Upload a CSV file to import",
            description = "The body is the CSV file itself, its first line naming the columns. The columns are "
                    + "mapped to lead fields by their names (or by mapping); encoding and delimiter are detected "
                    + "unless given. The import runs in the background: follow it at Location. With dryRun=true "
                    + "nothing is stored and the answer (200) says what would happen to the first rows. The upload "
                    + "is limited by leadline.import.max-upload-bytes. When the columns cannot be mapped (no "
                    + "column maps to lastName, or the mapping parameter names an unknown column or field), the "
                    + "400 problem names mapping and carries the member mapping: the columns as far as they were "
                    + "mapped, as a dry run answers them, with every lead field in fields.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "202", description = "The import was started",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    @APIResponse(responseCode = "200", description = "The dry run: what the import would do",
            content = @Content(schema = @Schema(implementation = ImportJobView.DryRun.class)))
    public Response upload(InputStream body,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           @Parameter(description = "Only try the first rows and say what would happen",
                                   schema = @Schema(implementation = Boolean.class))
                           @QueryParam("dryRun") String dryRunText,
                           @Parameter(description = "How many rows a dry run tries: 1 to 1000 (default 20)",
                                   schema = @Schema(implementation = Integer.class))
                           @QueryParam("rows") String rowsText,
                           @Parameter(description = "What happens to a row matching an existing lead (SKIP by default)",
                                   schema = @Schema(implementation = String.class, enumeration = {"SKIP", "UPDATE", "CREATE"}))
                           @QueryParam("policy") String policyText,
                           @Parameter(description = "A JSON object from column header to lead field, e.g. "
                                   + "{\"Surname\":\"lastName\"} (at most 8000 characters); other columns are mapped "
                                   + "by their names")
                           @QueryParam("mapping") String mappingText,
                           @Parameter(description = "The file's encoding: UTF-8, windows-1252 or ISO-8859-1; by default "
                                   + "the Content-Type's charset, else detected")
                           @QueryParam("charset") String charsetText,
                           @Parameter(description = "The column separator: , or ; or tab (also comma, semicolon); "
                                   + "detected by default", schema = @Schema(enumeration = {",", ";", "tab", "comma",
                                   "semicolon"}))
                           @QueryParam("delimiter") String delimiterText,
                           @Parameter(description = "The ISO 4217 currency of amounts without one (EUR by default)")
                           @QueryParam("currency") String currencyText,
                           @Parameter(description = "The file's name, kept with the import (at most 200 characters)")
                           @QueryParam("name") String name) throws IOException {
        boolean dryRun = flag("dryRun", dryRunText);
        int rows = rowsText == null ? DRY_RUN_DEFAULT : integer("rows", rowsText, 1, DRY_RUN_MAX);
        ImportJob.DuplicatePolicy policy = policy(policyText);
        JsonObject explicit = mapping(mappingText);
        Charset charset = charset(charsetText, contentType);
        Character delimiter = delimiter(delimiterText);
        String currency = currency(currencyText);
        String fileName = name == null ? null : ImportRunner.cut(name.strip(), 200);
        long max = maxUploadBytes();
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > max) {
            throw new ProblemException(ProblemType.BODY_TOO_LARGE,
                    "The upload of " + contentLength + " bytes exceeds the limit of " + max + " bytes");
        }

        String tenantId = caller.tenantId();
        String id = Ids.next();
        java.nio.file.Path file = ImportRunner.file(tenantId, id);
        Upload upload;
        try {
            upload = Upload.store(body, file, max);
        } catch (Upload.TooLarge e) {
            throw new ProblemException(ProblemType.BODY_TOO_LARGE, e.getMessage());
        }
        boolean keep = false;
        try {
            if (upload.size() == 0) {
                throw ProblemException.field("body", "is empty; send the CSV file, its first line naming the columns");
            }
            Charset encoding = upload.charset(charset);
            char sep = delimiter != null ? delimiter : upload.sniffDelimiter(encoding);
            String[] headers;
            try (Reader reader = ImportRunner.open(file, encoding);
                 CSVParser parser = CSVParser.parse(reader, ImportRunner.format(sep))) {
                Iterator<CSVRecord> it = parser.iterator();
                if (!it.hasNext()) {
                    throw ProblemException.field("body", "has no header line naming the columns");
                }
                headers = it.next().values();
                for (int i = 0; i < headers.length; i++) {
                    headers[i] = headers[i].strip();
                }
                ColumnMapping mapping = ColumnMapping.resolve(headers, explicit);
                if (dryRun) {
                    return Response.ok(dryRun(it, mapping, policy, currency, rows, encoding.name(), upload.utf8Bom(),
                            String.valueOf(sep), tenantId)).build();
                }
                ImportJob job = new ImportJob(id, fileName, policy, encoding.name(), sep, mapping.store(), currency,
                        upload.size(), caller.userId(), Timestamps.now());
                imports.create(job);
                keep = true;
                runner.start(tenantId, id);
                ImportJobView out = ImportJobView.of(job, upload.utf8Bom(), mapping.write());
                URI location = uriInfo.getBaseUriBuilder().path("imports").path(id).build();
                return Response.accepted(out).location(location).build();
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                throw ProblemException.field("body", "is not valid CSV in its header line: " + e.getMessage());
            }
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private ImportJobView.DryRun dryRun(Iterator<CSVRecord> records, ColumnMapping mapping,
                                        ImportJob.DuplicatePolicy policy, String currency, int limit, String encoding,
                                        boolean byteOrderMark, String delimiter, String tenantId) {
        RowReader reader = new RowReader(mapping.headers(), mapping.columns(), currency, validator);
        List<RowReader.Row> rows = new ArrayList<>();
        boolean more = false;
        try {
            while (records.hasNext()) {
                if (rows.size() == limit) {
                    more = true;
                    break;
                }
                CSVRecord r = records.next();
                rows.add(reader.read(r.getRecordNumber(), r.toList()));
            }
        } catch (RuntimeException e) {
            rows.add(new RowReader.Row(rows.size() + 2L, null, List.of(new FieldError("(row)",
                    "is not valid CSV (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                            + "); reading stops here"))));
        }
        ChunkPlan plan;
        try (Connection c = dataSource.getConnection()) {
            plan = ChunkPlan.of(rows, policy, new LeadRows(c, tenantId, caller.userId(), "dry-run", null), caller.userId(), java.util.Map.of());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up duplicates", e);
        }
        List<ImportJobView.DryRunRow> items = new ArrayList<>();
        for (ChunkPlan.Outcome o : plan.outcomes) {
            boolean linked = o.result() != ChunkPlan.Result.CREATE && o.leadId() != null;
            boolean update = o.result() == ChunkPlan.Result.UPDATE;
            items.add(new ImportJobView.DryRunRow(o.row(), o.result().name().toLowerCase(Locale.ROOT),
                    linked && update ? o.leadId() : null, linked && !update ? o.leadId() : null,
                    o.errors().isEmpty() ? null : List.copyOf(o.errors())));
        }
        return new ImportJobView.DryRun(encoding, byteOrderMark, delimiter, mapping.write(), true, policy, items,
                new ImportJobView.DryRunSummary(plan.count(ChunkPlan.Result.CREATE), plan.count(ChunkPlan.Result.UPDATE),
                        plan.count(ChunkPlan.Result.DUPLICATE), plan.count(ChunkPlan.Result.ERROR)), more);
    }

    @GET
    @Operation(operationId = "listImports", summary = "List the imports",
            description = "The tenant's imports, newest first; the next page is in page.nextCursor and in the Link "
                    + "header (rel=next).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportJobView.Jobs.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum "
                                 + "100 unless configured)", schema = @Schema(implementation = Integer.class))
                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return Pages.page(uriInfo, imports.recent(Paging.idCursor(cursor), limit + 1), limit, ImportJobView::of,
                ImportJobView.Jobs::new, ImportJob::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getImport", summary = "Read an import", description = "How far the import has come.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    public ImportJobView read(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return ImportJobView.of(imports.find(id));
    }

    /** The error report: one line per problem with the row number (the header is row 1), the column and the reason. */
    @GET
    @Path("{id}/errors")
    @Produces(CSV)
    @Operation(operationId = "getImportErrors", summary = "Download an import's error report",
            description = "CSV with the columns row, field and reason: one line per problem, the row numbered as in "
                    + "the file (the header is row 1).")
    @APIResponse(responseCode = "200", description = "The error report (UTF-8, as an attachment)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"import-{id}-errors.csv\""))
    public Response errors(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        ImportJob job = imports.find(id);
        String tenantId = caller.tenantId();
        StreamingOutput out = stream -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT row_no, field_name, reason FROM import_errors "
                         + "WHERE import_id = ? AND tenant_id = ? ORDER BY seq")) {
                ps.setString(1, job.id());
                ps.setString(2, tenantId);
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery();
                     CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)),
                             org.apache.commons.csv.CSVFormat.RFC4180)) {
                    printer.printRecord("row", "field", "reason");
                    while (rs.next()) {
                        printer.printRecord(rs.getLong(1), LeadCsv.neutralise(rs.getString(2)), LeadCsv.neutralise(rs.getString(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IOException("Cannot read the error report", e);
            }
        };
        return Response.ok(out, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-errors.csv\"").build();
    }

    private static boolean flag(String name, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.parameter(name, "must be true or false");
        };
    }

    private static int integer(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.parameter(name, "must be a whole number from " + min + " to " + max);
    }

    private static ImportJob.DuplicatePolicy policy(String text) {
        if (text == null || text.isBlank()) {
            return ImportJob.DuplicatePolicy.SKIP;
        }
        try {
            return ImportJob.DuplicatePolicy.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.parameter("policy", "must be one of SKIP, UPDATE, CREATE");
        }
    }

    private static JsonObject mapping(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 8000) {
            throw ProblemException.parameter("mapping", "is too long (at most 8000 characters)");
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.parameter("mapping",
                    "must be a JSON object from column header to lead field, e.g. {\"Surname\":\"lastName\"}");
        }
    }

    private static Charset charset(String param, String contentType) {
        String name = param;
        if ((name == null || name.isBlank()) && contentType != null) {
            try {
                name = MediaType.valueOf(contentType).getParameters().get("charset");
            } catch (IllegalArgumentException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset c = Charset.forName(name.strip());
            if (c.equals(StandardCharsets.UTF_8) || c.equals(Upload.WINDOWS_1252) || c.equals(StandardCharsets.ISO_8859_1)) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.parameter("charset", "must be UTF-8, windows-1252 or ISO-8859-1");
    }

    private static Character delimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (text) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab" -> '\t';
            default -> throw ProblemException.parameter("delimiter", "must be , or ; or tab");
        };
    }

    private static String currency(String text) {
        if (text == null || text.isBlank()) {
            return "EUR";
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}") || java.util.Currency.getAvailableCurrencies().stream()
                .noneMatch(c -> c.getCurrencyCode().equals(code))) {
            throw ProblemException.parameter("currency", "must be an ISO 4217 currency code like EUR");
        }
        return code;
    }
}
