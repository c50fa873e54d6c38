package org.leadline.server.plugins.outbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.server.plugins.ConversionHandlers;
import org.leadline.server.plugins.ExtensionKind;
import org.leadline.server.plugins.Extensions;
import org.leadline.server.plugins.Guard;
import org.leadline.server.plugins.LifecycleListeners;
import org.leadline.server.plugins.TenantExtensions;

/** Hands one outbox entry to its extension, through the guarded path of its kind, and says how it went. */
@ApplicationScoped
public class OutboxDelivery {

    /** How handing an entry to its extension went. */
    public enum Handed {
        /** The extension took it. */
        DELIVERED,
        /** The extension failed, timed out, is quarantined or busy: try again later. */
        FAILED,
        /** The tenant does not have the extension enabled (any more): the entry is dropped. */
        NOT_ENABLED,
        /** The plugin is not running (stopped, being upgraded, unloaded): try again later. */
        NOT_RUNNING
    }

    /** The outcome, with the failure in a partner's words. */
    public record Handover(Handed result, String failure) {
    }

    @Inject
    Extensions extensions;

    @Inject
    TenantExtensions tenantExtensions;

    @Inject
    LifecycleListeners listeners;

    @Inject
    ConversionHandlers handlers;

    /** Delivers the entry; never throws. */
    Handover deliver(OutboxEntry e) {
        ExtensionKind kind = e.topic() == OutboxEntry.Topic.LIFECYCLE ? ExtensionKind.LIFECYCLE_LISTENER
                : ExtensionKind.CONVERSION_HANDLER;
        Optional<Extensions.Enabled> target = extensions.enabled(e.tenantId(), kind, e.to().pluginId(), e.to().extensionId());
        if (target.isEmpty()) {
            if (extensions.started(kind, e.to().pluginId(), e.to().extensionId())) {
                return new Handover(Handed.NOT_ENABLED, null);
            }
            TenantExtensions.Choice choice = tenantExtensions.choices(e.tenantId())
                    .get(e.to().pluginId() + "/" + e.to().extensionId());
            return choice != null && !choice.enabled() ? new Handover(Handed.NOT_ENABLED, null)
                    : new Handover(Handed.NOT_RUNNING, "the plugin is not running");
        }
        Guard.Outcome<Void> outcome = switch (e.topic()) {
            case LIFECYCLE -> listeners.deliver(e.tenantId(), target.get(), OutboxPayloads.event(e.payload()));
            case CONVERSION -> handlers.afterCommit(e.tenantId(), target.get(), OutboxPayloads.conversion(e.payload()));
        };
        if (outcome.skipped()) {
            return new Handover(Handed.FAILED, "is quarantined for this tenant");
        }
        return outcome.ok() ? new Handover(Handed.DELIVERED, null) : new Handover(Handed.FAILED, outcome.failure());
    }
}
