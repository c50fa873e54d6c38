package org.leadline.server.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a collection read: the page as the body and, when there is a next page, {@code Link: <…>; rel="next"}. */
public final class Pages {

    private Pages() {
    }

    /**
     * A 200 with {@code page} as the body and, when {@code nextCursor} is not null, a Link to the
     * same request with that cursor.
     */
    public static Response ok(UriInfo uriInfo, Object page, String nextCursor) {
        Response.ResponseBuilder rb = Response.ok(page);
        if (nextCursor != null) {
            rb.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build(), "next");
        }
        return rb.build();
    }
}
