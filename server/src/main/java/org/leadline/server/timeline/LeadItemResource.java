package org.leadline.server.timeline;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;

/**
 * The HTTP side of one kind of lead item under {@code /leads/{leadId}/...}: create, read, replace,
 * merge-patch, delete and list, with ETag/If-Match like leads. Subclasses name the path, the
 * roles and the kind.
 */
public abstract class LeadItemResource<E extends LeadItem> {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    protected LeadItems items;

    @Context
    protected UriInfo uriInfo;

    protected abstract LeadItemKind<E, ?> kind();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("leadId") String leadId, JsonObject body) {
        E item = items.create(kind(), leadId, body);
        URI location = uriInfo.getAbsolutePathBuilder().path(item.id()).build();
        return Response.created(location).tag(Preconditions.etag(item.version())).entity(kind().write(item)).build();
    }

    @GET
    @Path("{itemId}")
    public Response read(@PathParam("leadId") String leadId, @PathParam("itemId") String itemId,
                         @Context Request request) {
        E item = items.find(kind(), leadId, itemId);
        EntityTag etag = Preconditions.etag(item.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(kind().write(item)).tag(etag).build();
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("leadId") String leadId, @PathParam("itemId") String itemId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject body) {
        items.find(kind(), leadId, itemId);
        E item = items.replace(kind(), leadId, itemId, Preconditions.requiredVersion(ifMatch), body);
        return Response.ok(kind().write(item)).tag(Preconditions.etag(item.version())).build();
    }

    @PATCH
    @Path("{itemId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("leadId") String leadId, @PathParam("itemId") String itemId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject patch) {
        items.find(kind(), leadId, itemId);
        E item = items.patch(kind(), leadId, itemId, Preconditions.requiredVersion(ifMatch), patch);
        return Response.ok(kind().write(item)).tag(Preconditions.etag(item.version())).build();
    }

    @DELETE
    @Path("{itemId}")
    public Response delete(@PathParam("leadId") String leadId, @PathParam("itemId") String itemId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        items.find(kind(), leadId, itemId);
        items.delete(kind(), leadId, itemId, Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    public Response list(@PathParam("leadId") String leadId, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        LeadItems.Page<E> page = items.list(kind(), leadId, cursor, limit);
        JsonArrayBuilder array = Json.createArrayBuilder();
        page.items().forEach(i -> array.add(kind().write(i)));
        return pageResponse(uriInfo, array, limit, page.next());
    }

    /** The list envelope every lead sub-resource answers with. */
    static Response pageResponse(UriInfo uriInfo, JsonArrayBuilder items, int limit, Keyset next) {
        JsonObjectBuilder pageInfo = Json.createObjectBuilder().add("limit", limit);
        Response.ResponseBuilder rb = Response.ok();
        if (next != null) {
            String cursor = next.encode();
            pageInfo.add("nextCursor", cursor);
            rb.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build(), "next");
        }
        return rb.entity(Json.createObjectBuilder().add("items", items).add("page", pageInfo).build()).build();
    }
}
