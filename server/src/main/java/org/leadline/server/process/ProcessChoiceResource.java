package org.leadline.server.process;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.tenancy.Role;

/** The sales processes a tenant may use, and the tenant administrator's choice among them. */
@Path("processes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProcessChoiceResource {

    @Inject
    ProcessService process;

    @GET
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    public JsonObject list() {
        return json(process.choice());
    }

    /** Chooses the tenant's process: {@code {"process": "process-sales/sales"}}. */
    @PUT
    @Path("current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    public JsonObject choose(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String key = in.string("process");
        in.rejectUnknown();
        if (key == null && errors.isEmpty()) {
            errors.add(new FieldError("process", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return json(process.choose(key));
    }

    private static JsonObject json(ProcessService.Choice c) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        c.available().forEach(o -> items.add(ProcessJson.offer(o)));
        var b = Json.createObjectBuilder().add("items", items);
        if (c.current() != null) {
            b.add("current", c.current().key());
        } else {
            b.addNull("current");
        }
        return b.build();
    }
}
