package org.leadline.server.process;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.leadline.api.lead.LeadView;
import org.leadline.plugin.api.process.StageDefinition;

/**
 * Whether a process definition's stages are usable: checked when a plugin is installed or started,
 * so a broken definition is refused with its problems named instead of silently never appearing.
 */
public final class StageDefinitions {

    /** The lead fields a stage may require: every member path of the lead as the REST API writes it. */
    private static final Set<String> FIELDS = fields();
    private static final int MAX_KEY = 63;

    private StageDefinitions() {
    }

    /** Every problem of the stages, each a sentence naming the stage; empty when usable. */
    public static List<String> problems(List<StageDefinition> stages) {
        List<String> problems = new ArrayList<>();
        if (stages == null || stages.isEmpty()) {
            problems.add("it has no stages; a process needs at least one");
            return problems;
        }
        Set<String> keys = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            StageDefinition s = stages.get(i);
            if (s == null) {
                problems.add("stage " + (i + 1) + " is null");
                continue;
            }
            if (s.key().isBlank() || s.key().length() > MAX_KEY) {
                problems.add("stage " + (i + 1) + " has a key that is blank or longer than " + MAX_KEY + " characters");
            } else if (!keys.add(s.key()) && reported.add(s.key())) {
                problems.add("the stage key '" + s.key() + "' is used more than once; keys are stored on leads and must be unique");
            }
            if (s.name().isBlank()) {
                problems.add("stage '" + s.key() + "' has no name");
            }
            for (String f : s.requiredFields()) {
                if (f == null || !(FIELDS.contains(f) || StageProgress.FACTS.contains(f))) {
                    problems.add("stage '" + s.key() + "' requires the unknown field '" + f + "'; a required field is a "
                            + "lead field as the REST API names it (e.g. qualification.budget) or one of "
                            + new TreeSet<>(StageProgress.FACTS));
                }
            }
        }
        return problems;
    }

    private static Set<String> fields() {
        Set<String> out = new HashSet<>();
        collect(LeadView.class, "", out, 0);
        return Set.copyOf(out);
    }

    private static void collect(Class<?> type, String prefix, Set<String> out, int depth) {
        if (!type.isRecord() || depth > 5) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + c.getName();
            out.add(path);
            collect(c.getType(), path + ".", out, depth + 1);
        }
    }
}
