package org.leadline.server.capture;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.lead.LeadView;
import org.leadline.api.tenancy.Role;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadService;

/**
 * The likely duplicates of a stored lead, by the one rule the create, the intake and the import
 * apply: what a seller looks at before merging leads ({@code POST /leads/{id}/merge}).
 */
@Path("leads/{id}/duplicates")
@Tag(name = "Merge", description = "Merging duplicate leads into one surviving lead")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
@Transactional(Transactional.TxType.SUPPORTS)
public class LeadDuplicatesResource {

    @Inject
    LeadService leads;

    @Inject
    DuplicateFinder finder;

    @Context
    UriInfo uriInfo;

    /** The leads of the tenant that are likely the same person as a lead. */
    @Schema(name = "LeadDuplicates", description = "The leads of the tenant that are likely the same person as the "
            + "lead (deleted leads left out), at most " + DuplicateFinder.MAX_CANDIDATES + ", oldest first")
    public record Duplicates(@NotNull List<LeadView.DuplicateCandidate> items) {
    }

    @GET
    @Operation(operationId = "listLeadDuplicates", summary = "The lead's likely duplicates",
            description = "The tenant's live leads that are likely the same person as this lead by the duplicate "
                    + "rule of the create and the intake (the same e-mail address, phone number, or last name at the "
                    + "same company with a compatible first name), each with what matched.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Duplicates.class)))
    @APIResponse(responseCode = "404", description = "No such lead in the tenant",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Duplicates list(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        Lead lead = leads.find(id);
        return new Duplicates(DuplicateCheck.candidates(finder.find(lead), uriInfo.getBaseUri()));
    }
}
