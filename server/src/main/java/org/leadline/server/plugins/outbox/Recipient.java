package org.leadline.server.plugins.outbox;

/** The extension an outbox entry is for. */
public record Recipient(String pluginId, String extensionId) {
}
