package org.leadline.server.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.api.problem.FieldError;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.Settings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;

/**
 * API tokens for machine clients. A token acts as one user of the tenant (with that user's roles);
 * its secret is shown once, at creation, and only its hash is kept.
 */
@Path("api-tokens")
@Tag(name = "API tokens", description = "Long-lived bearer tokens for machine clients, each acting as one user of "
        + "the tenant: create, list, read, revoke")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class ApiTokenResource {

    static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

    @Inject
    Directory directory;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Create an API token",
            description = "Issues a token acting as the given user of the tenant (the caller when userId is absent). "
                    + "The answer carries the secret in token, this once only (Cache-Control: no-store); the server "
                    + "keeps only its hash.")
    @APIResponse(responseCode = "201", description = "The token, with its secret",
            content = @Content(schema = @Schema(implementation = ApiTokenView.class)))
    @APIResponse(responseCode = "404", description = "No user with that userId in the tenant", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response create(ApiTokenView body) {
        List<FieldError> errors = new ArrayList<>();
        String name = body.name();
        String userId = body.userId();
        Instant expiresAt = body.expiresAt();
        Instant now = Timestamps.now();
        if (expiresAt == null) {
            expiresAt = now.plus(DEFAULT_VALIDITY);
        } else if (!expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else if (expiresAt.isAfter(now.plus(Settings.apiTokenMaxTtl()))) {
            errors.add(new FieldError("expiresAt", "must be at most " + Settings.apiTokenMaxTtl().toDays()
                    + " days from now"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Credentials.Issued issued = directory.createApiToken(caller.tenantId(),
                userId != null ? userId : caller.userId(), name, expiresAt, caller.userId());
        ApiTokenView result = ApiTokenView.of(issued.token(), issued.secret());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.token().id()).build())
                .entity(result).header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(operationId = "listApiTokens", summary = "List API tokens",
            description = "The tenant's API tokens, revoked and expired ones included, in the order of their ids; the next page "
                    + "is in page.nextCursor and in the Link header (rel=next). Secrets are never shown.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiTokenView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page")
                                  @QueryParam("cursor") String cursor,
                                  @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, "
                                      + "maximum 100 unless configured)", schema = @Schema(implementation = Integer.class))
                                  @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return Pages.page(uriInfo, directory.apiTokens(caller.tenantId(), Paging.idCursor(cursor), limit + 1), limit,
                t -> ApiTokenView.of(t, null), ApiTokenView.Page::new, AccessToken::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiToken", summary = "Read an API token",
            description = "The token's name, user, validity and last use; never its secret.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiTokenView.class)))
    public ApiTokenView read(@Parameter(description = "The token's id", schema = @Schema(format = "uuid"))
                             @PathParam("id") String id) {
        return ApiTokenView.of(directory.apiToken(caller.tenantId(), id), null);
    }

    /** Revokes the token at once; the record stays for the audit trail. */
    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token",
            description = "The token stops working at once; it stays listed, with revokedAt, for the audit trail.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@Parameter(description = "The token's id", schema = @Schema(format = "uuid"))
                           @PathParam("id") String id) {
        directory.revokeApiToken(caller.tenantId(), id);
        return Response.noContent().build();
    }
}
