package org.leadline.server.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.process.StageDefinition;

/**
 * How far a lead is through each stage of its process: which required fields and facts are there,
 * which checklist items are ticked, and so what is missing before it may leave the stage.
 *
 * <p>A required field names a lead field as the REST API writes it ({@code qualification.budget});
 * the names {@code stakeholders}, {@code competitors} and {@code interactions} instead require at
 * least one such related fact. Exit criteria are checklist items a user ticks.
 */
public record StageProgress(StageDefinition stage, List<Requirement> fields, List<Requirement> checklist) {

    /** Related facts a stage may require, counted per lead. */
    public static final Set<String> FACTS = Set.of("stakeholders", "competitors", "interactions");

    public record Requirement(String name, boolean done) {
    }

    /** Evaluates one stage against the lead as JSON, its fact counts and its ticked items ({@code stage\nitem}). */
    public static StageProgress of(StageDefinition stage, JsonObject lead, Map<String, Long> facts, Set<String> ticked) {
        List<Requirement> fields = new ArrayList<>();
        for (String f : stage.requiredFields()) {
            boolean done = FACTS.contains(f) ? facts.getOrDefault(f, 0L) > 0 : present(lead, f);
            fields.add(new Requirement(f, done));
        }
        List<Requirement> checklist = new ArrayList<>();
        for (String item : stage.exitCriteria()) {
            checklist.add(new Requirement(item, ticked.contains(tickKey(stage.key(), item))));
        }
        return new StageProgress(stage, List.copyOf(fields), List.copyOf(checklist));
    }

    static String tickKey(String stageKey, String item) {
        return stageKey + "\n" + item;
    }

    public boolean complete() {
        return fields.stream().allMatch(Requirement::done) && checklist.stream().allMatch(Requirement::done);
    }

    /** What keeps the lead in this stage, one error per missing requirement. */
    public List<FieldError> missing() {
        List<FieldError> out = new ArrayList<>();
        for (Requirement r : fields) {
            if (!r.done()) {
                out.add(new FieldError(r.name(), FACTS.contains(r.name())
                        ? "needs at least one entry before the lead can leave stage " + stage.key()
                        : "must be filled before the lead can leave stage " + stage.key()));
            }
        }
        for (Requirement r : checklist) {
            if (!r.done()) {
                out.add(new FieldError("checklist." + stage.key(), "'" + r.name() + "' must be ticked"));
            }
        }
        return out;
    }

    /** Whether the dotted path leads to a value: not null, not blank text, not an empty list or object. */
    static boolean present(JsonObject object, String path) {
        JsonValue v = object;
        for (String part : path.split("\\.")) {
            if (!(v instanceof JsonObject o) || !o.containsKey(part)) {
                return false;
            }
            v = o.get(part);
        }
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v instanceof JsonString s) {
            return !s.getString().isBlank();
        }
        if (v instanceof JsonArray a) {
            return !a.isEmpty();
        }
        if (v instanceof JsonObject o) {
            return !o.isEmpty();
        }
        return true;
    }
}
