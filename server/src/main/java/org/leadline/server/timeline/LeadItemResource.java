package org.leadline.server.timeline;

import java.net.URI;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.leadline.api.page.PageInfo;
import org.leadline.server.platform.json.MergePatch;
import org.leadline.server.platform.json.Replacement;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;

/**
 * The HTTP side of one kind of lead item under {@code /leads/{leadId}/...}: create, read, replace,
 * merge-patch, delete and list, with ETag/If-Match like leads. Subclasses name the path, the
 * roles and the kind.
 *
 * <p>A new item's body is read into the kind's record {@code V} (the subclass names it, and the API
 * document takes the body's schema from it); a replacement or a merge patch is read into it too, against
 * the item as stored, so that read-only members may be sent back unchanged.
 *
 * <p>The OpenAPI annotations here use the placeholders of {@link
 * org.leadline.server.platform.openapi.ResourceNames}, which every subclass declares.
 */
public abstract class LeadItemResource<E extends LeadItem, V extends Record> {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** The descriptions of the paging parameters every lead sub-resource list shares. */
    public static final String PAGE_CURSOR = "The nextCursor of the previous page";
    public static final String PAGE_LIMIT = "Page size, 1 to leadline.api.page-size-max (default 50, maximum 100 "
            + "unless configured)";

    @Inject
    protected LeadItems items;

    @Context
    protected UriInfo uriInfo;

    protected abstract LeadItemKind<E, V, ?> kind();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "create{Item}", summary = "Add to a lead's {items}",
            description = "Stores a new {item} on the lead. Members the server owns may be left out; every invalid "
                    + "member is reported in the problem's errors.")
    @RequestBody(content = @Content(schema = @Schema(ref = "{Item}")))
    @APIResponse(responseCode = "201", description = "The {item} as stored",
            content = @Content(schema = @Schema(ref = "{Item}")), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response create(@Parameter(description = "The lead", schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId, V body) {
        E item = items.create(kind(), leadId, body);
        URI location = uriInfo.getAbsolutePathBuilder().path(item.id()).build();
        return Response.created(location).tag(Preconditions.etag(item.version())).entity(kind().view(item)).build();
    }

    @GET
    @Path("{itemId}")
    @Operation(operationId = "get{Item}", summary = "Read one of a lead's {items}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "{Item}")),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response read(@Parameter(description = "The lead", schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                         @Parameter(description = "The {item}", schema = @Schema(format = "uuid")) @PathParam("itemId") String itemId,
                         @Context Request request) {
        E item = items.find(kind(), leadId, itemId);
        EntityTag etag = Preconditions.etag(item.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(kind().view(item)).tag(etag).build();
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replace{Item}", summary = "Replace one of a lead's {items}",
            description = "Replaces every writable member; members left out are cleared. Read-only members may be "
                    + "sent back unchanged.")
    @RequestBody(content = @Content(schema = @Schema(ref = "{Item}")))
    @APIResponse(responseCode = "200", description = "The {item} as stored",
            content = @Content(schema = @Schema(ref = "{Item}")), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response replace(@Parameter(description = "The lead", schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                            @Parameter(description = "The {item}", schema = @Schema(format = "uuid")) @PathParam("itemId") String itemId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Replacement<V> body) {
        items.find(kind(), leadId, itemId);
        E item = items.replace(kind(), leadId, itemId, Preconditions.requiredVersion(ifMatch), body);
        return Response.ok(kind().view(item)).tag(Preconditions.etag(item.version())).build();
    }

    @PATCH
    @Path("{itemId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "update{Item}", summary = "Change some members of one of a lead's {items}",
            description = "An RFC 7396 JSON merge patch: members sent replace the stored ones, null removes one.")
    @RequestBody(content = @Content(schema = @Schema(ref = "{Item}")))
    @APIResponse(responseCode = "200", description = "The {item} as stored",
            content = @Content(schema = @Schema(ref = "{Item}")), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response patch(@Parameter(description = "The lead", schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                          @Parameter(description = "The {item}", schema = @Schema(format = "uuid")) @PathParam("itemId") String itemId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MergePatch<V> patch) {
        items.find(kind(), leadId, itemId);
        E item = items.patch(kind(), leadId, itemId, Preconditions.requiredVersion(ifMatch), patch);
        return Response.ok(kind().view(item)).tag(Preconditions.etag(item.version())).build();
    }

    @DELETE
    @Path("{itemId}")
    @Operation(operationId = "delete{Item}", summary = "Delete one of a lead's {items}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response delete(@Parameter(description = "The lead", schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                           @Parameter(description = "The {item}", schema = @Schema(format = "uuid")) @PathParam("itemId") String itemId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        items.find(kind(), leadId, itemId);
        items.delete(kind(), leadId, itemId, Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Operation(operationId = "list{Items}", summary = "List a lead's {items}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "{Item}Page")),
            headers = @Header(name = "Link", ref = "Link"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response list(@Parameter(description = "The lead", schema = @Schema(format = "uuid")) @PathParam("leadId") String leadId,
                         @Parameter(description = PAGE_CURSOR) @QueryParam("cursor") String cursor,
                         @Parameter(description = PAGE_LIMIT, schema = @Schema(implementation = Integer.class))
                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        LeadItems.Page<E> page = items.list(kind(), leadId, cursor, limit);
        return pageResponse(uriInfo, limit, page.next(), info -> kind().page(page.items(), info));
    }

    /**
     * The list envelope every lead sub-resource answers with: the page record {@code body} makes of
     * the page's position, and the next page's address in the Link header.
     */
    static Response pageResponse(UriInfo uriInfo, int limit, Keyset next, Function<PageInfo, Record> body) {
        Response.ResponseBuilder rb = Response.ok();
        String cursor = null;
        if (next != null) {
            cursor = next.encode();
            rb.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build(), "next");
        }
        return rb.entity(body.apply(PageInfo.of(limit, cursor))).build();
    }
}
