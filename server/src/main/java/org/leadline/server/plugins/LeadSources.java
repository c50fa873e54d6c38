package org.leadline.server.plugins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadSource;
import org.leadline.plugin.api.source.MailboxSource;
import org.leadline.plugin.api.source.ReadResult;

/**
 * The guarded invocation path of {@link LeadSource}s and {@link MailboxSource}s. The capture
 * feature orchestrates: which source reads what, when a mailbox is polled, what is stored.
 */
@ApplicationScoped
public class LeadSources {

    /**
     * What a lead source made of inbound material: {@code available} is false when the tenant does
     * not have the source enabled (or it is not loaded); {@code failure} says why a call that was
     * made brought no result (threw, timed out, quarantined).
     */
    public record SourceReading(boolean available, ReadResult result, String failure) {
    }

    /** What the chosen lead source answered: its result, or why there is none. */
    public record SourceRead(String pluginId, String extensionId, ReadResult result, String failure) {
    }

    /**
     * A tenant's mailbox: an enabled {@link MailboxSource} whose settings name a mailbox;
     * {@code interval} is zero when it is polled only on demand.
     */
    public record Mailbox(String pluginId, String extensionId, Duration interval) {
    }

    /** What a mailbox handed out, or why it did not. */
    public record Fetched(List<InboundMaterial> materials, String failure) {
    }

    @Inject
    Extensions extensions;

    @Inject
    ExtensionCalls calls;

    /** Whether the lead source is loaded, started and enabled for the tenant. */
    public boolean sourceEnabled(String tenantId, String pluginId, String extensionId) {
        return extensions.enabled(tenantId, ExtensionKind.LEAD_SOURCE, pluginId, extensionId).isPresent();
    }

    /** Asks one lead source, through the guard, to read material for a tenant. Never throws. */
    public SourceReading readSource(String tenantId, String pluginId, String extensionId, InboundMaterial material) {
        Optional<Extensions.Enabled> found = extensions.enabled(tenantId, ExtensionKind.LEAD_SOURCE, pluginId, extensionId);
        if (found.isEmpty()) {
            return new SourceReading(false, null, null);
        }
        LeadSource source = (LeadSource) found.get().extension().instance();
        Guard.Outcome<ReadResult> o = calls.call(tenantId, found.get(), context -> source.read(material, context));
        if (o.skipped()) {
            return new SourceReading(true, null, "is quarantined for this tenant");
        }
        if (!o.ok() || o.value() == null) {
            return new SourceReading(true, null, o.failure() == null ? "returned nothing" : o.failure());
        }
        return new SourceReading(true, o.value(), null);
    }

    /**
     * Reads inbound material with the first of the tenant's enabled lead sources (by plugin and
     * extension id) that declares the material's media type, through the guard. Empty when no
     * enabled source reads that type; a source that fails or times out gives a failure.
     */
    public Optional<SourceRead> readLeads(String tenantId, InboundMaterial material) {
        String wanted = baseType(material.mediaType());
        List<Extensions.Enabled> sources = extensions.enabled(tenantId, ExtensionKind.LEAD_SOURCE).stream()
                .sorted(Comparator.comparing(Extensions.Enabled::key)).toList();
        for (Extensions.Enabled e : sources) {
            LeadSource source = (LeadSource) e.extension().instance();
            Guard.Outcome<Set<String>> types = calls.call(tenantId, e, context -> Set.copyOf(source.mediaTypes()));
            if (!types.ok() || types.value().stream().map(LeadSources::baseType).noneMatch(wanted::equals)) {
                continue;
            }
            Guard.Outcome<ReadResult> o = calls.call(tenantId, e, context -> source.read(material, context));
            return Optional.of(new SourceRead(e.pluginId(), e.id(), o.ok() ? o.value() : null,
                    o.ok() ? (o.value() == null ? "returned no result" : null)
                            : o.skipped() ? "is quarantined for this tenant" : o.failure()));
        }
        return Optional.empty();
    }

    /** The tenant's mailboxes, each asked through the guard; a source that fails to answer is left out. */
    public List<Mailbox> mailboxes(String tenantId) {
        List<Mailbox> found = new ArrayList<>();
        for (Extensions.Enabled e : extensions.enabled(tenantId, ExtensionKind.LEAD_SOURCE)) {
            if (!(e.extension().instance() instanceof MailboxSource source)) {
                continue;
            }
            Guard.Outcome<Optional<Duration>> o = calls.call(tenantId, e, context -> source.pollInterval(context.config()));
            if (o.ok() && o.value() != null && o.value().isPresent()) {
                Duration d = o.value().get();
                found.add(new Mailbox(e.pluginId(), e.id(), d.isNegative() ? Duration.ZERO : d));
            }
        }
        found.sort(Comparator.comparing(m -> m.pluginId() + "/" + m.extensionId()));
        return found;
    }

    /** Fetches up to {@code max} pieces of material from the tenant's mailbox, through the guard with {@code timeout}. */
    public Fetched fetchMail(String tenantId, Mailbox mailbox, int max, Duration timeout) {
        return onMailbox(tenantId, mailbox, timeout, (source, context) -> {
            List<InboundMaterial> got = source.fetch(context, max);
            return got == null ? List.<InboundMaterial>of() : List.copyOf(got.size() > max ? got.subList(0, max) : got);
        });
    }

    /** Has the mailbox move the material it took in; the failure, or null when done. */
    public String acknowledgeMail(String tenantId, Mailbox mailbox, List<String> refs, Duration timeout) {
        return onMailbox(tenantId, mailbox, timeout, (source, context) -> {
            source.acknowledge(context, List.copyOf(refs));
            return List.<InboundMaterial>of();
        }).failure();
    }

    private interface MailboxCall {
        List<InboundMaterial> call(MailboxSource source, org.leadline.plugin.api.PluginContext context) throws Exception;
    }

    private Fetched onMailbox(String tenantId, Mailbox mailbox, Duration timeout, MailboxCall call) {
        Optional<Extensions.Enabled> found = extensions.enabled(tenantId, ExtensionKind.LEAD_SOURCE,
                mailbox.pluginId(), mailbox.extensionId());
        if (found.isEmpty() || !(found.get().extension().instance() instanceof MailboxSource source)) {
            return new Fetched(List.of(), "is not enabled for this tenant");
        }
        Guard.Outcome<List<InboundMaterial>> o = calls.call(tenantId, found.get(), timeout, context -> call.call(source, context));
        if (o.skipped()) {
            return new Fetched(List.of(), "is quarantined for this tenant");
        }
        return o.ok() ? new Fetched(o.value() == null ? List.of() : o.value(), null) : new Fetched(List.of(), o.failure());
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
