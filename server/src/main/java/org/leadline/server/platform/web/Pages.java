package org.leadline.server.platform.web;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.api.page.PageInfo;

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

    /**
     * The cursor of the page after {@code rows}, which were read with one row more than
     * {@code limit} to know whether there is one: the key of the page's last row, or null.
     */
    public static <T> String nextCursor(List<T> rows, int limit, Function<T, String> key) {
        return rows.size() > limit ? key.apply(rows.get(limit - 1)) : null;
    }

    /**
     * A 200 with a page of {@code rows} (read with one more than {@code limit}) made into the
     * collection's page record by {@code page}, and the Link to the next page.
     */
    public static <T, V> Response page(UriInfo uriInfo, List<T> rows, int limit, Function<T, V> view,
                                       BiFunction<List<V>, PageInfo, Object> page, Function<T, String> key) {
        List<V> items = rows.stream().limit(limit).map(view).toList();
        String next = nextCursor(rows, limit, key);
        return ok(uriInfo, page.apply(items, PageInfo.of(limit, next)), next);
    }
}
