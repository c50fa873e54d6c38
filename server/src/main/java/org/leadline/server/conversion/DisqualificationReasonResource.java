package org.leadline.server.conversion;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.tenancy.Role;

/** The reasons a lead can be disqualified with: the built-in ones and the tenant's own. */
@Path("disqualification-reasons")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisqualificationReasonResource {

    @Inject
    ClosingService closing;

    @GET
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    public JsonObject list() {
        return json(closing.reasons());
    }

    /** Adds a tenant-defined reason: {@code {"reason": "WENT_WITH_PARTNER"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    public JsonObject add(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String reason = in.string("reason");
        in.rejectUnknown();
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return json(closing.addReason(reason));
    }

    private static JsonObject json(List<String> reasons) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        reasons.forEach(a::add);
        return Json.createObjectBuilder().add("items", a).build();
    }
}
