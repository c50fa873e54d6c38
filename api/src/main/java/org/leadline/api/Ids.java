package org.leadline.api;

/** The ids of the API: UUIDs in their canonical form, e.g. {@code 01a242fd-8484-7c7c-b6d2-4cf7b781d527}. */
public final class Ids {

    /** An id as a pattern, for the members of request bodies that name another resource. */
    public static final String PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private Ids() {
    }
}
