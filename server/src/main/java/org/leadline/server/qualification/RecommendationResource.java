package org.leadline.server.qualification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.tenancy.Role;

/**
 * A seller marks a recommended action of a lead done or dismissed:
 * {@code PATCH /leads/{leadId}/recommendations/{recommendationId}} with
 * {@code {"state": "DONE" | "DISMISSED", "comment": "..."}}. The action then leaves the lead's open
 * recommendations and shows with the decision in the lead's {@code scoring} and on its timeline.
 */
@Path("leads/{leadId}/recommendations/{recommendationId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class RecommendationResource {

    @Inject
    Recommendations recommendations;

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public JsonObject decide(@PathParam("leadId") String leadId, @PathParam("recommendationId") String recommendationId,
                             JsonObject body) {
        return Recommendations.write(recommendations.decide(leadId, recommendationId, body));
    }
}
