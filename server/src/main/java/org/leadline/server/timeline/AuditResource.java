package org.leadline.server.timeline;

import java.util.Arrays;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.Role;

/** The lead's field-level audit history. */
@Path("leads/{leadId}/audit")
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
    public Response audit(@PathParam("leadId") String leadId, @QueryParam("field") String field,
                          @QueryParam("subject") String subject, @QueryParam("subjectId") String subjectId,
                          @QueryParam("cursor") String cursor, @QueryParam("limit") String limitText) {
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
        JsonArrayBuilder array = Json.createArrayBuilder();
        page.items().forEach(array::add);
        return LeadItemResource.pageResponse(uriInfo, array, limit, page.next());
    }

}
