package org.leadline.server.conversion;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.page.PageInfo;
import org.leadline.api.tenancy.Role;

/** The reasons a lead can be disqualified with: the built-in ones and the tenant's own. */
@Path("disqualification-reasons")
@Tag(name = "Disqualification reasons", description = "The reasons a lead can be disqualified with: the built-in "
        + "ones and those the tenant defined")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisqualificationReasonResource {

    @Inject
    ClosingService closing;

    @GET
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    @Operation(operationId = "listDisqualificationReasons", summary = "List the disqualification reasons",
            description = "The built-in reasons (LOST, NO_BUDGET, CANNOT_CONTACT, NO_LONGER_INTERESTED, CANCELLED), "
                    + "then the tenant's own in alphabetical order, in one page.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ClosingViews.DisqualificationReasons.class)))
    public ClosingViews.DisqualificationReasons list() {
        return reasons(closing.reasons());
    }

    /** Adds a tenant-defined reason: {@code {"reason": "WENT_WITH_PARTNER"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Operation(operationId = "addDisqualificationReason", summary = "Add a disqualification reason",
            description = "Defines a reason of the tenant (at most 100). Adding one that exists changes nothing. "
                    + "Answers 200 with all reasons, not 201.")
    @APIResponse(responseCode = "200", description = "All reasons, the new one included",
            content = @Content(schema = @Schema(implementation = ClosingViews.DisqualificationReasons.class)))
    public ClosingViews.DisqualificationReasons add(ClosingViews.NewReason body) {
        return reasons(closing.addReason(body.reason()));
    }

    /** Every reason, in one page as large as the most a tenant can have. */
    private static ClosingViews.DisqualificationReasons reasons(List<String> reasons) {
        return new ClosingViews.DisqualificationReasons(reasons, PageInfo.whole(
                ClosingService.BuiltInReason.values().length + ClosingService.MAX_TENANT_REASONS));
    }
}
