package org.leadline.server.timeline;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.page.PageInfo;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.openapi.ResourceNames;
import org.leadline.server.platform.web.Paging;

/** The lead's notes, and each note's edit history. */
@Path("leads/{leadId}/notes")
@Tag(name = "Notes", description = "Free-text notes on a lead, with the history of each note's edits")
@ResourceNames(item = "LeadNote", items = "LeadNotes", itemText = "note", itemsText = "notes",
        schema = NoteView.class, page = NoteView.Page.class)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class NoteResource extends LeadItemResource<Note, NoteView> {

    @Inject
    NoteKind kind;

    @Inject
    NoteHistory history;

    @Override
    protected LeadItemKind<Note, NoteView, ?> kind() {
        return kind;
    }

    /** The texts the note had before each edit, newest first. */
    @GET
    @Path("{itemId}/history")
    @Operation(operationId = "listLeadNoteRevisions", summary = "List a note's earlier texts",
            description = "The texts the note had before each edit, newest first: who wrote each and when, and who "
                    + "replaced it when.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.RevisionPage.class)),
            headers = @Header(name = "Link", ref = "Link"))
    @APIResponse(responseCode = "409", description = "The lead was merged into another; the problem's mergedInto "
            + "names the survivor", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response history(@Parameter(description = "The lead", schema = @Schema(format = "uuid"))
                            @PathParam("leadId") String leadId,
                            @Parameter(description = "The note", schema = @Schema(format = "uuid"))
                            @PathParam("itemId") String noteId,
                            @Parameter(description = PAGE_CURSOR) @QueryParam("cursor") String cursor,
                            @Parameter(description = PAGE_LIMIT, schema = @Schema(implementation = Integer.class))
                            @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        LeadItems.Page<NoteRevision> page = history.revisions(leadId, noteId, cursor, limit);
        List<NoteView.Revision> items = page.items().stream().map(NoteResource::revision).toList();
        Response.ResponseBuilder rb = Response.ok();
        String next = null;
        if (page.next() != null) {
            next = page.next().encode();
            rb.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return rb.entity(new NoteView.RevisionPage(items, PageInfo.of(limit, next))).build();
    }

    private static NoteView.Revision revision(NoteRevision r) {
        return new NoteView.Revision(r.id(), r.noteId(), r.text(), r.writtenBy(), r.writtenAt(), r.replacedBy(),
                r.replacedAt());
    }
}
