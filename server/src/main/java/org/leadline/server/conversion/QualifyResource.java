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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.conversion.QualificationView;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;

/** Qualifies a lead, or previews it with ?dryRun=true. */
@Path("leads/{leadId}/qualify")
@Tag(name = "Closing", description = "Closing a lead: qualify it into contact, account and opportunity, disqualify "
        + "it with a reason, reopen it, read its disqualification, erase it")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class QualifyResource {

    @Inject
    LeadClosingResource closing;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.leadline.server.platform.openapi.OptionalBody
    @Operation(operationId = "qualifyLead", summary = "Qualify a lead",
            description = "Turns an open lead into customers in one transaction: its person becomes a contact and its "
                    + "company an account (each linked to an existing one with the same e-mail, website or company "
                    + "name), and the deal an opportunity carrying the lead's stakeholders and competitors; the lead "
                    + "becomes QUALIFIED. A conversion handler of the tenant may veto it (422); then nothing is "
                    + "created. With dryRun=true it answers 200 with what it would create or link and changes "
                    + "nothing (the ids of what it would create are null, status stays OPEN). Once the lead is qualified, "
                    + "every further qualify, dry run or not, answers 200 with the stored first result and "
                    + "Idempotent-Replayed: true (If-Match and the body are not looked at then). If-Match is optional "
                    + "here; when sent it must name the lead's current version.")
    @RequestBody(description = "Optional; the opportunity's topic, estimated value and expected close date")
    @APIResponse(responseCode = "200", description = "A dry run's preview (dryRun: true), or the result of the earlier "
            + "qualification of this lead (with Idempotent-Replayed: true)",
            content = @Content(schema = @Schema(implementation = QualificationView.class)),
            headers = @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed"))
    @APIResponse(responseCode = "201", description = "Qualified: the contact, account and opportunity created or "
            + "linked; Location is the opportunity's address",
            content = @Content(schema = @Schema(implementation = QualificationView.class)))
    @APIResponse(responseCode = "409", description = "The lead is not open (disqualified: reopen it first), or it was "
            + "merged into another lead", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A conversion handler of the tenant vetoed the qualification; "
            + "nothing was created", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.class)))
    public Response qualify(@Parameter(description = "The lead's id", schema = @Schema(format = "uuid"))
                            @PathParam("leadId") String leadId,
                            @Parameter(description = "true: answer what qualification would create or link, and change "
                                    + "nothing (default false)", schema = @Schema(implementation = Boolean.class))
                            @QueryParam("dryRun") String dryRun,
                            @Parameter(description = "Optional: the ETag of the lead version the qualification is "
                                    + "based on", required = false) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            QualificationView.Request body) {
        return closing.qualify(leadId, dryRun, ifMatch, body, uriInfo.getBaseUriBuilder());
    }
}
