package org.leadline.server.conversion;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.platform.json.MergePatch;
import org.leadline.server.platform.web.Pages;

/** Accounts: read, list, patch with If-Match. */
@Path("accounts")
@Tag(name = "Accounts", description = "Companies the tenant does business with, made from qualified leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class AccountResource {

    @Inject
    CustomerService customers;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listAccounts", summary = "List accounts",
            description = "The tenant's accounts, oldest first; the next page is in page.nextCursor and in the Link header (rel=next), both absent on the last page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                           @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum 100 unless configured)",
                                   schema = @Schema(implementation = Integer.class)) @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return Pages.page(uriInfo, customers.list(Account.class, CustomerResources.blankToNull(cursor), limit), limit,
                CustomerJson::account, AccountView.Page::new, Account::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAccount", summary = "Read an account",
            description = "The account; 304 when If-None-Match names its current version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    public Response read(@Parameter(description = "The account's id", schema = @Schema(format = "uuid")) @PathParam("id") String id,
                         @Context Request request) {
        Account a = customers.find(Account.class, id);
        return CustomerResources.read(request, a.version(), CustomerJson.account(a));
    }

    @PATCH
    @Path("{id}")
    @Consumes({CustomerResources.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateAccount", summary = "Change some members of an account",
            description = "An RFC 7396 JSON merge patch: members sent replace the stored ones, null clears an optional one. Every invalid member is reported.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Response patch(@Parameter(description = "The account's id", schema = @Schema(format = "uuid")) @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MergePatch<AccountView.Changes> body) {
        Account a = customers.find(Account.class, id);
        Long version = Preconditions.requiredVersion(ifMatch);
        AccountView.Changes changes = body.applyTo(new AccountView.Changes(a.name(), a.website(),
                a.industry(), a.country()));
        Account updated = customers.updateAccount(id, version == null ? a.version() : version, changes.name(),
                changes.website(), changes.industry(),
                changes.country() == null ? null : changes.country().toUpperCase(Locale.ROOT));
        return Response.ok(CustomerJson.account(updated)).tag(Preconditions.etag(updated.version())).build();
    }
}
