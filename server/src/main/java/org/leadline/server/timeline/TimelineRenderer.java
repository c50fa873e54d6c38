package org.leadline.server.timeline;

import java.util.Collection;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * Turns the ids of one kind of timeline entry into the items the feed shows. One CDI bean per
 * kind; the feed asks each renderer once per page, so a page costs one query per kind on it.
 */
public interface TimelineRenderer {

    TimelineKind kind();

    /** The items for {@code ids}, keyed by id; ids that no longer exist are left out. */
    Map<String, JsonObject> render(Collection<String> ids);
}
