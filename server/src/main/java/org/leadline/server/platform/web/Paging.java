package org.leadline.server.platform.web;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.ProblemException;

/** Page-size limits shared by every list endpoint. */
public final class Paging {

    private Paging() {
    }

    public static int limit(String text) {
        int max = Settings.pageSizeMax();
        if (text == null || text.isBlank()) {
            return Math.min(Settings.pageSizeDefault(), max);
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.parameter("limit", "must be a whole number from 1 to " + max);
    }

    /**
     * The cursor of a list paged by id (the id of the previous page's last item), or null for the
     * first page; anything that is not an id is refused.
     */
    public static String idCursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String id = text.strip();
        if (!org.leadline.server.platform.persistence.Ids.isValid(id)) {
            throw ProblemException.parameter("cursor", NOT_ISSUED);
        }
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    /** The cursor of a list paged by a positive whole number (a version), or null for the first page. */
    public static Integer numberCursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.parameter("cursor", NOT_ISSUED);
    }

    private static final String NOT_ISSUED = "is not a cursor this server issued";
}
