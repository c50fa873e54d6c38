package org.leadline.server.conversion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.server.tenancy.Role;

/** Disqualifies a lead with a reason and a note. */
@Path("leads/{leadId}/disqualify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class DisqualifyResource {

    @Inject
    LeadClosingResource closing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disqualify(@PathParam("leadId") String leadId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               JsonObject body) {
        return closing.disqualify(leadId, ifMatch, body);
    }
}
