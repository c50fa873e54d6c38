package org.leadline.server.conversion;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.lead.LeadView;
import org.leadline.api.page.PageInfo;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadViewMapper;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.timeline.Keyset;

/** The tenant's recycle bin: deleted leads a tenant administrator can restore until they are purged. */
@Path("deleted-leads")
@Tag(name = "Deleted leads", description = "The recycle bin: deleted leads a tenant administrator can restore until "
        + "the restore period is over and the purge removes them for good")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class DeletedLeadResource {

    private static final String DELETED = "deleted-leads";

    @Inject
    ClosingService closing;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listDeletedLeads", summary = "List deleted leads",
            description = "Deleted leads that can still be restored, newest deletion first, with when each may be "
                    + "purged. The next page is in page.nextCursor and in the Link header (rel=next), both absent "
                    + "on the last page.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ClosingViews.DeletedLeads.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum 100 "
                    + "unless configured)", schema = @Schema(implementation = Integer.class))
            @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Keyset after = Keyset.decode(cursor, DELETED);
        List<Lead> rows = closing.deleted(after == null ? null : after.instantKey(), after == null ? null : after.id(),
                limit + 1);
        String next = null;
        if (rows.size() > limit) {
            Lead last = rows.get(limit - 1);
            next = new Keyset(DELETED, last.deletedAt().toString(), last.id()).encode();
        }
        List<ClosingViews.DeletedLead> items = rows.stream().limit(limit).map(DeletedLeadResource::deleted).toList();
        return Pages.ok(uriInfo, new ClosingViews.DeletedLeads(items, PageInfo.of(limit, next)), next);
    }

    @POST
    @Path("{leadId}/restore")
    @Operation(operationId = "restoreLead", summary = "Restore a deleted lead",
            description = "Brings a deleted lead back with its history, as long as its restore period is not over. "
                    + "Any request body is ignored.")
    @APIResponse(responseCode = "200", description = "The restored lead (without scoring), with its ETag",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "409", description = "The restore period is over; the lead is about to be purged",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response restore(@Parameter(description = "The deleted lead's id", schema = @Schema(format = "uuid"))
                            @PathParam("leadId") String leadId) {
        Lead lead = closing.restore(leadId);
        return Response.ok(LeadViewMapper.of(lead, null)).tag(Preconditions.etag(lead.version())).build();
    }

    /** A deleted lead as the recycle bin shows it. */
    private static ClosingViews.DeletedLead deleted(Lead l) {
        LeadView v = LeadViewMapper.of(l, null);
        return new ClosingViews.DeletedLead(v.id(), v.person(), v.company(), v.origin(), v.qualification(), v.topic(),
                v.description(), v.ownerId(), v.status(), v.rating(), v.score(), v.stage(), v.createdAt(),
                v.createdBy(), v.updatedAt(), v.updatedBy(), v.version(), l.deletedAt(), l.deletedBy(),
                ClosingService.purgeableAfter(l.deletedAt()));
    }
}
