package org.leadline.server.process;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.server.tenancy.Role;

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
    public LeadProcessView.Choice list() {
        return LeadProcessView.Choice.of(process.choice());
    }

    /** Chooses the tenant's process: {@code {"process": "process-sales/sales"}}. */
    @PUT
    @Path("current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Operation(operationId = "chooseProcess", summary = "Choose the tenant's sales process",
            description = "Every lead then moves through the stages of this process.")
    @APIResponse(responseCode = "200", description = "The processes and the tenant's choice",
            content = @Content(schema = @Schema(implementation = LeadProcessView.Choice.class)))
    public LeadProcessView.Choice choose(LeadProcessView.ChoiceRequest body) {
        return LeadProcessView.Choice.of(process.choose(body.process()));
    }
}
