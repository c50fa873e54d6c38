package org.leadline.server.process;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.problem.Problem;
import org.leadline.api.process.LeadProcessView;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Preconditions;

/** A lead's staged process: where it stands, moving it, ticking checklist items. */
@Path("leads/{leadId}/process")
@Tag(name = "Process", description = "The tenant's sales process: the processes it may use, its choice, and each "
        + "lead's stage, requirements and stage changes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadProcessResource {

    @Inject
    ProcessService process;

    @GET
    @Operation(operationId = "getLeadProcess", summary = "Read where a lead stands in the process",
            description = "The lead's current stage, what it still lacks to move on, every stage with its required "
                    + "fields and checklist, and the stage changes so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadProcessView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "301", description = "The lead was merged into another: the same path under the "
            + "surviving lead", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No sales process is available to the tenant",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response read(@Parameter(schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId) {
        return tagged(ProcessViewMapper.of(process.of(leadId)));
    }

    /** The process view with the lead's version as its ETag. */
    private static Response tagged(LeadProcessView view) {
        return Response.ok(view).tag(Preconditions.etag(view.leadVersion())).build();
    }

    /** Moves the lead to another stage: {@code {"stage": "develop"}}. If-Match (the lead's ETag) is optional. */
    @POST
    @Path("stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveLeadStage", summary = "Move a lead to another stage",
            description = "Moving forward requires every stage passed to be complete; moving back is always allowed. "
                    + "Only open leads move. If-Match (the lead's ETag) is optional here.")
    @APIResponse(responseCode = "200", description = "Where the lead stands now",
            content = @Content(schema = @Schema(implementation = LeadProcessView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The lead is not open, no sales process is available, or the "
            + "lead was merged into another (the problem's mergedInto names the survivor)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Requirements of the stages passed are missing (the problem's "
            + "errors list them)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response move(@Parameter(schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                                @Parameter(description = "The lead's ETag; optional: when sent, the move is refused "
                                        + "with 412 if the lead changed") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                LeadProcessView.StageMove body) {
        Long version = Preconditions.optionalVersion(ifMatch);
        return tagged(ProcessViewMapper.of(process.moveTo(leadId, version, body.stage())));
    }

    /** Ticks or unticks a checklist item: {@code {"stage": "qualify", "item": "...", "done": true}}. */
    @POST
    @Path("checklist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tickLeadChecklistItem", summary = "Tick or untick a checklist item",
            description = "Ticks (done true or absent) or unticks (done false) one of a stage's exit criteria for "
                    + "the lead. Only open leads change. If-Match (the lead's ETag) is optional here; ticking does "
                    + "not change the lead's version.")
    @APIResponse(responseCode = "200", description = "Where the lead stands now",
            content = @Content(schema = @Schema(implementation = LeadProcessView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The lead is not open, no sales process is available, or the "
            + "lead was merged into another (the problem's mergedInto names the survivor)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response tick(@Parameter(schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                         @Parameter(description = "The lead's ETag; optional: when sent, the tick is refused "
                                 + "with 412 if the lead changed") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         LeadProcessView.ChecklistTick body) {
        Long version = Preconditions.optionalVersion(ifMatch);
        return tagged(ProcessViewMapper.of(process.tick(leadId, version, body.stage(), body.item(),
                body.done() == null || body.done())));
    }
}
