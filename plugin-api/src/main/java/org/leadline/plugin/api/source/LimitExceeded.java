package org.leadline.plugin.api.source;

import java.util.Objects;

/**
 * The material broke one of the source's limits and was not read; the server answers 422 naming
 * the limit.
 *
 * @param limit  the limit's name, as the source's settings call it (e.g. {@code maxParts})
 * @param detail what was found against what is allowed, e.g. "5000 parts, at most 500"
 */
public record LimitExceeded(String limit, String detail) {

    public LimitExceeded {
        Objects.requireNonNull(limit, "limit");
    }
}
