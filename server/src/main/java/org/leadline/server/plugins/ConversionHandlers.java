package org.leadline.server.plugins;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.plugin.api.conversion.ConversionDecision;
import org.leadline.plugin.api.conversion.ConversionHandler;

/**
 * The guarded invocation path of {@link ConversionHandler}s, one handler at a time. The conversion
 * feature orchestrates: which handlers it asks, that the first veto wins, when it tells them.
 */
@ApplicationScoped
public class ConversionHandlers {

    @Inject
    Extensions extensions;

    @Inject
    ExtensionCalls calls;

    /** The tenant's enabled conversion handlers, in the registry's order. */
    public List<Extensions.Enabled> enabled(String tenantId) {
        return extensions.enabled(tenantId, ExtensionKind.CONVERSION_HANDLER);
    }

    /** The handler's decision before the qualification commits; a failure or a time-out is no veto. */
    public Guard.Outcome<ConversionDecision> beforeCommit(String tenantId, Extensions.Enabled handler, Conversion conversion) {
        ConversionHandler h = (ConversionHandler) handler.extension().instance();
        return calls.call(tenantId, handler, context -> h.beforeCommit(conversion, context));
    }

    /** Tells the handler that a qualification committed; the outcome says whether it took it. Never throws. */
    public Guard.Outcome<Void> afterCommit(String tenantId, Extensions.Enabled handler, Conversion conversion) {
        ConversionHandler h = (ConversionHandler) handler.extension().instance();
        return calls.call(tenantId, handler, context -> {
            h.afterCommit(conversion, context);
            return null;
        });
    }

    /** What the handler says it will do after commit, for a qualification's dry run. Never throws. */
    public Guard.Outcome<String> preview(String tenantId, Extensions.Enabled handler, Conversion conversion) {
        ConversionHandler h = (ConversionHandler) handler.extension().instance();
        return calls.call(tenantId, handler, context -> h.preview(conversion, context));
    }
}
