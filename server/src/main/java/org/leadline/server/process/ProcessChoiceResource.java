package org.leadline.server.process;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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
import org.leadline.api.process.LeadProcessView;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Preconditions;

/** The sales processes a tenant may use, and the tenant administrator's choice among them. */
@Path("processes")
@Tag(name = "Process")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProcessChoiceResource {

    @Inject
    ProcessService process;

    @GET
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    @Operation(operationId = "listProcesses", summary = "List the sales processes the tenant may use",
            description = "The processes of the tenant's enabled process plugins, with their stages, and the one the "
                    + "tenant uses (the default process until an administrator chooses).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadProcessView.Choice.class)))
    public Response list() {
        LeadProcessView.Choice choice = ProcessViewMapper.choice(process.choice());
        return Response.ok(choice).tag(Preconditions.etag(choice.version())).build();
    }

    /** Chooses the tenant's process: {@code {"process": "process-sales/sales"}}. */
    @PUT
    @Path("current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Operation(operationId = "chooseProcess", summary = "Choose the tenant's sales process",
            description = "Every lead then moves through the stages of this process. If-Match is optional; when sent it "
                    + "must name the current version of the choice (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The processes and the tenant's choice",
            content = @Content(schema = @Schema(implementation = LeadProcessView.Choice.class)))
    public Response choose(@Parameter(description = "Optional: the ETag of the choice this change is based on")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LeadProcessView.ChoiceRequest body) {
        LeadProcessView.Choice choice = ProcessViewMapper.choice(process.choose(body.process(),
                Preconditions.optionalVersion(ifMatch)));
        return Response.ok(choice).tag(Preconditions.etag(choice.version())).build();
    }
}
