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
}
