package org.leadline.server.tenancy;

import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;

/** The platform administrator's view of tenants: create, list, rename, disable, enable. */
@Path("tenants")
@Tag(name = "Tenants", description = "The platform administrator's view of tenants: create (with the first "
        + "administrator), list, read, rename, disable, enable")
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
    @Operation(operationId = "createTenant", summary = "Create a tenant",
            description = "Creates a tenant and its first user, with the roles TENANT_ADMIN and SALES. Without a "
                    + "password for that administrator one is generated and returned as initialPassword, in this "
                    + "answer only (Cache-Control: no-store).")
    @APIResponse(responseCode = "201", description = "The tenant and its administrator",
            content = @Content(schema = @Schema(implementation = TenantView.Created.class)))
    @APIResponse(responseCode = "409", description = "The slug or the administrator's username is taken", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response create(TenantView.Create body) {
        String slug = body.slug();
        String name = body.name();
        String username = AccountRules.username(body.admin().username());
        String displayName = body.admin().displayName();
        String email = body.admin().email();
        String password = body.admin().password();
        if (password != null) {
            Passwords.checkPolicy("admin.password", password, username, displayName, email, slug, name);
        }

        Tenant tenant = directory.createTenant(slug, name);
        String initialPassword = password != null ? password : Secrets.newPassword();
        UserAccount user = directory.createUser(tenant.id(), username, displayName != null ? displayName : username,
                email, EnumSet.of(Role.TENANT_ADMIN, Role.SALES), initialPassword);
        TenantView.Created result = TenantView.Created.of(tenant, user, password == null ? initialPassword : null);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(tenant.id()).build())
                .tag(Preconditions.etag(tenant.version())).entity(result).header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(operationId = "listTenants", summary = "List tenants",
            description = "All tenants of the installation, disabled ones included, in the order of their ids; the next page is in page.nextCursor and in the Link header (rel=next).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page")
                                @QueryParam("cursor") String cursor,
                                @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, "
                                      + "maximum 100 unless configured)", schema = @Schema(implementation = Integer.class))
                                @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        List<Tenant> tenants = directory.tenants(Paging.idCursor(cursor), limit + 1);
        return Pages.page(uriInfo, tenants, limit, TenantView::of, TenantView.Page::new, Tenant::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTenant", summary = "Read a tenant")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantView.class)))
    public Response read(@Parameter(description = "The tenant's id", schema = @Schema(format = "uuid"))
                         @PathParam("id") String id) {
        Tenant tenant = directory.tenant(id);
        return Response.ok(TenantView.of(tenant)).tag(Preconditions.etag(tenant.version())).build();
    }

    /** Renames, disables ({@code "status": "DISABLED"}) or re-enables a tenant. */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateTenant", summary = "Change a tenant",
            description = "Renames the tenant, disables it (status DISABLED: its users can no longer sign in and "
                    + "their tokens stop working) or re-enables it. If-Match is optional; when sent it must name the "
                    + "current version (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The tenant as changed",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    public Response update(@Parameter(description = "The tenant's id", schema = @Schema(format = "uuid"))
                           @PathParam("id") String id,
                           @Parameter(description = "Optional: the ETag of the version this change is based on")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, TenantView.Update body) {
        Long version = Preconditions.optionalVersion(ifMatch);
        String name = body.name();
        Tenant.Status status = AccountRules.status(body.status(), Tenant.Status.class);
        Tenant tenant = directory.updateTenant(id, version, name, status);
        return Response.ok(TenantView.of(tenant)).tag(Preconditions.etag(tenant.version())).build();
    }
}
