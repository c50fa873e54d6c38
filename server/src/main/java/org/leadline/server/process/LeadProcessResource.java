package org.leadline.server.process;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.Role;

/** A lead's staged process: where it stands, moving it, ticking checklist items. */
@Path("leads/{leadId}/process")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class LeadProcessResource {

    @Inject
    ProcessService process;

    @GET
    public JsonObject read(@PathParam("leadId") String leadId) {
        return ProcessJson.lead(process.of(leadId));
    }

    /** Moves the lead to another stage: {@code {"stage": "develop"}}. If-Match (the lead's ETag) is optional. */
    @POST
    @Path("stage")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject move(@PathParam("leadId") String leadId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String stage = in.string("stage");
        in.rejectUnknown();
        if (stage == null && errors.isEmpty()) {
            errors.add(new FieldError("stage", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Long version = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        return ProcessJson.lead(process.moveTo(leadId, version, stage));
    }

    /** Ticks or unticks a checklist item: {@code {"stage": "qualify", "item": "...", "done": true}}. */
    @POST
    @Path("checklist")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject tick(@PathParam("leadId") String leadId, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String stage = in.string("stage");
        String item = in.string("item");
        Boolean done = in.bool("done");
        in.rejectUnknown();
        if (stage == null && !in.has("stage")) {
            errors.add(new FieldError("stage", "is required"));
        }
        if (item == null && !in.has("item")) {
            errors.add(new FieldError("item", "is required"));
        } else if (item != null && item.length() > ProcessService.MAX_ITEM_LENGTH) {
            errors.add(new FieldError("item", "must be at most " + ProcessService.MAX_ITEM_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return ProcessJson.lead(process.tick(leadId, stage, item, done == null || done));
    }
}
