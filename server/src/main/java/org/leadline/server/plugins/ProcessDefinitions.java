package org.leadline.server.plugins;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.plugin.api.process.ProcessDefinition;
import org.leadline.plugin.api.process.StageDefinition;
import org.leadline.server.process.StageDefinitions;

/** The guarded invocation path of {@link ProcessDefinition}s; the process feature chooses and applies them. */
@ApplicationScoped
public class ProcessDefinitions {

    /** A sales process offered by a started plugin, with its stages as read now. */
    public record ProcessOffer(String pluginId, String extensionId, String description, List<StageDefinition> stages) {

        public String key() {
            return pluginId + "/" + extensionId;
        }
    }

    @Inject
    Extensions extensions;

    @Inject
    ExtensionCalls calls;

    /**
     * The processes the tenant may choose: process definitions it has enabled whose stages could be
     * read and are valid. A definition failing to answer is left out.
     */
    public List<ProcessOffer> processes(String tenantId) {
        List<ProcessOffer> offers = new ArrayList<>();
        for (Extensions.Enabled e : extensions.enabled(tenantId, ExtensionKind.PROCESS_DEFINITION)) {
            ProcessDefinition definition = (ProcessDefinition) e.extension().instance();
            Guard.Outcome<List<StageDefinition>> o = calls.call(tenantId, e,
                    context -> definition.stages() == null ? null : new ArrayList<>(definition.stages()));
            if (o.ok() && StageDefinitions.problems(o.value()).isEmpty()) {
                offers.add(new ProcessOffer(e.pluginId(), e.id(), e.extension().description(), List.copyOf(o.value())));
            }
        }
        return offers;
    }
}
