package org.leadline.server.lead;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.apache.commons.csv.CSVPrinter;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.Rating;
import org.leadline.api.lead.Source;
import org.leadline.api.tenancy.Role;
import org.leadline.server.imports.LeadCsv;
import org.leadline.server.platform.persistence.LeadlineDataSource;
import org.leadline.server.platform.persistence.StatementCount;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * The tenant's leads as CSV, with the filters of the lead list, streamed from one statement
 * ({@link LeadExport}) so any number of leads exports in constant memory. The format is the one the import reads back
 * ({@link LeadCsv}); cells a spreadsheet would run as formulas are neutralised.
 */
@Path("leads/export")
@Tag(name = "Export", description = "The tenant's leads as CSV, in the format the import reads back")
@RequestScoped
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadExportResource {

    private static final java.util.logging.Logger LOGGER =
            java.util.logging.Logger.getLogger(LeadExportResource.class.getName());

    @Inject
    LeadService leads;

    @Inject
    CurrentCaller caller;

    @Resource(lookup = LeadlineDataSource.JNDI_NAME)
    javax.sql.DataSource dataSource;

    @GET
    @Produces("text/csv")
    @Operation(operationId = "exportLeads", summary = "Export leads as CSV",
            description = "Every lead that matches the filters of the lead list, as RFC 4180 CSV in UTF-8 with a "
                    + "header row, in the format the CSV import reads back; cells a spreadsheet would run as "
                    + "formulas are neutralised. Streamed, so any number of leads can be exported.")
    @APIResponse(responseCode = "200", description = "The CSV file (Content-Disposition: attachment; "
            + "filename=\"leads.csv\")", content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = SchemaType.STRING)),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"leads.csv\""))
    public Response export(@Parameter(description = "Only leads in these statuses",
                                   schema = @Schema(implementation = LeadStatus[].class))
                           @QueryParam("status") List<String> status,
                           @Parameter(description = "Only leads of this owner: a user id or me")
                           @QueryParam("ownerId") String ownerId,
                           @Parameter(description = "Only leads from these sources",
                                   schema = @Schema(implementation = Source[].class))
                           @QueryParam("source") List<String> source,
                           @Parameter(description = "Only leads with these ratings (a lead not rated yet has none)",
                                   schema = @Schema(implementation = Rating[].class))
                           @QueryParam("rating") List<String> rating,
                           @Parameter(description = "Created at or after: a date (2026-01-31) or a UTC timestamp")
                           @QueryParam("createdFrom") String createdFrom,
                           @Parameter(description = "Created before: a date (2026-01-31) or a UTC timestamp")
                           @QueryParam("createdTo") String createdTo,
                           @Parameter(description = "Words to search for in name, company, e-mail and topic "
                                   + "(at most 5); every word must match the start of a word")
                           @QueryParam("q") String q,
                           @Parameter(description = "The order: a field (createdAt, updatedAt, lastName, "
                                   + "companyName), descending with a leading minus; -createdAt by default")
                           @QueryParam("sort") String sort) {
        LeadSort.Order order = LeadSort.Order.parse(sort);
        List<String> terms = q == null ? List.of() : SearchTerms.query(q);
        if (terms.size() > 5) {
            throw org.leadline.server.platform.problem.ProblemException.parameter("q", "may have at most 5 words");
        }
        String owner = ownerId == null || ownerId.isBlank() ? null
                : "me".equals(ownerId.strip()) ? caller.userId() : ownerId.strip();
        if (owner != null && !org.leadline.server.platform.persistence.Ids.isValid(owner)) {
            throw org.leadline.server.platform.problem.ProblemException.parameter("ownerId", "must be a user id or me");
        }
        LeadFilter filter = new LeadFilter(LeadResource.enums("status", status, LeadStatus.class), owner,
                LeadResource.enums("source", source, Source.class), LeadResource.instant("createdFrom", createdFrom),
                LeadResource.instant("createdTo", createdTo), terms,
                LeadResource.enums("rating", rating, Rating.class));
        String tenantId = caller.tenantId();
        StreamingOutput body = out -> {
            try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180)) {
                printer.printRecord(LeadCsv.header());
                // The plan is decided as for a list page, once; then one statement streams every lead in
                // the list's order (the list's pages one after another).
                LeadService.Plan plan = leads.plan(filter, order);
                long rows;
                try (Connection c = dataSource.getConnection()) {
                    boolean autoCommit = c.getAutoCommit();
                    c.setAutoCommit(false);
                    try {
                        rows = LeadExport.stream(c, tenantId, filter, order, plan, lead -> {
                            try {
                                printer.printRecord(LeadCsv.row(lead));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    } finally {
                        // it only read: the end of its transaction releases what the database held for it
                        c.rollback();
                        c.setAutoCommit(autoCommit);
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                } catch (SQLException e) {
                    throw new IOException("Cannot read the leads to export", e);
                }
                if (StatementCount.enabled()) {
                    // The response's statement header is sent before the rows are read: the count of a
                    // whole export goes to the log, so the test suite sees that it does not grow with the rows.
                    int statements = StatementCount.current();
                    LOGGER.info(() -> "Export of " + rows + " leads took " + statements + " statements");
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"leads.csv\"").build();
    }
}
