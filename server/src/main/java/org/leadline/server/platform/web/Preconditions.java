package org.leadline.server.platform.web;

import jakarta.ws.rs.core.EntityTag;

import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a resource's version is its strong ETag, and every write to an
 * existing resource must name the version it was based on in {@code If-Match}.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an {@code If-Match} header requires, or null for {@code *} (any version).
     * A missing header gets 428; a header that cannot match gets 412.
     */
    /**
     * The version an optional {@code If-Match} names: null when it is absent or {@code *}, so the
     * change applies to whatever is current.
     */
    public static Long optionalVersion(String ifMatch) {
        return ifMatch == null ? null : requiredVersion(ifMatch);
    }

    /** Refuses (412) a change whose If-Match names another version than {@code current}; null accepts any. */
    public static void check(String what, long current, Long expected) {
        if (expected != null && expected != current) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, what + " is at version " + current
                    + ", your If-Match names version " + expected + "; read it again");
        }
    }

    public static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you read, so that you never overwrite a change you have not seen");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        // A list of tags may be sent; this server only ever issues one, so take the first strong one.
        for (String part : value.split(",")) {
            String tag = part.strip();
            if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() >= 2) {
                try {
                    return Long.parseLong(tag.substring(1, tag.length() - 1));
                } catch (NumberFormatException e) {
                    // not one of ours; keep looking
                }
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match must be the ETag this server sent (a quoted version, e.g. \"3\"), or *");
    }
}
