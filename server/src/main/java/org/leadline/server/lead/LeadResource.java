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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.lead.LeadScoring;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.LeadView;
import org.leadline.api.lead.Rating;
import org.leadline.api.lead.Source;
import org.leadline.api.page.PageInfo;
import org.leadline.api.tenancy.Role;
import org.leadline.server.capture.DuplicateCheck;
import org.leadline.server.capture.DuplicateFinder;
import org.leadline.server.platform.idempotency.IdempotencyKeys;
import org.leadline.server.platform.json.MergePatch;
import org.leadline.server.platform.json.Replacement;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.CurrentCaller;

/** Leads: create, read, replace, patch, delete and list. */
@Path("leads")
@Tag(name = "Leads", description = "Potential customers: create, read, change, delete, list, filter and search")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadResource {

    @Inject
    Instance<LeadDetails<LeadScoring>> scoring;

    @Inject
    Instance<LeadDetails<LeadDetails.Converted>> conversion;

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
    @Operation(operationId = "createLead", summary = "Create a lead",
            description = "Stores a lead, rates it by the tenant's qualification rules and checks it for duplicates. "
                    + "Under the tenant's duplicate policy REJECT a likely duplicate is refused with 409 (its "
                    + "candidates in the problem's duplicates), under WARN it is stored and the 201 carries warnings "
                    + "and duplicates; allowDuplicate=true stores it whatever the policy, allowDuplicate=false refuses "
                    + "it whatever the policy (a form that asks before it stores). With an Idempotency-Key, "
                    + "a repeated request answers with the first result and Idempotent-Replayed: true.")
    @APIResponse(responseCode = "201", description = "The lead as stored, with its rating",
            content = @Content(schema = @Schema(implementation = LeadView.class)),
            headers = @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed"))
    @APIResponse(responseCode = "409", description = "A likely duplicate exists (the problem lists the candidates)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response create(LeadView body,
                           @Parameter(description = "Makes a retried create safe: the same key answers with the "
                                   + "first result (kept 24 hours)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Parameter(description = "true: store the lead although likely duplicates exist; false: "
                                   + "refuse it with 409 when they exist; absent: the tenant's duplicate policy",
                                   schema = @Schema(implementation = Boolean.class))
                           @QueryParam("allowDuplicate") String allowDuplicate) {
        String key = IdempotencyKeys.validate(idempotencyKey);
        Boolean allow = allowDuplicate == null || allowDuplicate.isBlank() ? null : flag("allowDuplicate", allowDuplicate);
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
        LeadView entity = created.replayed() ? view(lead) : LeadViewMapper.of(lead, scoring(lead, true));
        if (!candidates.isEmpty() && !created.replayed()) {
            entity = entity.withDuplicates(List.of(DuplicateCheck.warning(candidates.size())),
                    DuplicateCheck.candidates(candidates, base));
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
    @Operation(operationId = "getLead", summary = "Read a lead",
            description = "The lead with its rating, the reasons and the recommended actions (scoring).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response read(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id,
                         @Context Request request) {
        Lead lead = leads.find(id);
        EntityTag etag = Preconditions.etag(lead.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(view(lead)).tag(etag).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceLead", summary = "Replace a lead",
            description = "Replaces every writable member; members left out are cleared. Read-only members may "
                    + "be sent back unchanged.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "409", description = "The lead was merged into another",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            Replacement<LeadView> body) {
        leads.find(id);
        Lead lead = leads.replace(id, Preconditions.requiredVersion(ifMatch), body.json());
        return Response.ok(view(lead)).tag(Preconditions.etag(lead.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateLead", summary = "Change some members of a lead",
            description = "An RFC 7396 JSON merge patch: members sent replace the stored ones, null removes one.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "409", description = "The lead was merged into another",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          MergePatch<LeadView> patch) {
        leads.find(id);
        Lead lead = leads.patch(id, Preconditions.requiredVersion(ifMatch), patch.json());
        return Response.ok(view(lead)).tag(Preconditions.etag(lead.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteLead", summary = "Delete a lead",
            description = "Moves the lead to the deleted leads, from where it can be restored for a while.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The lead was merged into another",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        leads.find(id);
        leads.delete(id, Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Operation(operationId = "listLeads", summary = "List, filter and search leads",
            description = "Leads of the tenant, newest first unless sort says otherwise. Filters combine with AND; "
                    + "a repeated or comma-separated status or source matches any of its values.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "Only leads in these statuses",
                                 schema = @Schema(implementation = LeadStatus[].class))
                         @QueryParam("status") List<String> status,
                         @Parameter(description = "Only leads of this owner: a user id or me")
                         @QueryParam("ownerId") String ownerId,
                         @Parameter(description = "Only leads from these sources",
                                 schema = @Schema(implementation = Source[].class))
                         @QueryParam("source") List<String> source,
                         @Parameter(description = "Only leads with these ratings (a lead not rated yet has none)",
                                 schema = @Schema(implementation = Rating[].class))
                         @QueryParam("rating") List<String> rating,
                         @Parameter(description = "Created at or after: a date (2026-01-31) or a UTC timestamp")
                         @QueryParam("createdFrom") String createdFrom,
                         @Parameter(description = "Created before: a date (2026-01-31) or a UTC timestamp")
                         @QueryParam("createdTo") String createdTo,
                         @Parameter(description = "Words to search for in name, company, e-mail and topic "
                                 + "(at most 5); every word must match the start of a word")
                         @QueryParam("q") String q,
                         @Parameter(description = "The order: a field (createdAt, updatedAt, lastName, companyName), "
                                 + "descending with a leading minus; -createdAt by default")
                         @QueryParam("sort") String sort,
                         @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum 100 unless configured)",
                                 schema = @Schema(implementation = Integer.class))
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
                instant("createdTo", createdTo), terms,
                LeadResource.enums("rating", rating, Rating.class));
        LeadService.Page page = leads.list(filter, order, cursor == null || cursor.isBlank() ? null : cursor, limit);

        List<LeadView> items = page.items().stream().map(l -> LeadViewMapper.of(l, null)).toList();
        Response.ResponseBuilder rb = Response.ok();
        String next = null;
        if (page.next() != null) {
            next = page.next().encode();
            rb.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return rb.entity(new LeadView.Page(items, new PageInfo(limit, order.param(), next))).build();
    }

    private LeadView view(Lead lead) {
        return LeadViewMapper.of(lead, scoring(lead, false),
                lead.status() == LeadStatus.QUALIFIED ? conversion(lead) : null);
    }

    /** What qualification made of a qualified lead, with addresses; looked up only for a qualified lead. */
    private LeadView.ConversionLinks conversion(Lead lead) {
        LeadDetails.Converted ids = conversion.isResolvable() ? conversion.get().of(lead) : null;
        if (ids == null) {
            return null;
        }
        return new LeadView.ConversionLinks(ids.contactId(), href("contacts", ids.contactId()), ids.accountId(),
                ids.accountId() == null ? null : href("accounts", ids.accountId()), ids.opportunityId(),
                href("opportunities", ids.opportunityId()));
    }

    private String href(String collection, String id) {
        return uriInfo.getBaseUriBuilder().path(collection).path(id).build().toString();
    }

    private LeadScoring scoring(Lead lead, boolean created) {
        if (!scoring.isResolvable()) {
            return null;
        }
        return created ? scoring.get().ofNew(lead) : scoring.get().of(lead);
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
