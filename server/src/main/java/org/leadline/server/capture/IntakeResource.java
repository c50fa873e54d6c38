package org.leadline.server.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.NotALead;
import org.leadline.plugin.api.source.ReadResult;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.plugins.LeadSources;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * Inbound material of any kind (an e-mail as {@code message/rfc822}, a CSV file): the tenant's
 * enabled lead source for the body's media type reads it, and every draft goes through
 * {@link LeadIntake}. Answers 201 when a lead was created, else 200, with one outcome per draft or
 * recognised non-lead; 415 when no enabled source reads the type; 413 over
 * {@value #MAX_BYTES}; 422 when the source found a limit broken (the problem names it) or found
 * nothing at all and said why (the problem lists its reasons).
 */
@Path("intake")
@Tag(name = "E-mail intake", description = "Inbound material (an e-mail as message/rfc822, a CSV file) read by the "
        + "tenant's enabled lead sources, and the mailboxes they poll")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class IntakeResource {

    /** The largest body the intake accepts, in bytes (default 10 MiB). */
    public static final String MAX_BYTES = "leadline.capture.max-material-bytes";
    public static final String PATH = "/api/v1/intake";

    @Inject
    LeadSources plugins;

    @Inject
    LeadIntake intake;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    public static int maxBytes() {
        return Settings.config().getOptionalValue(MAX_BYTES, Integer.class).orElse(10 * 1024 * 1024);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "takeInboundMaterial", summary = "Take an e-mail or other inbound material",
            description = "The tenant's enabled lead source for the body's media type reads it (an e-mail as "
                    + "message/rfc822, a CSV file as text/csv); every lead it finds goes through the intake (duplicate "
                    + "check as onDuplicate says), and recognised non-leads (auto-replies, bounces) are recorded. "
                    + "The same message taken again answers with its first outcome (replayed). The body is limited "
                    + "by leadline.capture.max-material-bytes (default 10 MiB).")
    @RequestBody(content = {
            @Content(mediaType = "message/rfc822", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "201", description = "At least one lead was created; Location names the first",
            content = @Content(schema = @Schema(implementation = IntakeResultView.class)))
    @APIResponse(responseCode = "200", description = "No lead was created (duplicates, attached, ignored, invalid, "
            + "or replayed)", content = @Content(schema = @Schema(implementation = IntakeResultView.class)))
    @APIResponse(responseCode = "422", description = "The lead source could not read the material (no lead and no "
            + "recognised non-lead; the problem's problems say why), or the material breaks one of its limits (the "
            + "problem's limit and reader name them)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response take(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @Parameter(hidden = true) @HeaderParam("Content-Length") String contentLength,
                         @Parameter(description = "The source recorded on the leads; by default EMAIL for an e-mail, "
                                 + "IMPORT for CSV, OTHER else", schema = @Schema(implementation = Source.class))
                         @QueryParam("source") String sourceParam,
                         @Parameter(description = "A detail of the source, e.g. the campaign (at most 200 characters)")
                         @QueryParam("sourceDetail") String sourceDetail,
                         @Parameter(description = "What to do when likely duplicates exist (ATTACH by default)",
                                 schema = @Schema(implementation = String.class, enumeration = {"CREATE", "SKIP", "ATTACH",
                                         "TENANT_POLICY"}))
                         @QueryParam("onDuplicate") String onDuplicateParam,
                         @Parameter(description = "The material's file name, if any") @QueryParam("name") String name,
                         InputStream body) {
        String tenantId = caller.tenantId();
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the material with its Content-Type, e.g. message/rfc822 for an e-mail");
        }
        LeadIntake.OnDuplicate onDuplicate = choice("onDuplicate", onDuplicateParam, LeadIntake.OnDuplicate.class,
                LeadIntake.OnDuplicate.ATTACH);
        Source source = choice("source", sourceParam, Source.class, defaultSource(contentType));
        if (sourceDetail != null && sourceDetail.length() > 200) {
            throw ProblemException.parameter("sourceDetail", "may have at most 200 characters");
        }
        byte[] content = read(body, contentLength);
        InboundMaterial material = new InboundMaterial(contentType, name, Map.of("receivedBy", caller.userId()), content);
        LeadSources.SourceRead read = plugins.readLeads(tenantId, material).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "No lead source enabled for this tenant reads " + contentType
                + "; a tenant administrator enables one under /api/v1/extensions"));
        String reader = read.pluginId() + "/" + read.extensionId();
        if (read.failure() != null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The lead source " + reader + " could not read the material: "
                    + read.failure(), List.of(), Map.of("reader", reader), Map.of());
        }
        ReadResult result = read.result();
        if (result.limitExceeded() != null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The material breaks the limit "
                    + result.limitExceeded().limit() + " of " + reader
                    + (result.limitExceeded().detail() != null ? ": " + result.limitExceeded().detail() : ""),
                    List.of(), Map.of("limit", result.limitExceeded().limit(), "reader", reader), Map.of());
        }
        if (result.drafts().isEmpty() && result.notLeads().isEmpty() && !result.problems().isEmpty()) {
            // Nothing was read, and the source says why: an answer without a single outcome would hide that.
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The lead source " + reader + " could not read the material: "
                    + String.join("; ", result.problems()), List.of(), Map.of("reader", reader,
                    "problems", jakarta.json.Json.createArrayBuilder(result.problems()).build()), Map.of());
        }
        URI base = uriInfo.getBaseUri();
        List<IntakeResultView.Outcome> outcomes = new ArrayList<>();
        URI firstCreated = null;
        for (LeadDraft draft : result.drafts()) {
            IntakeOutcome o = acceptOnce(draft, source, sourceDetail, onDuplicate);
            if (o.kind() == IntakeOutcome.Kind.CREATED && !o.replayed() && firstCreated == null) {
                firstCreated = uriInfo.getBaseUriBuilder().path("leads").path(o.lead().id()).build();
            }
            outcomes.add(IntakeResultView.Outcome.of(o, draft, base));
        }
        for (NotALead n : result.notLeads()) {
            outcomes.add(IntakeResultView.Outcome.of(intake.ignore(n, source), null, base));
        }
        IntakeResultView entity = new IntakeResultView(reader, source, outcomes, List.copyOf(result.problems()));
        return (firstCreated != null ? Response.created(firstCreated) : Response.ok()).entity(entity).build();
    }

    /** A concurrent upload of the same message may win the race for its receipt: then its outcome is ours. */
    private IntakeOutcome acceptOnce(LeadDraft draft, Source source, String sourceDetail, LeadIntake.OnDuplicate onDuplicate) {
        try {
            return intake.accept(draft, source, sourceDetail, onDuplicate);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (draft.message() == null || draft.message().messageId() == null) {
                throw e;
            }
            return intake.accept(draft, source, sourceDetail, onDuplicate);
        }
    }

    private static Source defaultSource(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("message/rfc822")) {
            return Source.EMAIL;
        }
        if (type.startsWith("text/csv")) {
            return Source.IMPORT;
        }
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return Source.WEB;
        }
        return Source.OTHER;
    }

    private static byte[] read(InputStream body, String contentLength) {
        int max = maxBytes();
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException e) {
                // The container checks the header; the stream below is cut off anyway.
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (out.size() + n > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The body could not be read: " + e.getMessage());
        }
        if (out.size() == 0) {
            throw new ProblemException(ProblemType.VALIDATION, "The body is empty; send the material itself");
        }
        return out.toByteArray();
    }

    private static ProblemException tooLarge(int max) {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, "The material exceeds the limit " + MAX_BYTES + " of "
                + max + " bytes", List.of(), Map.of("limit", MAX_BYTES, "maxBytes", max), Map.of());
    }

    private static <E extends Enum<E>> E choice(String param, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.parameter(param, "must be one of " + java.util.EnumSet.allOf(type));
        }
    }
}
