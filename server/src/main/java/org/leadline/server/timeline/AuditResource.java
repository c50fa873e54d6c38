package org.leadline.server.timeline;

import java.util.Arrays;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;

/** The lead's field-level audit history. */
@Path("leads/{leadId}/audit")
@Tag(name = "Audit", description = "Who changed which field of a lead or of its items, when, from what to what")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class AuditResource {

    @Inject
    AuditHistory audit;

    @Context
    UriInfo uriInfo;

    /**
     * Who changed which field of the lead or of its items, from what to what, newest first.
     *
     * @param field     only changes of this field, e.g. {@code person.email}
     * @param subject   only changes of this kind of thing (LEAD, NOTE, STAKEHOLDER, ...)
     * @param subjectId only changes of this one thing
     */
    @GET
    @Operation(operationId = "listLeadAuditEntries", summary = "List a lead's audit history",
            description = "Who created, changed, deleted or merged the lead or one of its items, with every changed "
                    + "field's value before and after, newest first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditEntryView.Page.class)),
            headers = @Header(name = "Link", ref = "Link"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response audit(@Parameter(description = "The lead", schema = @Schema(format = "uuid"))
                          @PathParam("leadId") String leadId,
                          @Parameter(description = "Only changes of this field, e.g. person.email (at most 100 "
                                  + "characters)", schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                          @QueryParam("field") String field,
                          @Parameter(description = "Only changes of this kind of thing",
                                  schema = @Schema(implementation = AuditSubject.class))
                          @QueryParam("subject") String subject,
                          @Parameter(description = "Only changes of this one thing (the lead or one of its items)",
                                  schema = @Schema(format = "uuid"))
                          @QueryParam("subjectId") String subjectId,
                          @Parameter(description = LeadItemResource.PAGE_CURSOR) @QueryParam("cursor") String cursor,
                          @Parameter(description = LeadItemResource.PAGE_LIMIT,
                                  schema = @Schema(implementation = Integer.class))
                          @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        String f = field == null || field.isBlank() ? null : field.strip();
        if (f != null && f.length() > 100) {
            throw ProblemException.parameter("field", "must be at most 100 characters");
        }
        AuditSubject s = null;
        if (subject != null && !subject.isBlank()) {
            try {
                s = AuditSubject.valueOf(subject.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.parameter("subject", "must be one of " + Arrays.toString(AuditSubject.values()));
            }
        }
        String sid = null;
        if (subjectId != null && !subjectId.isBlank()) {
            sid = subjectId.strip();
            if (!Ids.isValid(sid)) {
                throw ProblemException.parameter("subjectId", "is not an id");
            }
        }
        AuditHistory.Page page = audit.page(leadId, f, s, sid, cursor, limit);
        return LeadItemResource.pageResponse(uriInfo, limit, page.next(),
                info -> new AuditEntryView.Page(page.items(), info));
    }

}
