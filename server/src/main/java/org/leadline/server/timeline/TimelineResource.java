package org.leadline.server.timeline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.Role;

/** The lead's merged timeline. */
@Path("leads/{leadId}/timeline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class TimelineResource {

    @Inject
    TimelineFeed feed;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    /**
     * Everything that happened on the lead, newest first.
     *
     * @param kind       kinds to show (repeat or comma-separate); all when absent
     * @param employeeId only entries of this employee ({@code me} for the caller)
     */
    @GET
    public Response timeline(@PathParam("leadId") String leadId, @QueryParam("kind") List<String> kind,
                             @QueryParam("employeeId") String employeeId, @QueryParam("cursor") String cursor,
                             @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Set<TimelineKind> kinds = kinds(kind);
        String actor = userId("employeeId", employeeId);
        TimelineFeed.Page page = feed.page(leadId, kinds, actor, cursor, limit);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (TimelineFeed.Entry e : page.items()) {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("id", e.entry().id())
                    .add("kind", e.entry().kind().name())
                    .add("occurredAt", e.entry().occurredAt().toString());
            b.add("employeeId", e.entry().actorId() == null ? JsonValue.NULL : Json.createValue(e.entry().actorId()));
            b.add("item", e.item() == null ? JsonValue.NULL : e.item());
            array.add(b);
        }
        return LeadItemResource.pageResponse(uriInfo, array, limit, page.next());
    }

    private static Set<TimelineKind> kinds(List<String> values) {
        Set<TimelineKind> set = EnumSet.noneOf(TimelineKind.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    set.add(TimelineKind.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.parameter("kind", "must be one of " + Arrays.stream(TimelineKind.values())
                            .map(Enum::name).collect(Collectors.joining(", ")));
                }
            }
        }
        return set;
    }

    private String userId(String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if ("me".equals(value.strip())) {
            return caller.userId();
        }
        if (!Ids.isValid(value.strip())) {
            throw ProblemException.parameter(param, "must be a user id or me");
        }
        return value.strip();
    }
}
