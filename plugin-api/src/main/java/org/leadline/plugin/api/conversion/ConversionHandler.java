package org.leadline.plugin.api.conversion;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.PluginContext;

/**
 * Takes part when a lead is qualified, after the server created contact, account and opportunity.
 *
 * <p>{@link #beforeCommit} runs inside the qualification's transaction and is the only plugin call
 * that may stop a core operation: a veto rolls the qualification back and the user sees the reason.
 * An exception or a timeout there is <em>not</em> a veto: it is logged and counted, and the
 * qualification goes on. {@link #afterCommit} runs on a worker thread once the qualification is
 * committed, for side effects such as posting to a webhook.
 */
public interface ConversionHandler extends LeadlineExtension {

    default ConversionDecision beforeCommit(Conversion conversion, PluginContext context) {
        return ConversionDecision.proceed();
    }

    default void afterCommit(Conversion conversion, PluginContext context) {
    }
}
