package org.leadline.server.lead;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
import org.apache.commons.csv.CSVPrinter;
import org.leadline.server.imports.LeadCsv;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.Role;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * The tenant's leads as CSV, with the filters of the lead list, streamed page by page so any number
 * of leads exports in constant memory. The format is the one the import reads back
 * ({@link LeadCsv}); cells a spreadsheet would run as formulas are neutralised.
 */
@Path("leads/export")
@RequestScoped
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadExportResource {

    private static final int PAGE = 500;

    @Inject
    LeadService leads;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantPersistence persistence;

    @GET
    @Produces("text/csv")
    public Response export(@QueryParam("status") List<String> status,
                           @QueryParam("ownerId") String ownerId,
                           @QueryParam("source") List<String> source,
                           @QueryParam("createdFrom") String createdFrom,
                           @QueryParam("createdTo") String createdTo,
                           @QueryParam("q") String q,
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
                LeadResource.instant("createdTo", createdTo), terms);
        StreamingOutput body = out -> {
            try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180)) {
                printer.printRecord(LeadCsv.header());
                String cursor = null;
                do {
                    LeadService.Page page = leads.list(filter, order, cursor, PAGE);
                    for (Lead lead : page.items()) {
                        printer.printRecord(LeadCsv.row(lead));
                    }
                    cursor = page.next() == null ? null : page.next().encode();
                    // Each page is read in its own transaction; nothing of it is needed afterwards.
                    persistence.em().clear();
                } while (cursor != null);
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"leads.csv\"").build();
    }
}
