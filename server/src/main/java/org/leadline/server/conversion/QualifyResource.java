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

/** Qualifies a lead, or previews it with ?dryRun=true. */
@Path("leads/{leadId}/qualify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class QualifyResource {

    @Inject
    LeadClosingResource closing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response qualify(@PathParam("leadId") String leadId, @QueryParam("dryRun") String dryRun,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject body) {
        return closing.qualify(leadId, dryRun, ifMatch, body);
    }
}
