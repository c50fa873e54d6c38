package org.leadline.server.timeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client writes about a note: its text. */
public record NoteData(@NotBlank(message = "is required") @Size(max = Note.MAX_TEXT) String text) {
}
