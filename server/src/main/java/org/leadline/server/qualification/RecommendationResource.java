package org.leadline.server.qualification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.leadline.api.lead.LeadScoring;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Preconditions;

/**
 * A seller marks a recommended action of a lead done or dismissed:
 * {@code PATCH /leads/{leadId}/recommendations/{recommendationId}} with
 * {@code {"state": "DONE" | "DISMISSED", "comment": "..."}}. The action then leaves the lead's open
 * recommendations and shows with the decision in the lead's {@code scoring} and on its timeline.
 * The recommendation's version (0 while open, else the decision in force's) is its ETag; an
 * {@code If-Match} naming another is refused with 412.
 */
@Path("leads/{leadId}/recommendations/{recommendationId}")
@Tag(name = "Recommendations", description = "A lead's recommended actions: mark one done or dismissed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class RecommendationResource {

    @Inject
    Recommendations recommendations;

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "decideRecommendation", summary = "Mark a recommended action done or dismissed",
            description = "The action leaves the lead's open recommendations and shows with the decision in the "
                    + "lead's scoring and on its timeline. A decision in force already is replaced (it stays as "
                    + "history, cleared). If-Match is optional; when sent it must name the recommendation's current "
                    + "version: 0 while it is open, else the version of the decision in force (412 otherwise), so "
                    + "that a seller never replaces a colleague's decision unseen.")
    @APIResponse(responseCode = "200", description = "The decision; its version is the recommendation's new ETag",
            content = @Content(schema = @Schema(implementation = LeadScoring.Decision.class)))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response decide(
            @Parameter(schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
            @Parameter(description = "The recommendationId of one of the lead's open recommendations")
            @PathParam("recommendationId") String recommendationId,
            @Parameter(description = "Optional: the recommendation's version this decision is based on, \"0\" for "
                    + "an open one") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            RecommendationDecisionRequest body) {
        LeadScoring.Decision decision = Recommendations.view(recommendations.decide(leadId, recommendationId, body,
                Preconditions.optionalVersion(ifMatch)));
        return Response.ok(decision).tag(Preconditions.etag(decision.version())).build();
    }
}
