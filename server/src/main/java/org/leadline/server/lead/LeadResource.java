package org.leadline.server.lead;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import org.leadline.server.capture.DuplicateCheck;
import org.leadline.server.capture.DuplicateFinder;
import org.leadline.server.platform.idempotency.IdempotencyKeys;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.Role;

/** Leads: create, read, replace, patch, delete and list. */
@Path("leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadResource {

    @Inject
    jakarta.enterprise.inject.Instance<LeadDetails> details;

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int MAX_SEARCH_WORDS = 5;

    @Inject
    LeadService leads;

    @Inject
    DuplicateCheck duplicates;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @QueryParam("allowDuplicate") String allowDuplicate) {
        String key = IdempotencyKeys.validate(idempotencyKey);
        boolean allow = flag("allowDuplicate", allowDuplicate);
        java.net.URI base = uriInfo.getBaseUri();
        List<DuplicateFinder.Candidate> candidates = new java.util.ArrayList<>();
        LeadService.Created created;
        try {
            created = leads.create(body, key, data -> candidates.addAll(duplicates.check(data, allow, base)));
        } catch (PersistenceException e) {
            if (key == null) {
                throw e;
            }
            // Another request with the same key committed first: answer with its result.
            created = leads.replay(body, key);
        }
        Lead lead = created.lead();
        URI location = uriInfo.getBaseUriBuilder().path("leads").path(lead.id()).build();
        JsonObject entity = created.replayed() ? LeadDetails.withDetails(details, lead, LeadJson.write(lead))
                : LeadDetails.withDetailsOfNew(details, lead, LeadJson.write(lead));
        if (!candidates.isEmpty() && !created.replayed()) {
            entity = Json.createObjectBuilder(entity)
                    .add("warnings", Json.createArrayBuilder().add(DuplicateCheck.warning(candidates.size())))
                    .add("duplicates", DuplicateCheck.json(candidates, base)).build();
        }
        Response.ResponseBuilder rb = Response.created(location)
                .tag(Preconditions.etag(lead.version()))
                .entity(entity);
        if (created.replayed()) {
            rb.header("Idempotent-Replayed", "true");
        }
        return rb.build();
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @Context Request request) {
        Lead lead = leads.find(id);
        EntityTag etag = Preconditions.etag(lead.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(LeadDetails.withDetails(details, lead, LeadJson.write(lead))).tag(etag).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            JsonObject body) {
        leads.find(id);
        Lead lead = leads.replace(id, Preconditions.requiredVersion(ifMatch), body);
        return Response.ok(LeadDetails.withDetails(details, lead, LeadJson.write(lead))).tag(Preconditions.etag(lead.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          JsonObject patch) {
        leads.find(id);
        Lead lead = leads.patch(id, Preconditions.requiredVersion(ifMatch), patch);
        return Response.ok(LeadDetails.withDetails(details, lead, LeadJson.write(lead))).tag(Preconditions.etag(lead.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        leads.find(id);
        leads.delete(id, Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    public Response list(@QueryParam("status") List<String> status,
                         @QueryParam("ownerId") String ownerId,
                         @QueryParam("source") List<String> source,
                         @QueryParam("createdFrom") String createdFrom,
                         @QueryParam("createdTo") String createdTo,
                         @QueryParam("q") String q,
                         @QueryParam("sort") String sort,
                         @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        LeadSort.Order order = LeadSort.Order.parse(sort);
        List<String> terms = q == null ? List.of() : SearchTerms.query(q);
        if (terms.size() > MAX_SEARCH_WORDS) {
            throw ProblemException.parameter("q", "may have at most " + MAX_SEARCH_WORDS + " words");
        }
        String owner = ownerId == null || ownerId.isBlank() ? null
                : "me".equals(ownerId.strip()) ? caller.userId() : ownerId.strip();
        if (owner != null && !org.leadline.server.platform.persistence.Ids.isValid(owner)) {
            throw ProblemException.parameter("ownerId", "must be a user id or me");
        }
        LeadFilter filter = new LeadFilter(enums("status", status, LeadStatus.class), owner,
                enums("source", source, Source.class), instant("createdFrom", createdFrom),
                instant("createdTo", createdTo), terms);
        LeadService.Page page = leads.list(filter, order, cursor == null || cursor.isBlank() ? null : cursor, limit);

        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(l -> items.add(LeadJson.write(l)));
        JsonObjectBuilder pageInfo = Json.createObjectBuilder().add("limit", limit).add("sort", order.param());
        Response.ResponseBuilder rb = Response.ok();
        if (page.next() != null) {
            String next = page.next().encode();
            pageInfo.add("nextCursor", next);
            rb.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return rb.entity(Json.createObjectBuilder().add("items", items).add("page", pageInfo).build()).build();
    }

    private static boolean flag(String param, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.parameter(param, "must be true or false");
        };
    }

    static <E extends Enum<E>> Set<E> enums(String param, List<String> values, Class<E> type) {
        Set<E> set = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    set.add(Enum.valueOf(type, part.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.parameter(param, "must be one of " + EnumSet.allOf(type));
                }
            }
        }
        return set;
    }

    static Instant instant(String param, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.parameter(param, "must be a date (2026-01-31) or a UTC timestamp (2026-01-31T12:00:00Z)");
        }
    }
}
