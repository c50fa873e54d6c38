package org.leadline.plugin.api.conversion;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.PluginContext;

/**
 * Takes part when a lead is qualified, after the server created contact, account and opportunity.
 *
 * <p>{@link #beforeCommit} runs inside the qualification's transaction and is the only plugin call
 * that may stop a core operation: a veto rolls the qualification back and the user sees the reason.
 * An exception or a timeout there is <em>not</em> a veto: it is logged and counted, and the
 * qualification goes on. It must not have effects of its own: it is also called for a preview of a
 * qualification (a dry run), where the ids of the records the qualification would create are
 * {@code null}, and its answer is shown to the user.
 *
 * <p>{@link #afterCommit} is called once the qualification committed, for side effects such as
 * posting to a webhook. It is delivered through the server's outbox: at least once, retried with a
 * growing wait while it throws, so throw when the effect did not happen and make it idempotent
 * (the opportunity's id identifies the qualification). {@link #preview} says in a sentence what it
 * will do, for the dry run.
 */
public interface ConversionHandler extends LeadlineExtension {

    default ConversionDecision beforeCommit(Conversion conversion, PluginContext context) {
        return ConversionDecision.proceed();
    }

    default void afterCommit(Conversion conversion, PluginContext context) {
    }

    /**
     * What {@link #afterCommit} will do for this qualification, in one sentence for the user (for
     * example "Posts the qualification to https://erp.example.com/hook"), shown in the dry run of a
     * qualification; {@code null} when there is nothing to say. Must not have effects.
     *
     * @since 1.1
     */
    default String preview(Conversion conversion, PluginContext context) {
        return null;
    }
}
