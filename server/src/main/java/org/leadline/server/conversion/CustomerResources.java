package org.leadline.server.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.web.PageInfo;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.Role;

/** What the contact, account and opportunity resources share: paging, conditional reads, merge-patch text fields. */
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

    static String text(JsonObject body, JsonInput in, String key, String current, int max, boolean required) {
        if (!in.has(key)) {
            boolean cleared = isNull(body, key);
            if (cleared && required) {
                in.error(key, "is required");
            }
            return cleared ? null : current;
        }
        String v = in.string(key);
        if (v != null && v.length() > max) {
            in.error(key, "must be at most " + max + " characters");
        }
        if (v == null && required) {
            in.error(key, "is required");
        }
        return v;
    }

    /** In a merge patch, an explicit null clears the field; an absent key keeps it. */
    static boolean isNull(JsonObject body, String key) {
        return body.containsKey(key) && body.get(key).getValueType() == jakarta.json.JsonValue.ValueType.NULL;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
