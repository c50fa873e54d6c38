package org.leadline.server.timeline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.CurrentCaller;

/** The lead's merged timeline. */
@Path("leads/{leadId}/timeline")
@Tag(name = "Timeline", description = "Everything that happened on a lead, newest first, in one list")
@ApplicationScoped
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
    @Operation(operationId = "listLeadTimeline", summary = "List what happened on a lead",
            description = "The lead's interactions, notes, social posts, audit entries, stage and rating changes, "
                    + "merges and recommendations, newest first. Each entry carries its item as the item's own "
                    + "resource shows it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TimelineEntryView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response timeline(@Parameter(description = "The lead", schema = @Schema(format = "uuid"))
                             @PathParam("leadId") String leadId,
                             @Parameter(description = "Only entries of these kinds (repeat or comma-separate); all "
                                     + "when absent", schema = @Schema(implementation = TimelineKind[].class))
                             @QueryParam("kind") List<String> kind,
                             @Parameter(description = "Only entries of this employee: a user id or me")
                             @QueryParam("employeeId") String employeeId,
                             @Parameter(description = LeadItemResource.PAGE_CURSOR) @QueryParam("cursor") String cursor,
                             @Parameter(description = LeadItemResource.PAGE_LIMIT,
                                     schema = @Schema(implementation = Integer.class))
                             @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Set<TimelineKind> kinds = kinds(kind);
        String actor = userId("employeeId", employeeId);
        TimelineFeed.Page page = feed.page(leadId, kinds, actor, cursor, limit);
        List<TimelineEntryView> items = page.items().stream()
                .map(TimelineEntryView::of)
                .toList();
        return LeadItemResource.pageResponse(uriInfo, limit, page.next(), info -> new TimelineEntryView.Page(items, info));
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
