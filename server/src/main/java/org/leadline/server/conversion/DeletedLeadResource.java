package org.leadline.server.conversion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.server.lead.LeadView;
import org.leadline.server.platform.problem.Problem;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.Role;

/** The tenant's recycle bin: deleted leads a tenant administrator can restore until they are purged. */
@Path("deleted-leads")
@Tag(name = "Deleted leads", description = "The recycle bin: deleted leads a tenant administrator can restore until "
        + "the restore period is over and the purge removes them for good")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class DeletedLeadResource {

    @Inject
    ClosingService closing;

    @GET
    @Operation(operationId = "listDeletedLeads", summary = "List deleted leads",
            description = "Deleted leads that can still be restored, newest deletion first, with when each may be "
                    + "purged. One page only: at most limit leads, no cursor.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ClosingViews.DeletedLeads.class)))
    public ClosingViews.DeletedLeads list(
            @Parameter(description = "How many to list, 1 to leadline.api.page-size-max (default 50, maximum 100 "
                    + "unless configured)", schema = @Schema(implementation = Integer.class))
            @QueryParam("limit") String limit) {
        return new ClosingViews.DeletedLeads(closing.deleted(Paging.limit(limit)).stream()
                .map(ClosingViews.DeletedLead::of).toList());
    }

    @POST
    @Path("{leadId}/restore")
    @Operation(operationId = "restoreLead", summary = "Restore a deleted lead",
            description = "Brings a deleted lead back with its history, as long as its restore period is not over. "
                    + "Any request body is ignored.")
    @APIResponse(responseCode = "200", description = "The restored lead (without scoring; no ETag header)",
            content = @Content(schema = @Schema(implementation = LeadView.class)),
            headers = @Header(name = "ETag", description = "none"))
    @APIResponse(responseCode = "409", description = "The restore period is over; the lead is about to be purged",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public LeadView restore(@Parameter(description = "The deleted lead's id", schema = @Schema(format = "uuid"))
                            @PathParam("leadId") String leadId) {
        return LeadView.of(closing.restore(leadId), null);
    }
}
