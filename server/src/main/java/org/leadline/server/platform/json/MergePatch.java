package org.leadline.server.platform.json;

import jakarta.json.JsonObject;

/**
 * The body of a {@code PATCH}: a JSON merge patch (RFC 7396) of a resource whose representation is
 * the record {@code R}. Applied to the current state as JSON and bound to the record again, so the
 * record decides what a patch may carry; the document describes the body as the patch form of
 * {@code R} (every member optional, {@code null} removes).
 *
 * @param <R> the resource's representation
 */
public final class MergePatch<R extends Record> {

    private final JsonObject patch;

    MergePatch(JsonObject patch) {
        this.patch = patch;
    }

    /**
     * {@code current} with the patch applied, bound and validated; only errors of members the patch
     * sends are reported.
     *
     * @throws org.leadline.server.platform.problem.ProblemException a validation problem listing every error
     */
    public R applyTo(R current) {
        return RecordBodyReader.patch(current, patch);
    }

    /** The patch as sent, for a resource whose service applies it itself (a lead's patch). */
    public JsonObject json() {
        return patch;
    }
}
