package org.leadline.server.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.tenancy.Role;

/** The lead's notes, and each note's edit history. */
@Path("leads/{leadId}/notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class NoteResource extends LeadItemResource<Note> {

    @Inject
    NoteKind kind;

    @Inject
    NoteHistory history;

    @Override
    protected LeadItemKind<Note, ?> kind() {
        return kind;
    }

    /** The texts the note had before each edit, newest first. */
    @GET
    @Path("{itemId}/history")
    public Response history(@PathParam("leadId") String leadId, @PathParam("itemId") String noteId,
                            @QueryParam("cursor") String cursor, @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        LeadItems.Page<NoteRevision> page = history.revisions(leadId, noteId, cursor, limit);
        JsonArrayBuilder array = Json.createArrayBuilder();
        page.items().forEach(r -> array.add(NoteKind.write(r)));
        return pageResponse(uriInfo, array, limit, page.next());
    }
}
