package org.leadline.server.timeline;

import java.util.Collection;
import java.util.Map;

/**
 * Turns the ids of one kind of timeline entry into the items the feed shows. One CDI bean per
 * kind; the feed asks each renderer once per page, so a page costs one query per kind on it.
 */
public interface TimelineRenderer {

    TimelineKind kind();

    /**
     * The items for {@code ids}, keyed by id; ids that no longer exist are left out. Each item is
     * the record its own resource answers with, one of the document's {@code TimelineItem} schemas.
     */
    Map<String, ? extends Record> render(Collection<String> ids);
}
