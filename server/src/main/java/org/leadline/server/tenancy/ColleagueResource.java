package org.leadline.server.tenancy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.leadline.api.page.PageInfo;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;

/**
 * The names of the tenant's users for every seller: who wrote a note, who owns a lead, whose
 * entries the timeline is filtered by. Only the id and the display name; the user administration
 * ({@code /users}, with sign-in names, e-mail addresses and roles) stays with tenant administrators.
 */
@Path("colleagues")
@Tag(name = "Users", description = "The tenant administrator's view of the tenant's users: create, list, read, "
        + "change, disable")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class ColleagueResource {

    @Inject
    Directory directory;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    /** A user of the caller's tenant as a colleague sees them. */
    @Schema(name = "Colleague", description = "A user of the caller's tenant: id and display name")
    public record Colleague(@NotNull @Schema(format = "uuid") String id, @NotNull String displayName,
                            @NotNull @Schema(description = "false for a disabled user") Boolean active) {

        static Colleague of(UserAccount u) {
            return new Colleague(u.id(), u.displayName(), u.status() == UserAccount.Status.ACTIVE);
        }
    }

    /** A page of colleagues. */
    @Schema(name = "ColleagueList")
    public record Page(@NotNull List<Colleague> items, @NotNull PageInfo page) {
    }

    @GET
    @Operation(operationId = "listColleagues", summary = "List the tenant's users by name",
            description = "Every user of the caller's tenant (disabled ones too, marked) with id and display name, in "
                    + "the order of their ids; for naming owners and authors and filtering by them. The next page is in "
                    + "page.nextCursor and in the Link header (rel=next).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum "
                                 + "100 unless configured)", schema = @Schema(implementation = Integer.class))
                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        List<UserAccount> users = directory.users(caller.tenantId(), Paging.idCursor(cursor), limit + 1);
        return Pages.page(uriInfo, users, limit, Colleague::of, Page::new, UserAccount::id);
    }
}
