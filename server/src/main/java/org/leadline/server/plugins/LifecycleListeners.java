package org.leadline.server.plugins;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;

/**
 * The guarded invocation path of {@link LeadLifecycleListener}s: one listener, one event. The
 * {@link LifecycleBridge} decides which events go to whom and when.
 */
@ApplicationScoped
public class LifecycleListeners {

    @Inject
    Extensions extensions;

    @Inject
    ExtensionCalls calls;

    /** Whether any listener is enabled for the tenant: the bridge's cheap pre-check. */
    public boolean wanted(String tenantId) {
        return extensions.any(tenantId, ExtensionKind.LIFECYCLE_LISTENER);
    }

    /** The tenant's enabled listeners that want events of this kind with this delivery. */
    public List<Extensions.Enabled> enabled(String tenantId, LeadLifecycleEvent.Kind kind,
                                            LeadLifecycleListener.Delivery delivery) {
        return extensions.enabled(tenantId, ExtensionKind.LIFECYCLE_LISTENER).stream()
                .filter(e -> e.extension().delivery() == delivery && e.extension().kinds().contains(kind)).toList();
    }

    /** Delivers one event to one listener through the guard; the outcome says whether it took it. Never throws. */
    public Guard.Outcome<Void> deliver(String tenantId, Extensions.Enabled listener, LeadLifecycleEvent event) {
        LeadLifecycleListener l = (LeadLifecycleListener) listener.extension().instance();
        return calls.call(tenantId, listener, context -> {
            l.onEvent(event, context);
            return null;
        });
    }
}
