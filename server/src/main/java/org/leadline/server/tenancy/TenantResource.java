package org.leadline.server.tenancy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
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
import org.leadline.server.platform.web.Paging;

/** The platform administrator's view of tenants: create, list, rename, disable, enable. */
@Path("tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class TenantResource {

    @Inject
    Directory directory;

    @Context
    UriInfo uriInfo;

    /**
     * Creates a tenant and its first tenant administrator. Without a password for the
     * administrator one is generated and returned in this response only.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String slug = in.string("slug");
        if (slug == null) {
            in.error("slug", "is required");
        } else if (!AccountRules.SLUG.matcher(slug).matches()) {
            in.error("slug", "must be 1 to 63 lower-case letters, digits and inner hyphens");
        }
        String name = AccountRules.text(in, "name", 200, true);
        JsonInput admin = in.object("admin");
        String username = null;
        String displayName = null;
        String email = null;
        String password = null;
        if (admin == null) {
            in.error("admin", "is required: the tenant's first administrator (username, displayName, email, password)");
        } else {
            username = AccountRules.username(admin, "username", true);
            displayName = AccountRules.text(admin, "displayName", 200, false);
            email = AccountRules.email(admin, "email");
            password = AccountRules.password(admin, "password");
            admin.rejectUnknown();
        }
        in.rejectUnknown();
        AccountRules.check(errors);

        Tenant tenant = directory.createTenant(slug, name);
        String initialPassword = password != null ? password : Secrets.newPassword();
        UserAccount user = directory.createUser(tenant.id(), username, displayName != null ? displayName : username,
                email, EnumSet.of(Role.TENANT_ADMIN, Role.SALES), initialPassword);
        JsonObjectBuilder result = Json.createObjectBuilder(TenancyJson.tenant(tenant))
                .add("admin", TenancyJson.user(user));
        if (password == null) {
            result.add("initialPassword", initialPassword);
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(tenant.id()).build())
                .entity(result.build()).header("Cache-Control", "no-store").build();
    }

    @GET
    public JsonObject list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        List<Tenant> tenants = directory.tenants(cursor, limit + 1);
        JsonArrayBuilder items = Json.createArrayBuilder();
        tenants.stream().limit(limit).forEach(t -> items.add(TenancyJson.tenant(t)));
        JsonObjectBuilder page = Json.createObjectBuilder().add("limit", limit);
        if (tenants.size() > limit) {
            page.add("nextCursor", tenants.get(limit - 1).id());
        }
        return Json.createObjectBuilder().add("items", items).add("page", page).build();
    }

    @GET
    @Path("{id}")
    public JsonObject read(@PathParam("id") String id) {
        return TenancyJson.tenant(directory.tenant(id));
    }

    /** Renames, disables ({@code "status": "DISABLED"}) or re-enables a tenant. */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String name = AccountRules.text(in, "name", 200, false);
        Tenant.Status status = in.enumValue("status", Tenant.Status.class);
        in.rejectUnknown();
        AccountRules.check(errors);
        return TenancyJson.tenant(directory.updateTenant(id, name, status));
    }
}
