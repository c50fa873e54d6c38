package org.leadline.server.capture.webform;

import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * A form's public endpoint, used by web pages without a login: GET describes the form and hands out
 * the fill-time token, POST takes a submission, OPTIONS answers CORS preflights. The unguessable
 * form key is the only credential.
 */
@Path("public/forms/{formKey}")
@RequestScoped
@PermitAll
public class PublicWebFormResource {

    @Inject
    WebFormSubmissions submissions;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("formKey") String formKey, @HeaderParam("Origin") String origin,
                             @HeaderParam("Referer") String referer) {
        WebForm form = submissions.open(formKey);
        allowOrigin(submissions.checkOrigin(form, origin, referer));
        JsonArrayBuilder fields = Json.createArrayBuilder();
        form.fields().forEach(f -> fields.add(Json.createObjectBuilder().add("name", f.name())
                .add("required", f.required()).add("maxLength", f.maxLength())));
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", form.name()).add("fields", fields);
        if (form.honeypotField() != null) {
            b.add("honeypotField", form.honeypotField());
        } else {
            b.addNull("honeypotField");
        }
        b.add("tokenField", FillTimeTokens.FIELD).add("token", submissions.token(form))
                .add("minFillSeconds", form.minFillSeconds());
        // Each load gets a fresh token: a cached answer would make every later post look slow or fast.
        return Response.ok(b.build()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("formKey") String formKey, @HeaderParam("Origin") String origin,
                           @HeaderParam("Referer") String referer,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        WebForm form = submissions.open(formKey);
        allowOrigin(submissions.checkOrigin(form, origin, referer));
        submissions.requireSource();
        WebFormSubmissions.Answer answer = submissions.submit(form, contentType, body);
        boolean browserForm = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith(FormBody.URLENCODED);
        if (browserForm && answer.redirectUrl() != null) {
            return Response.seeOther(URI.create(answer.redirectUrl())).build();
        }
        return Response.accepted(Json.createObjectBuilder().add("status", "received")
                .add("submissionId", answer.submissionId()).build()).build();
    }

    /** A CORS preflight: answered for the form's allowed origins only. */
    @OPTIONS
    public Response preflight(@PathParam("formKey") String formKey, @HeaderParam("Origin") String origin,
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
