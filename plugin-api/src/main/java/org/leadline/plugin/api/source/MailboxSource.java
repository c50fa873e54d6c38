package org.leadline.plugin.api.source;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.PluginContext;

/**
 * A lead source that can also fetch its material from a mailbox of the tenant (e.g. an IMAP
 * folder). The server polls it: {@link #fetch} hands out waiting material, the server reads each
 * piece with {@link #read} and takes the leads in, then {@link #acknowledge}s what it took in so
 * the source moves it out of the way (e.g. to a processed folder). Material that was not
 * acknowledged is fetched again next time; the server takes a message in once per message id, so a
 * second fetch of the same message does no harm. The source never calls back into the server.
 */
public interface MailboxSource extends LeadSource {

    /** The attribute of fetched material that names it in the mailbox, handed back to {@link #acknowledge}. */
    String MAILBOX_REF = "mailboxRef";

    /**
     * How often the server should fetch under these settings: empty when no mailbox is configured,
     * {@link Duration#ZERO} when one is configured but fetched only on demand.
     */
    Optional<Duration> pollInterval(ExtensionConfig config);

    /**
     * Up to {@code max} pieces of waiting material, oldest first, each with the attribute
     * {@link #MAILBOX_REF}. Throws when the mailbox cannot be reached; must give up within the
     * time the server allows for a call (connection and read timeouts).
     */
    List<InboundMaterial> fetch(PluginContext context, int max) throws Exception;

    /** Moves the material with these references out of the waiting material; unknown references are skipped. */
    void acknowledge(PluginContext context, List<String> refs) throws Exception;
}
