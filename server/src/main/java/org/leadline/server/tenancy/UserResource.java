package org.leadline.server.tenancy;

import java.util.List;
import java.util.Set;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.api.tenancy.UserView;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;

/** The tenant administrator's view of the tenant's users. */
@Path("users")
@Tag(name = "Users", description = "The tenant administrator's view of the tenant's users: create, list, read, "
        + "change, disable")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class UserResource {

    @Inject
    Directory directory;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user",
            description = "Creates a user of the caller's tenant with the roles TENANT_ADMIN and/or SALES. Usernames "
                    + "are unique within the tenant; other tenants may have the same ones. The password must have "
                    + "12 to 200 characters and must not be a common or breached password or a simple pattern.")
    @APIResponse(responseCode = "201", description = "The user as stored",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The username is taken in this tenant", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response create(UserView.Create body) {
        String username = AccountRules.username(body.username());
        String displayName = body.displayName();
        String email = body.email();
        Set<Role> roles = AccountRules.roles(body.roles());
        String password = body.password();
        if (password != null) {
            Passwords.checkPolicy("password", password, username, displayName, email);
        }
        UserAccount user = directory.createUser(caller.tenantId(), username, displayName, email, roles, password);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.id()).build())
                .tag(Preconditions.etag(user.version())).entity(UserViewMapper.of(user)).build();
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List users",
            description = "The users of the caller's tenant, in the order of their ids; the next page is in page.nextCursor and in the Link header (rel=next).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page")
                              @QueryParam("cursor") String cursor,
                              @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, "
                                      + "maximum 100 unless configured)", schema = @Schema(implementation = Integer.class))
                              @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        List<UserAccount> users = directory.users(caller.tenantId(), Paging.idCursor(cursor), limit + 1);
        return Pages.page(uriInfo, users, limit, UserViewMapper::of, UserView.Page::new, UserAccount::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "Read a user", description = "A user of the caller's tenant.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response read(@Parameter(description = "The user's id", schema = @Schema(format = "uuid"))
                         @PathParam("id") String id) {
        UserAccount user = directory.user(caller.tenantId(), id);
        return Response.ok(UserViewMapper.of(user)).tag(Preconditions.etag(user.version())).build();
    }

    /** Changes a user's name, e-mail, roles, password, or disables ({@code "status": "DISABLED"}) it. */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateUser", summary = "Change a user",
            description = "Changes the display name, e-mail, roles or password, or disables (status DISABLED) or "
                    + "re-enables the user. A new password or disabling signs the user out everywhere. An "
                    + "administrator cannot disable themselves or drop their own TENANT_ADMIN role (400). If-Match is "
                    + "optional; when sent it must name the current version (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The user as changed",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response update(@Parameter(description = "The user's id", schema = @Schema(format = "uuid"))
                           @PathParam("id") String id,
                           @Parameter(description = "Optional: the ETag of the version this change is based on")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UserView.Update body) {
        Long version = Preconditions.optionalVersion(ifMatch);
        String displayName = body.displayName();
        String email = body.email();
        Set<Role> roles = AccountRules.roles(body.roles());
        UserAccount.Status status = AccountRules.status(body.status(), UserAccount.Status.class);
        String password = body.password();
        if (id.equals(caller.userId()) && (status == UserAccount.Status.DISABLED
                || (roles != null && !roles.contains(Role.TENANT_ADMIN)))) {
            throw ProblemException.field(status != null ? "status" : "roles",
                    "you cannot disable yourself or remove your own administrator role");
        }
        UserAccount user = directory.updateUser(caller.tenantId(), id, version, displayName, email, roles, status,
                password);
        return Response.ok(UserViewMapper.of(user)).tag(Preconditions.etag(user.version())).build();
    }
}
