package org.leadline.server.qualification;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.lead.LeadScoring;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.platform.json.Replacement;

/**
 * The tenant's qualification rules, their versions, and the jobs that re-rate the leads after a
 * change. Sellers read; tenant administrators change the rules.
 */
@Path("qualification")
@Tag(name = "Qualification", description = "The tenant's qualification rules and their versions, the jobs that "
        + "re-rate the leads after a change, and a lead's rating")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class QualificationResource {

    @Inject
    QualificationService service;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("rules")
    @Operation(operationId = "getQualificationRules", summary = "Read the current qualification rules",
            description = "The latest saved version of the rule set; version 0 with no rules (and the default "
                    + "thresholds) until the tenant saves one. The ETag is the version; send it as If-Match "
                    + "when saving.")
    @APIResponse(responseCode = "200", description = "The current rule set",
            content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response current() {
        RuleSetView current = service.current();
        return Response.ok(current).tag(Preconditions.etag(current.version())).build();
    }

    /** Saves a new version of the rule set; the answer links the job that re-rates the leads. */
    @PUT
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Operation(operationId = "replaceQualificationRules", summary = "Save a new version of the qualification rules",
            description = "Validates the whole rule set (every error is reported), stores it as the next version and "
                    + "starts a job that re-rates all of the tenant's leads with it; a running job is superseded. "
                    + "version, createdAt and createdBy may be sent back as they were read; other values are refused. If-Match is optional; "
                    + "when sent it must name the current version (412 when another save came first).")
    @APIResponse(responseCode = "201", description = "The new version, with the re-rating job in rerating",
            content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "409", description = "Another save of the tenant's rules took this version first; "
            + "read the rules and save again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response save(@Parameter(description = "Optional: the ETag of the rules this change is based on")
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Replacement<RuleSetView> body) {
        Long expected = Preconditions.optionalVersion(ifMatch);
        QualificationService.Saved saved = service.save(body, expected);
        return Response.status(Response.Status.CREATED)
                .location(URI.create("qualification/rules/versions/" + saved.ruleSet().version()))
                .tag(Preconditions.etag(saved.ruleSet().version()))
                .entity(RuleSetView.of(saved.ruleSet(), RerateJobView.of(saved.job())))
                .build();
    }

    @GET
    @Path("rules/versions")
    @Operation(operationId = "listQualificationRuleVersions", summary = "List the saved versions of the rules",
            description = "Newest first, without their rules; the next page is in page.nextCursor and in the Link "
                    + "header (rel=next).")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = RuleSetView.Versions.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response versions(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                         @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, "
                                                 + "maximum 100 unless configured)",
                                                 schema = @Schema(implementation = Integer.class))
                                         @QueryParam("limit") String limitText) {
        RuleSetView.Versions page = service.versions(Paging.numberCursor(cursor), Paging.limit(limitText));
        return Pages.ok(uriInfo, page, page.page().nextCursor());
    }

    @GET
    @Path("rules/versions/{version}")
    @Operation(operationId = "getQualificationRuleVersion", summary = "Read a saved version of the rules")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleSetView.class)),
            headers = @Header(name = "ETag", description = "none"))
    @APIResponse(responseCode = "400", description = "The version is not a whole number",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RuleSetView version(@Parameter(description = "The version number", schema = @Schema(implementation = Integer.class))
                              @PathParam("version") String version) {
        return service.version(version);
    }

    @GET
    @Path("jobs")
    @Operation(operationId = "listRerateJobs", summary = "List the re-rating jobs",
            description = "The jobs that re-rate the tenant's leads, newest first; the next page is in "
                    + "page.nextCursor and in the Link header (rel=next).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RerateJobView.Jobs.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response jobs(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                         @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, "
                                                 + "maximum 100 unless configured)",
                                                 schema = @Schema(implementation = Integer.class))
                                         @QueryParam("limit") String limitText) {
        RerateJobView.Jobs page = service.jobs(Paging.idCursor(cursor), Paging.limit(limitText));
        return Pages.ok(uriInfo, page, page.page().nextCursor());
    }

    @GET
    @Path("jobs/{id}")
    @Operation(operationId = "getRerateJob", summary = "Read a re-rating job",
            description = "How far the job re-rating the tenant's leads has come.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RerateJobView.class)))
    public RerateJobView job(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return RerateJobView.of(service.job(id));
    }

    /** The lead's current rating with its reasons and recommendations. */
    @GET
    @Path("leads/{id}")
    @Operation(operationId = "getLeadRating", summary = "Read a lead's rating",
            description = "The lead's rating, score and reasons with the open and the decided recommended actions; "
                    + "a lead not rated yet is rated now.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadScoring.class)))
    @APIResponse(responseCode = "301", description = "The lead was merged into another: the same path under the "
            + "surviving lead", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public LeadScoring rating(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return service.rating(id);
    }

    /** Rates the lead again now. */
    @POST
    @Path("leads/{id}/rate")
    @Operation(operationId = "rateLead", summary = "Rate a lead again now",
            description = "Rates the lead with the current rules and scoring plugins, e.g. after a plugin was enabled.")
    @APIResponse(responseCode = "200", description = "The new rating",
            content = @Content(schema = @Schema(implementation = LeadScoring.class)))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public LeadScoring rerate(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return service.rerate(id);
    }
}
