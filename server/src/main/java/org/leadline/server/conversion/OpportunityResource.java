package org.leadline.server.conversion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.conversion.OpportunityView;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.platform.json.MergePatch;
import org.leadline.server.platform.web.Pages;

/** Opportunities: read, list, patch with If-Match, win, lose. */
@Path("opportunities")
@Tag(name = "Opportunities", description = "Deals in the pipeline, made from qualified leads: change, win, lose")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class OpportunityResource {

    @Inject
    CustomerService customers;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listOpportunities", summary = "List opportunities",
            description = "The tenant's opportunities, oldest first; the next page is in page.nextCursor and in the Link header (rel=next), both absent on the last page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OpportunityView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                           @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum 100 unless configured)",
                                   schema = @Schema(implementation = Integer.class)) @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return Pages.page(uriInfo, customers.list(Opportunity.class, CustomerResources.blankToNull(cursor), limit), limit,
                CustomerJson::opportunity, OpportunityView.Page::new, Opportunity::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOpportunity", summary = "Read an opportunity",
            description = "The opportunity; 304 when If-None-Match names its current version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    public Response read(@Parameter(description = "The opportunity's id", schema = @Schema(format = "uuid")) @PathParam("id") String id,
                         @Context Request request) {
        Opportunity o = customers.find(Opportunity.class, id);
        return CustomerResources.read(request, o.version(), CustomerJson.opportunity(o));
    }

    /** Changes topic, estimated value, expected close date or the pipeline stage (WON and LOST close it). */
    @PATCH
    @Path("{id}")
    @Consumes({CustomerResources.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateOpportunity", summary = "Change some members of an opportunity",
            description = "An RFC 7396 JSON merge patch: members sent replace the stored ones, null clears an optional one. Every invalid member is reported. A stage of WON or LOST closes it (closeReason kept); a closed opportunity changes only by moving it back to an open stage.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "The opportunity is won or lost and the patch does not move it to another stage",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response patch(@Parameter(description = "The opportunity's id", schema = @Schema(format = "uuid")) @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MergePatch<OpportunityView.Changes> body) {
        Opportunity o = customers.find(Opportunity.class, id);
        Long version = Preconditions.requiredVersion(ifMatch);
        OpportunityView.EstimatedValue value = o.valueAmount() == null ? null
                : new OpportunityView.EstimatedValue(o.valueAmount(), o.valueCurrency());
        // the stage and the close reason are not carried over: only a patch that sends them changes them
        OpportunityView.Changes changes = body.applyTo(new OpportunityView.Changes(o.topic(), value,
                o.expectedClose(), null, null));
        BigDecimal amount = o.valueAmount();
        String currency = o.valueCurrency();
        if (body.json().containsKey("estimatedValue")) {
            // sent: checked, so a currency is there; not sent: the stored value stays as it is
            amount = changes.estimatedValue() == null ? null : changes.estimatedValue().amount();
            currency = changes.estimatedValue() == null ? null
                    : changes.estimatedValue().currency().toUpperCase(Locale.ROOT);
        }
        Opportunity updated = customers.updateOpportunity(id, version == null ? o.version() : version,
                changes.topic(), amount, currency, changes.expectedCloseDate(),
                changes.stage() == null ? null : Opportunity.Stage.valueOf(changes.stage().name()), changes.closeReason());
        return Response.ok(CustomerJson.opportunity(updated)).tag(Preconditions.etag(updated.version())).build();
    }

    @POST
    @Path("{id}/win")
    @org.leadline.server.platform.openapi.OptionalBody
    @Operation(operationId = "winOpportunity", summary = "Win an opportunity",
            description = "Closes an open opportunity as WON, with an optional reason. The body is optional. If-Match is optional here; when sent it must name the current version.")
    @APIResponse(responseCode = "200", description = "The opportunity, now WON",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "The opportunity is already won or lost",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response win(@Parameter(description = "The opportunity's id", schema = @Schema(format = "uuid")) @PathParam("id") String id,
                      @Parameter(description = "Optional: the ETag of the version this is based on")
                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, OpportunityView.Closing body) {
        return close(id, ifMatch, body, Opportunity.Stage.WON);
    }

    @POST
    @Path("{id}/lose")
    @org.leadline.server.platform.openapi.OptionalBody
    @Operation(operationId = "loseOpportunity", summary = "Lose an opportunity",
            description = "Closes an open opportunity as LOST, with an optional reason. The body is optional. If-Match is optional here; when sent it must name the current version.")
    @APIResponse(responseCode = "200", description = "The opportunity, now LOST",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "The opportunity is already won or lost",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response lose(@Parameter(description = "The opportunity's id", schema = @Schema(format = "uuid")) @PathParam("id") String id,
                      @Parameter(description = "Optional: the ETag of the version this is based on")
                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, OpportunityView.Closing body) {
        return close(id, ifMatch, body, Opportunity.Stage.LOST);
    }

    private Response close(String id, String ifMatch, OpportunityView.Closing body, Opportunity.Stage stage) {
        Opportunity o = customers.find(Opportunity.class, id);
        if (o.stage().closed()) {
            throw new ProblemException(ProblemType.CONFLICT, "Opportunity " + id + " is already " + o.stage());
        }
        String reason = body == null ? null : body.reason();
        Long version = Preconditions.optionalVersion(ifMatch);
        Opportunity updated = customers.updateOpportunity(id, version == null ? o.version() : version, o.topic(),
                o.valueAmount(), o.valueCurrency(), o.expectedClose(), stage, reason);
        return Response.ok(CustomerJson.opportunity(updated)).tag(Preconditions.etag(updated.version())).build();
    }
}
