package org.leadline.server.capture.webform;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.platform.web.Pages;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.timeline.Keyset;
import org.leadline.server.platform.json.Replacement;

/** Web forms of the caller's tenant: create, read, replace, delete, list, and a new public key. */
@Path("webforms")
@Tag(name = "Web forms", description = "The tenant's web forms: create, read, replace, delete, list, and a new "
        + "public key")
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
    @Operation(operationId = "createWebForm", summary = "Create a web form",
            description = "Needs the tenant's web-form lead source (source-webform) enabled. The answer carries the "
                    + "form's public address (publicUrl) with its key.")
    @APIResponse(responseCode = "201", description = "The form as stored",
            content = @Content(schema = @Schema(implementation = WebFormView.class)))
    @APIResponse(responseCode = "409", description = "The web-form lead source is not enabled, or the tenant has the "
            + "most forms allowed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(WebFormView body) {
        WebForm form = forms.create(body.definition());
        URI location = uriInfo.getBaseUriBuilder().path("webforms").path(form.id()).build();
        return Response.created(location).tag(Preconditions.etag(form.version())).entity(json(form)).build();
    }

    @GET
    @Operation(operationId = "listWebForms", summary = "List the web forms",
            description = "The tenant's forms by name; the next page is in page.nextCursor and in the Link header "
                    + "(rel=next).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebFormView.Forms.class)),
            headers = @Header(name = "Link", ref = "Link"))
    public Response list(@Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1 to leadline.api.page-size-max (default 50, maximum "
                                 + "100 unless configured)", schema = @Schema(implementation = Integer.class))
                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return Pages.page(uriInfo, forms.list(Keyset.decode(cursor, "webforms"), limit + 1), limit, this::json,
                WebFormView.Forms::new, last -> new Keyset("webforms", last.name(), last.id()).encode());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebForm", summary = "Read a web form",
            description = "The form with its statistics; 304 when If-None-Match names the current version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebFormView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    public Response read(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id, @Context Request request) {
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
    @Operation(operationId = "replaceWebForm", summary = "Replace a web form",
            description = "Replaces every writable member; members left out take their defaults. Read-only members "
                    + "may be sent back unchanged. The public key stays.")
    @APIResponse(responseCode = "200", description = "The form as stored",
            content = @Content(schema = @Schema(implementation = WebFormView.class)))
    @APIResponse(responseCode = "409", description = "The form is enabled but the web-form lead source is not", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            Replacement<WebFormView> body) {
        WebForm current = forms.find(id);
        Long version = Preconditions.requiredVersion(ifMatch);
        WebForms.checkVersion(current, version);
        // the statistics change with every post, not with the version: whatever a client sends back of them is taken
        JsonObject stored = Json.createObjectBuilder(RecordJson.toJson(json(current)))
                .add("statistics", body.json().getOrDefault("statistics", JsonValue.NULL)).build();
        WebFormView read = body.against(WebFormView.class, stored);
        WebForm form = forms.replace(id, version, read.definition());
        return Response.ok(json(form)).tag(Preconditions.etag(form.version())).build();
    }

    /** Replaces the public key (and the token secret): pages embedding the old key stop working. */
    @POST
    @Path("{id}/rotate-key")
    @Operation(operationId = "rotateWebFormKey", summary = "Give a web form a new public key",
            description = "Replaces the public key and the token secret: pages embedding the old key (publicUrl) "
                    + "stop working.")
    @APIResponse(responseCode = "200", description = "The form with its new key and publicUrl",
            content = @Content(schema = @Schema(implementation = WebFormView.class)))
    public Response rotateKey(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        forms.find(id);
        WebForm form = forms.rotateKey(id, Preconditions.requiredVersion(ifMatch));
        return Response.ok(json(form)).tag(Preconditions.etag(form.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebForm", summary = "Delete a web form",
            description = "Its public address stops working.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        forms.find(id);
        forms.delete(id, Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    private WebFormView json(WebForm form) {
        String publicUrl = uriInfo.getBaseUriBuilder().path("public/forms").path(form.formKey()).build().toString();
        return WebFormView.of(form, forms.counters(form.id()), publicUrl);
    }
}
