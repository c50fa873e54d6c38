package org.leadline.plugin.api.lifecycle;

import java.util.EnumSet;
import java.util.Set;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Stable;

/**
 * Observes lead events of the tenants that enabled it: notify a chat channel, feed a data warehouse,
 * keep an audit copy.
 *
 * <p>By default the server calls a listener after the change has been committed, on a worker thread,
 * once per event; the call never delays or fails the user's request. A listener that must see the
 * change before commit (e.g. to keep a record consistent in the same transaction) returns
 * {@link Delivery#IN_TRANSACTION}; even then an exception does not roll the change back: it is
 * logged, counted and, when repeated, quarantines the listener for that tenant.
 *
 * <p>Each call has a time limit (2 s unless the administrator changed it). Do slow work elsewhere.
 */
@Stable(since = "1.0")
public interface LeadLifecycleListener extends LeadlineExtension {

    /** When the listener is called relative to the transaction that made the change. */
    enum Delivery { AFTER_COMMIT, IN_TRANSACTION }

    /** Called once for each event of a kind in {@link #kinds()}. */
    void onEvent(LeadLifecycleEvent event, PluginContext context);

    /** The kinds this listener wants; others are not delivered. All kinds by default. */
    default Set<LeadLifecycleEvent.Kind> kinds() {
        return EnumSet.allOf(LeadLifecycleEvent.Kind.class);
    }

    default Delivery delivery() {
        return Delivery.AFTER_COMMIT;
    }
}
