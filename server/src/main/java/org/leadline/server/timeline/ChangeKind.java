package org.leadline.server.timeline;

/** Whether an audited thing was created, changed or deleted. */
public enum ChangeKind { CREATED, UPDATED, DELETED }
