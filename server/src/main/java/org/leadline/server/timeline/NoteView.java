package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/**
 * A note as the API reads and writes it ({@link NoteKind#view}): only the text is writable.
 */
@Schema(name = "LeadNote", description = "A free-text note on the lead. Only its author or a tenant administrator "
        + "may change or delete it; every edit keeps the text it replaced in the note's history.", example = """
        {"id": "01a242fd-a0b1-7c2d-8e3f-405162738495", "leadId": "01a242fd-8484-7c7c-b6d2-4cf7b781d527",
         "text": "Met at the fair; wants a demo for the sales managers in January.",
         "authorId": "01a242fd-67ae-7450-919e-0cd3517f3f95", "createdAt": "2026-12-04T10:15:00Z",
         "updatedAt": "2026-12-04T10:15:00Z", "updatedBy": "01a242fd-67ae-7450-919e-0cd3517f3f95",
         "revisions": 0, "version": 1}""")
public record NoteView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, format = "uuid") String leadId,
        @NotBlank(message = "is required") @Size(max = Note.MAX_TEXT) String text,
        @Schema(readOnly = true, required = true, format = "uuid", description = "The user who wrote the note")
        String authorId,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "How many earlier texts the history keeps")
        Integer revisions,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version) {

    /** A page of notes. */
    @Schema(name = "LeadNotePage")
    public record Page(@NotNull List<NoteView> items, @NotNull PageInfo page) {
    }

    /** A text the note had before an edit replaced it. */
    @Schema(name = "LeadNoteRevision", description = "A text the note had before an edit: who wrote it when, and "
            + "who replaced it when")
    public record Revision(
            @NotNull @Schema(format = "uuid") String id,
            @NotNull @Schema(format = "uuid") String noteId,
            @NotNull String text,
            @NotNull @Schema(format = "uuid") String writtenBy,
            @NotNull Instant writtenAt,
            @NotNull @Schema(format = "uuid") String replacedBy,
            @NotNull Instant replacedAt) {
    }

    /** A page of a note's history. */
    @Schema(name = "LeadNoteRevisionPage")
    public record RevisionPage(@NotNull List<Revision> items, @NotNull PageInfo page) {
    }
}
