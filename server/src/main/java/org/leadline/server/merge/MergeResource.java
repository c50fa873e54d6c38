package org.leadline.server.merge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.server.lead.LeadViewMapper;
import org.leadline.server.platform.idempotency.IdempotencyKeys;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Preconditions;

/**
 * Merging duplicates: {@code POST /leads/{survivorId}/merge} with the ids of the leads to merge
 * into it and, optionally, which lead each field is taken from. {@code dryRun} shows the result
 * without changing anything. {@code If-Match} (the survivor's ETag) is honoured when sent.
 */
@Path("leads/{survivorId}/merge")
@Tag(name = "Merge", description = "Merging duplicate leads into one surviving lead")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class MergeResource {

    @Inject
    MergeService merges;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeLeads", summary = "Merge leads into a surviving lead",
            description = "Merges the leads named in mergedIds into the survivor: their interactions, notes, social "
                    + "posts, stakeholders, competitors, audit history and timeline move to it, fields are taken "
                    + "from the leads the request names (by default the survivor's, else the first merged lead's), "
                    + "and the merged leads' ids answer 409 with mergedInto from then on. Only open leads can be "
                    + "merged. With dryRun the answer shows the result and nothing changes. If-Match (the "
                    + "survivor's ETag) is checked when sent. With an Idempotency-Key, a repeated request answers "
                    + "with the first result and Idempotent-Replayed: true.")
    @APIResponse(responseCode = "200", description = "What the merge does (dry run) or did; after a real merge the "
            + "ETag is the survivor's", content = @Content(schema = @Schema(implementation = MergeResult.class)),
            headers = {@Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")})
    @APIResponse(responseCode = "409", description = "A lead of the merge is deleted, not open, or was already merged "
            + "into another (mergedInto), or a request with the same Idempotency-Key is still in progress",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response merge(@Parameter(description = "The lead the others are merged into", schema = @Schema(format = "uuid"))
                          @PathParam("survivorId") String survivorId,
                          @Parameter(description = "Show the result without changing anything",
                                  schema = @Schema(implementation = Boolean.class))
                          @QueryParam("dryRun") String dryRun,
                          @Parameter(description = "The survivor's ETag; checked when sent")
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Parameter(description = "Makes a retried merge safe: the same key answers with the "
                                  + "first result") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          MergeRequest body) {
        boolean dry = dryRun(dryRun);
        Long expectedVersion = Preconditions.optionalVersion(ifMatch);
        String key = IdempotencyKeys.validate(idempotencyKey);
        MergeService.Outcome outcome;
        try {
            outcome = merges.merge(survivorId, body, dry, expectedVersion, key);
        } catch (PersistenceException e) {
            if (key == null) {
                throw e;
            }
            // Another request with the same key committed first: answer with its result.
            outcome = merges.replay(survivorId, body, key);
        }
        MergeResult result = outcome.result();
        if (result.dryRun()) {
            return Response.ok(result).build();
        }
        Response.ResponseBuilder rb = Response.ok(result.withLead(LeadViewMapper.of(outcome.survivor(), null)))
                .tag(Preconditions.etag(outcome.survivor().version()));
        if (outcome.replayed()) {
            rb.header("Idempotent-Replayed", "true");
        }
        return rb.build();
    }

    private static boolean dryRun(String text) {
        if (text == null || text.isBlank() || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ProblemException.parameter("dryRun", "must be true or false");
    }
}
