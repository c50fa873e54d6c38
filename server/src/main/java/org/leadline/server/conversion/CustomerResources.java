package org.leadline.server.conversion;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.server.platform.web.PageInfo;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Preconditions;

/** What the contact, account and opportunity resources share: paging and conditional reads. */
final class CustomerResources {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private CustomerResources() {
    }

    /**
     * A page of {@code rows} (one more than {@code limit} was fetched, to know whether a next page
     * exists) made into a page record by {@code page}, with the Link to the next page.
     */
    static <T, V> Response page(UriInfo uriInfo, List<T> rows, int limit, Function<T, V> view,
                                java.util.function.BiFunction<List<V>, PageInfo, Object> page, Function<T, String> id) {
        List<V> items = rows.stream().limit(limit).map(view).toList();
        String next = rows.size() > limit ? id.apply(rows.get(limit - 1)) : null;
        return Pages.ok(uriInfo, page.apply(items, PageInfo.of(limit, next)), next);
    }

    static Response read(Request request, long version, Object body) {
        EntityTag etag = Preconditions.etag(version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return notModified != null ? notModified.build() : Response.ok(body).tag(etag).build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
