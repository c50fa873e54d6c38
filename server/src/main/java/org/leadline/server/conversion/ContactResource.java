package org.leadline.server.conversion;

import java.util.List;

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

/** Contacts: read, list, patch with If-Match. */
@Path("contacts")
@Tag(name = "Contacts", description = "People the tenant does business with, made from qualified leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class ContactResource {

    @Inject
    CustomerService customers;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listContacts", summary = "List contacts",
            description = "The tenant's contacts, oldest first; the next page is in page.nextCursor and in the Link header (rel=next), both absent on the last page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                           @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum 100 unless configured)",
                                   schema = @Schema(implementation = Integer.class)) @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return Pages.page(uriInfo, customers.list(Contact.class, CustomerResources.blankToNull(cursor), limit), limit,
                CustomerJson::contact, ContactView.Page::new, Contact::id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getContact", summary = "Read a contact",
            description = "The contact; 304 when If-None-Match names its current version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    public Response read(@Parameter(description = "The contact's id", schema = @Schema(format = "uuid")) @PathParam("id") String id,
                         @Context Request request) {
        Contact c = customers.find(Contact.class, id);
        return CustomerResources.read(request, c.version(), CustomerJson.contact(c));
    }

    @PATCH
    @Path("{id}")
    @Consumes({CustomerResources.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateContact", summary = "Change some members of a contact",
            description = "An RFC 7396 JSON merge patch: members sent replace the stored ones, null clears an optional one. Every invalid member is reported.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Response patch(@Parameter(description = "The contact's id", schema = @Schema(format = "uuid")) @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MergePatch<ContactView.Changes> body) {
        Contact c = customers.find(Contact.class, id);
        Long version = Preconditions.requiredVersion(ifMatch);
        ContactView.Changes changes = body.applyTo(new ContactView.Changes(c.salutation(), c.firstName(),
                c.lastName(), c.jobTitle(), c.email(), c.phone()));
        Contact updated = customers.updateContact(id, version == null ? c.version() : version,
                changes.salutation(), changes.firstName(), changes.lastName(), changes.jobTitle(), changes.email(),
                changes.phone());
        return Response.ok(CustomerJson.contact(updated)).tag(Preconditions.etag(updated.version())).build();
    }
}
