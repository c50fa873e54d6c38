package org.leadline.server.lead;

import java.net.URI;

import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.Problems;

/**
 * A merged-away lead's id, asked for. A read (GET or HEAD, of the lead or of anything under it)
 * is permanently redirected (301) to the same path under the survivor, so clients that follow
 * redirects keep working; any other method is refused with a {@code lead-merged} problem (409)
 * whose {@code mergedInto} names the survivor, because a change meant for one lead must not land
 * on another without the client knowing.
 */
@Provider
public class LeadMergedMapper implements ExceptionMapper<LeadMerged> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(LeadMerged merged) {
        URI requested = uriInfo.getRequestUri();
        String path = requested.getRawPath();
        URI survivor = uriInfo.getBaseUriBuilder().path("leads").path(merged.survivorId()).build();
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            String marker = "/leads/" + merged.mergedId();
            int at = path.indexOf(marker);
            URI location = at < 0 ? survivor : requested.resolve(path.substring(0, at) + "/leads/"
                    + merged.survivorId() + path.substring(at + marker.length())
                    + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
            // The body repeats the status it is sent with, as RFC 9457 asks.
            JsonObject body = Json.createObjectBuilder(Problems.body(merged.type(), merged.getMessage(), path,
                    merged.errors(), merged.extensions())).add("status", 301).build();
            return Response.status(Response.Status.MOVED_PERMANENTLY).type(Problems.MEDIA).entity(body.toString())
                    .location(location).build();
        }
        return Response.fromResponse(Problems.response(merged, path)).header(HttpHeaders.LINK, "<" + survivor + ">; rel=\"alternate\"").build();
    }
}
