package org.leadline.plugin.api.process;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a sales process.
 *
 * @param key            a stable key, stored on the lead, e.g. {@code "qualify"}
 * @param name           what users see, e.g. "Qualify"
 * @param steps          what to do in this stage, as short imperative sentences
 * @param requiredFields lead fields (as named in the REST API, e.g. {@code "qualification.budget"})
 *                       that must have a value before the lead may leave the stage
 * @param exitCriteria   further conditions, as sentences the user confirms before leaving the stage
 */
public record StageDefinition(String key, String name, List<String> steps, List<String> requiredFields,
                              List<String> exitCriteria) {

    public StageDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        steps = steps == null ? List.of() : List.copyOf(steps);
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
        exitCriteria = exitCriteria == null ? List.of() : List.copyOf(exitCriteria);
    }
}
