package org.leadline.server.conversion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadJson;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.Role;

/** The tenant's recycle bin: deleted leads a tenant administrator can restore until they are purged. */
@Path("deleted-leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class DeletedLeadResource {

    @Inject
    ClosingService closing;

    @GET
    public JsonObject list(@QueryParam("limit") String limit) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Lead l : closing.deleted(Paging.limit(limit))) {
            items.add(json(l));
        }
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    @Path("{leadId}/restore")
    public JsonObject restore(@PathParam("leadId") String leadId) {
        return LeadJson.write(closing.restore(leadId));
    }

    private static JsonObject json(Lead l) {
        return Json.createObjectBuilder(LeadJson.write(l)).add("deletedAt", l.deletedAt().toString())
                .add("deletedBy", l.deletedBy())
                .add("purgeAfter", ClosingService.purgeableAfter(l.deletedAt()).toString()).build();
    }
}
