package org.leadline.server.timeline;

/**
 * What a timeline entry is. Each kind is written by the feature that owns it and rendered by a
 * {@link TimelineRenderer} for that kind; adding a kind adds a constant and a renderer, the feed
 * itself does not change.
 */
public enum TimelineKind {
    INTERACTION,
    NOTE,
    SOCIAL_POST,
    AUDIT,
    /** Written by the staged process when a lead moves between stages. */
    STAGE_CHANGE,
    /** Written by qualification when a lead's rating changes. */
    RATING_CHANGE,
    /** Written by the lead merge on the surviving lead: which leads were merged into it. */
    MERGE,
    /** Written by qualification when a seller marks a recommended action done or dismissed. */
    RECOMMENDATION
}
