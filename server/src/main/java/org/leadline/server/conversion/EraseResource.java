package org.leadline.server.conversion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;

/** Erases a lead at once (tenant administrators). */
@Path("leads/{leadId}/erase")
@Tag(name = "Closing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class EraseResource {

    @Inject
    LeadClosingResource closing;

    @POST
    @Operation(operationId = "eraseLead", summary = "Erase a lead for good",
            description = "Removes the lead at once, deleted or not, with its timeline, audit history, parties, stage "
                    + "history and closing records; it cannot be restored. Contacts, accounts and opportunities made "
                    + "from it stay.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@Parameter(description = "The lead's id", schema = @Schema(format = "uuid"))
                          @PathParam("leadId") String leadId) {
        return closing.erase(leadId);
    }
}
