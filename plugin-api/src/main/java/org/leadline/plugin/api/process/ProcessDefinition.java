package org.leadline.plugin.api.process;

import java.util.List;

import org.leadline.plugin.api.LeadlineExtension;

/**
 * A sales process: the ordered stages a lead moves through (e.g. Qualify, Develop, Propose, Close).
 * The server stores stage keys on leads, moves leads forward only when a stage's required fields are
 * filled and its exit criteria confirmed, and keeps the stage history.
 *
 * <p>Read when the plugin starts; keep {@link StageDefinition#key() keys} stable across versions,
 * leads store them.
 */
public interface ProcessDefinition extends LeadlineExtension {

    /** The stages in order; at least one, keys unique. */
    List<StageDefinition> stages();
}
