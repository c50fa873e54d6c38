package org.leadline.plugin.api.source;

/**
 * Material the source recognised as not being a lead (an auto-reply, a bounce, a newsletter).
 *
 * @param reference the material's id, e.g. the Message-ID, or null; the server remembers it so a second
 *                  upload gives the same answer
 * @param reason    a sentence for people, e.g. "an automatic reply (Auto-Submitted: auto-replied)"
 */
public record NotALead(String reference, String reason) {
}
