package org.leadline.server.timeline;

/** What a client writes about a note, as checked by {@link NoteView} (the record a body is read into): its text. */
public record NoteData(String text) {
}
