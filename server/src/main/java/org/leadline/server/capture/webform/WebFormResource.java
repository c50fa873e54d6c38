package org.leadline.server.capture.webform;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.Role;

/** Web forms of the caller's tenant: create, read, replace, delete, list, and a new public key. */
@Path("webforms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class WebFormResource {

    @Inject
    WebForms forms;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        WebForm form = forms.create(body);
        URI location = uriInfo.getBaseUriBuilder().path("webforms").path(form.id()).build();
        return Response.created(location).tag(Preconditions.etag(form.version())).entity(json(form)).build();
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        forms.list().forEach(f -> items.add(json(f)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @Context Request request) {
        WebForm form = forms.find(id);
        EntityTag etag = Preconditions.etag(form.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(json(form)).tag(etag).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            JsonObject body) {
        forms.find(id);
        WebForm form = forms.replace(id, Preconditions.requiredVersion(ifMatch), body);
        return Response.ok(json(form)).tag(Preconditions.etag(form.version())).build();
    }

    /** Replaces the public key (and the token secret): pages embedding the old key stop working. */
    @POST
    @Path("{id}/rotate-key")
    public Response rotateKey(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        forms.find(id);
        WebForm form = forms.rotateKey(id, Preconditions.requiredVersion(ifMatch));
        return Response.ok(json(form)).tag(Preconditions.etag(form.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        forms.find(id);
        forms.delete(id, Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    private JsonObject json(WebForm form) {
        String publicUrl = uriInfo.getBaseUriBuilder().path("public/forms").path(form.formKey()).build().toString();
        return WebFormJson.write(form, forms.counters(form.id()), publicUrl);
    }
}
