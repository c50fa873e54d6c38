package org.leadline.plugin.api.source;

import java.util.Set;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.PluginContext;

/**
 * Reads leads out of inbound material: a mailbox message, a web-form post, a CSV upload. The source
 * only reads; the server validates the drafts, detects duplicates and stores the leads with source
 * and detail.
 */
public interface LeadSource extends LeadlineExtension {

    /** The media types this source reads, e.g. {@code Set.of("text/csv")}. */
    Set<String> mediaTypes();

    ReadResult read(InboundMaterial material, PluginContext context);
}
