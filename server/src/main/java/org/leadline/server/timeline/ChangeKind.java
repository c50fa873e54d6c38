package org.leadline.server.timeline;

/** Whether an audited thing was created, changed or deleted, or other leads were merged into a lead. */
public enum ChangeKind { CREATED, UPDATED, DELETED, MERGED }
