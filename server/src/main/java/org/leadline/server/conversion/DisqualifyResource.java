package org.leadline.server.conversion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;

/** Disqualifies a lead with a reason and a note. */
@Path("leads/{leadId}/disqualify")
@Tag(name = "Closing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class DisqualifyResource {

    @Inject
    LeadClosingResource closing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disqualifyLead", summary = "Disqualify a lead",
            description = "Sets an open lead aside as DISQUALIFIED with a reason (built in or defined by the tenant) "
                    + "and an optional note. If-Match is optional here; when sent it must name the lead's current "
                    + "version.")
    @APIResponse(responseCode = "200", description = "The lead, now disqualified, with its disqualification",
            content = @Content(schema = @Schema(implementation = ClosingViews.ClosingLead.class)))
    @APIResponse(responseCode = "409", description = "The lead is not open (already qualified or disqualified), or it "
            + "was merged into another lead", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.class)))
    public Response disqualify(@Parameter(description = "The lead's id", schema = @Schema(format = "uuid"))
                               @PathParam("leadId") String leadId,
                               @Parameter(description = "Optional: the ETag of the lead version this is based on")
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               ClosingViews.DisqualifyRequest body) {
        return closing.disqualify(leadId, ifMatch, body);
    }
}
