package org.leadline.server.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.web.Paging;

/**
 * API tokens for machine clients. A token acts as one user of the tenant (with that user's roles);
 * its secret is shown once, at creation, and only its hash is kept.
 */
@Path("api-tokens")
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
    public Response create(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String name = AccountRules.text(in, "name", 100, true);
        String userId = in.string("userId");
        Instant expiresAt = in.instant("expiresAt");
        in.rejectUnknown();
        Instant now = Timestamps.now();
        if (expiresAt == null) {
            expiresAt = now.plus(DEFAULT_VALIDITY);
        } else if (!expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else if (expiresAt.isAfter(now.plus(Settings.apiTokenMaxTtl()))) {
            errors.add(new FieldError("expiresAt", "must be at most " + Settings.apiTokenMaxTtl().toDays()
                    + " days from now"));
        }
        AccountRules.check(errors);
        Credentials.Issued issued = directory.createApiToken(caller.tenantId(),
                userId != null ? userId : caller.userId(), name, expiresAt, caller.userId());
        JsonObject result = Json.createObjectBuilder(TenancyJson.token(issued.token()))
                .add("token", issued.secret()).build();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.token().id()).build())
                .entity(result).header("Cache-Control", "no-store").build();
    }

    @GET
    public JsonObject list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        List<AccessToken> tokens = directory.apiTokens(caller.tenantId(), cursor, limit + 1);
        JsonArrayBuilder items = Json.createArrayBuilder();
        tokens.stream().limit(limit).forEach(t -> items.add(TenancyJson.token(t)));
        JsonObjectBuilder page = Json.createObjectBuilder().add("limit", limit);
        if (tokens.size() > limit) {
            page.add("nextCursor", tokens.get(limit - 1).id());
        }
        return Json.createObjectBuilder().add("items", items).add("page", page).build();
    }

    @GET
    @Path("{id}")
    public JsonObject read(@PathParam("id") String id) {
        return TenancyJson.token(directory.apiToken(caller.tenantId(), id));
    }

    /** Revokes the token at once; the record stays for the audit trail. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        directory.revokeApiToken(caller.tenantId(), id);
        return Response.noContent().build();
    }
}
