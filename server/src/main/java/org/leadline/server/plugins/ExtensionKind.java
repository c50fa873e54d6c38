package org.leadline.server.plugins;

import java.util.Optional;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.conversion.ConversionHandler;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;
import org.leadline.plugin.api.process.ProcessDefinition;
import org.leadline.plugin.api.scoring.ScoringRule;
import org.leadline.plugin.api.source.LeadSource;

/** The extension points of the plugin API, as the admin API names them. */
public enum ExtensionKind {
    LEAD_SOURCE(LeadSource.class),
    SCORING_RULE(ScoringRule.class),
    PROCESS_DEFINITION(ProcessDefinition.class),
    CONVERSION_HANDLER(ConversionHandler.class),
    LIFECYCLE_LISTENER(LeadLifecycleListener.class);

    final Class<? extends LeadlineExtension> type;

    ExtensionKind(Class<? extends LeadlineExtension> type) {
        this.type = type;
    }

    /** The extension point a class implements; an extension implements exactly one. */
    static Optional<ExtensionKind> of(Class<?> extensionClass) {
        for (ExtensionKind kind : values()) {
            if (kind.type.isAssignableFrom(extensionClass)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
