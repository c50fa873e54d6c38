package org.leadline.server.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;

/** The tenant administrator's view of the tenant's users. */
@Path("users")
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
    public Response create(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String username = AccountRules.username(in, "username", true);
        String displayName = AccountRules.text(in, "displayName", 200, true);
        String email = AccountRules.email(in, "email");
        Set<Role> roles = AccountRules.roles(body, in, "roles", Directory.tenantRoles(), true);
        String password = AccountRules.password(in, "password");
        in.rejectUnknown();
        AccountRules.check(errors);
        UserAccount user = directory.createUser(caller.tenantId(), username, displayName, email, roles, password);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.id()).build())
                .entity(TenancyJson.user(user)).build();
    }

    @GET
    public JsonObject list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        List<UserAccount> users = directory.users(caller.tenantId(), cursor, limit + 1);
        JsonArrayBuilder items = Json.createArrayBuilder();
        users.stream().limit(limit).forEach(u -> items.add(TenancyJson.user(u)));
        JsonObjectBuilder page = Json.createObjectBuilder().add("limit", limit);
        if (users.size() > limit) {
            page.add("nextCursor", users.get(limit - 1).id());
        }
        return Json.createObjectBuilder().add("items", items).add("page", page).build();
    }

    @GET
    @Path("{id}")
    public JsonObject read(@PathParam("id") String id) {
        return TenancyJson.user(directory.user(caller.tenantId(), id));
    }

    /** Changes a user's name, e-mail, roles, password, or disables ({@code "status": "DISABLED"}) it. */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String displayName = AccountRules.text(in, "displayName", 200, false);
        String email = AccountRules.email(in, "email");
        Set<Role> roles = AccountRules.roles(body, in, "roles", Directory.tenantRoles(), false);
        UserAccount.Status status = in.enumValue("status", UserAccount.Status.class);
        String password = AccountRules.password(in, "password");
        in.rejectUnknown();
        AccountRules.check(errors);
        if (id.equals(caller.userId()) && (status == UserAccount.Status.DISABLED
                || (roles != null && !roles.contains(Role.TENANT_ADMIN)))) {
            throw ProblemException.field(status != null ? "status" : "roles",
                    "you cannot disable yourself or remove your own administrator role");
        }
        return TenancyJson.user(directory.updateUser(caller.tenantId(), id, displayName, email, roles, status, password));
    }
}
