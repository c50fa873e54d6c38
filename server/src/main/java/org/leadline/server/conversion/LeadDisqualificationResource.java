package org.leadline.server.conversion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;

/** The disqualification of a lead in force. */
@Path("leads/{leadId}/disqualification")
@Tag(name = "Closing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadDisqualificationResource {

    @Inject
    LeadClosingResource closing;

    @GET
    @Operation(operationId = "getLeadDisqualification", summary = "Read a lead's disqualification",
            description = "Why and when the lead was disqualified. 404 when the lead is not disqualified. The ETag "
                    + "is the lead's; send it as If-Match to reopen the lead.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ClosingViews.DisqualificationView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.class)))
    public Response read(@Parameter(description = "The lead's id", schema = @Schema(format = "uuid"))
                         @PathParam("leadId") String leadId) {
        return closing.disqualification(leadId);
    }
}
