package org.leadline.server.capture.webform;

import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.problem.Problem;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * A form's public endpoint, used by web pages without a login: GET describes the form and hands out
 * the fill-time token, POST takes a submission, OPTIONS answers CORS preflights. The unguessable
 * form key is the only credential.
 */
@Path("public/forms/{formKey}")
@Tag(name = "Public forms", description = "A web form's public endpoint, used by web pages without a login: the "
        + "form key in the path is the only credential")
@RequestScoped
@PermitAll
public class PublicWebFormResource {

    @Inject
    WebFormSubmissions submissions;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicWebForm", summary = "Describe a web form for a page",
            description = "The form's fields, its honeypot field and a fresh fill-time token to post with it. Pages "
                    + "of an allowed origin may read the answer (CORS).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebFormView.Public.class)),
            headers = @Header(name = "Cache-Control", description = "no-store: each load gets a fresh token"))
    @APIResponse(responseCode = "403", description = "The page's origin is not one of the form's allowed origins", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response describe(@Parameter(description = "The form's public key (its formKey)") @PathParam("formKey") String formKey, @Parameter(description = "The page's origin, checked against the form's allowedOrigins") @HeaderParam("Origin") String origin,
                             @Parameter(description = "The page's address; checked when Origin is absent") @HeaderParam("Referer") String referer) {
        WebForm form = submissions.open(formKey);
        allowOrigin(submissions.checkOrigin(form, origin, referer));
        WebFormView.Public entity = WebFormView.Public.of(form, submissions.token(form));
        // Each load gets a fresh token: a cached answer would make every later post look slow or fast.
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitPublicWebForm", summary = "Post a web form",
            description = "Takes one post of the form, form-encoded (as a browser sends it) or as a JSON object of "
                    + "strings, with the fill-time token from the form's description. The post is checked (origin, "
                    + "rate limits, fill time, fields) and becomes a lead; a post that fills the honeypot field or "
                    + "repeats an earlier one is answered alike and recorded as spam or a duplicate. A browser post (form-encoded) to a form with a "
                    + "redirectUrl is sent there (303).")
    @RequestBody(content = {
            @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "202", description = "The post was taken",
            content = @Content(schema = @Schema(implementation = WebFormView.Received.class)))
    @APIResponse(responseCode = "303", description = "A browser post was taken: go to the form's redirectUrl",
            headers = @Header(name = "Location", description = "The form's redirectUrl"))
    @APIResponse(responseCode = "403", description = "The page's origin is not one of the form's allowed origins", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The form takes no submissions at the moment: its web-form "
            + "lead source is not enabled", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The web-form lead source could not read the post", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many posts from this address or to this form; wait as "
            + "Retry-After says", headers = @Header(name = "Retry-After", ref = "Retry-After"), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response submit(@Parameter(description = "The form's public key (its formKey)") @PathParam("formKey") String formKey, @Parameter(description = "The page's origin, checked against the form's allowedOrigins") @HeaderParam("Origin") String origin,
                           @Parameter(description = "The page's address; checked when Origin is absent") @HeaderParam("Referer") String referer,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) {
        WebForm form = submissions.open(formKey);
        allowOrigin(submissions.checkOrigin(form, origin, referer));
        submissions.requireSource();
        WebFormSubmissions.Answer answer = submissions.submit(form, contentType, body);
        boolean browserForm = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith(FormBody.URLENCODED);
        if (browserForm && answer.redirectUrl() != null) {
            return Response.seeOther(URI.create(answer.redirectUrl())).build();
        }
        return Response.accepted(new WebFormView.Received("received", answer.submissionId())).build();
    }

    /** A CORS preflight: answered for the form's allowed origins only. */
    @OPTIONS
    @Operation(operationId = "preflightPublicWebForm", summary = "Answer a CORS preflight for a web form",
            description = "Allows GET and POST with a Content-Type header from the form's allowed origins.")
    @APIResponse(responseCode = "204", description = "The origin may use the form", headers = {
            @Header(name = "Access-Control-Allow-Origin", description = "The requesting origin"),
            @Header(name = "Access-Control-Allow-Methods", description = "GET, POST"),
            @Header(name = "Access-Control-Allow-Headers", description = "Content-Type"),
            @Header(name = "Access-Control-Max-Age", description = "600", schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "403", description = "The origin is not one of the form's allowed origins, or the "
            + "method asked for is not GET or POST", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response preflight(@Parameter(description = "The form's public key (its formKey)") @PathParam("formKey") String formKey, @Parameter(description = "The page's origin, checked against the form's allowedOrigins") @HeaderParam("Origin") String origin,
                              @Parameter(description = "The method the page means to use: GET or POST")
                              @HeaderParam("Access-Control-Request-Method") String method) {
        WebForm form = submissions.open(formKey);
        if (origin == null || !submissions.allows(form, origin)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This form may not be used from "
                    + (origin == null ? "a page without an Origin" : WebFormLeads.cut(origin, 100)));
        }
        if (method != null && !method.equals("POST") && !method.equals("GET")) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A form takes GET and POST only");
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin.strip())
                .header("Access-Control-Allow-Methods", "GET, POST")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "600")
                .header(HttpHeaders.VARY, "Origin")
                .build();
    }

    /** Lets the browser show the answer (and any problem) to the page of an allowed origin. */
    private void allowOrigin(String origin) {
        if (origin != null) {
            request.setAttribute(PublicFormCors.ALLOWED_ORIGIN, origin);
        }
    }
}
