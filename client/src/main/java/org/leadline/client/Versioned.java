package org.leadline.client;

/**
 * A resource as read, with the ETag that names its version: pass {@link #etag()} to a change, so
 * that the server refuses it (412) when someone else changed the resource in between.
 *
 * @param value the resource
 * @param etag  its {@code ETag}, as the server sent it
 */
public record Versioned<T>(T value, String etag) {
}
