package org.leadline.server.merge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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

import org.leadline.server.lead.LeadJson;
import org.leadline.server.platform.idempotency.IdempotencyKeys;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.Role;

/**
 * Merging duplicates: {@code POST /leads/{survivorId}/merge} with the ids of the leads to merge
 * into it and, optionally, which lead each field is taken from. {@code dryRun} shows the result
 * without changing anything. {@code If-Match} (the survivor's ETag) is honoured when sent.
 */
@Path("leads/{survivorId}/merge")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class MergeResource {

    @Inject
    MergeService merges;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(@PathParam("survivorId") String survivorId, @QueryParam("dryRun") String dryRun,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, JsonObject body) {
        boolean dry = dryRun(dryRun);
        Long expectedVersion = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        String key = IdempotencyKeys.validate(idempotencyKey);
        JsonObject request = body == null ? JsonObject.EMPTY_JSON_OBJECT : body;
        MergeService.Outcome outcome;
        try {
            outcome = merges.merge(survivorId, request, dry, expectedVersion, key);
        } catch (PersistenceException e) {
            if (key == null) {
                throw e;
            }
            // Another request with the same key committed first: answer with its result.
            outcome = merges.replay(survivorId, request, key);
        }
        JsonObject result = outcome.result();
        if (result.getBoolean("dryRun")) {
            return Response.ok(result).build();
        }
        Response.ResponseBuilder rb = Response.ok(Json.createObjectBuilder(result)
                        .add("lead", LeadJson.write(outcome.survivor())).build())
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
