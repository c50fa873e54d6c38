package org.leadline.server.qualification;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.tenancy.Role;

/**
 * The tenant's qualification rules, their versions, and the jobs that re-rate the leads after a
 * change. Sellers read; tenant administrators change the rules.
 */
@Path("qualification")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class QualificationResource {

    @Inject
    QualificationService service;

    @GET
    @Path("rules")
    public JsonObject current() {
        return service.current();
    }

    /** Saves a new version of the rule set; the answer links the job that re-rates the leads. */
    @PUT
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    public Response save(JsonObject body) {
        if (body == null) {
            throw ProblemException.field("body", "must be a rule set object");
        }
        QualificationService.Saved saved = service.save(body);
        JsonObject job = QualificationService.write(saved.job());
        return Response.status(Response.Status.CREATED)
                .location(URI.create("qualification/rules/versions/" + saved.ruleSet().version()))
                .entity(Json.createObjectBuilder(QualificationService.write(saved.ruleSet())).add("rerating", job).build())
                .build();
    }

    @GET
    @Path("rules/versions")
    public JsonObject versions() {
        return service.versions();
    }

    @GET
    @Path("rules/versions/{version}")
    public JsonObject version(@PathParam("version") String version) {
        return service.version(version);
    }

    @GET
    @Path("jobs")
    public JsonObject jobs() {
        return service.jobs();
    }

    @GET
    @Path("jobs/{id}")
    public JsonObject job(@PathParam("id") String id) {
        return QualificationService.write(service.job(id));
    }

    /** The lead's current rating with its reasons and recommendations. */
    @GET
    @Path("leads/{id}")
    public JsonObject rating(@PathParam("id") String id) {
        return service.rating(id);
    }

    /** Rates the lead again now. */
    @POST
    @Path("leads/{id}/rate")
    public JsonObject rerate(@PathParam("id") String id) {
        return service.rerate(id);
    }
}
