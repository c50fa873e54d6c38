package org.leadline.server.platform.json;

import jakarta.json.JsonObject;

/**
 * The body of a {@code PUT}: the whole new state of a resource whose representation is the record
 * {@code R}. It can only be bound against the resource's current state, because a client may send
 * back the read-only members it read (the same values) but no other; so the body is kept as JSON
 * until the resource is found. The type argument is the body's schema in the API document.
 *
 * @param <R> the resource's representation
 */
public final class Replacement<R extends Record> {

    private final JsonObject body;

    Replacement(JsonObject body) {
        this.body = body;
    }

    /**
     * The new state, bound to the record of {@code current} and validated; read-only members must
     * have the values they have in {@code current}.
     *
     * @throws org.leadline.server.platform.problem.ProblemException a validation problem listing every error
     */
    public R against(R current) {
        return RecordBodyReader.replace(current, body);
    }

    /**
     * As {@link #against(Record)}, with the current state as JSON: read-only members that change
     * without a new version (counters, say) may be left out or sent as read.
     */
    public R against(Class<R> type, JsonObject current) {
        return RecordBodyReader.replace(type, current, body);
    }

    /** The body as sent, for a resource whose service binds the record itself (a lead's replace). */
    public JsonObject json() {
        return body;
    }
}
