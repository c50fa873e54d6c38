package org.leadline.server.qualification;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.LeadScoring;
import org.leadline.api.page.PageInfo;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.CrossFieldRules;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.json.RecordInput;

/**
 * A version of the tenant's qualification rules as the API reads and writes it: the thresholds of
 * the ratings and the rules. The server owns version, createdAt and createdBy (sent back, they must
 * be those of the current version). The definition is stored as this record read it, and read back through it.
 */
@Schema(name = "QualificationRuleSet", description = "The tenant's qualification rules: a lead's score is the sum "
        + "of the points of the rules it meets; the thresholds turn the score into HOT, WARM or COLD. Version 0 "
        + "(no createdAt, no rules) until the tenant saves its first rule set.",
        example = """
                {"thresholds": {"hot": 60, "warm": 30},
                 "rules": [{"id": "big-budget", "name": "Budget of 10000 EUR or more", "points": 40,
                            "when": {"budgetAtLeast": {"amount": 10000, "currency": "EUR"}},
                            "recommend": [{"text": "Call within a day", "kind": "CALL", "priority": "HIGH",
                                           "dueInDays": 1}]}]}""")
public record RuleSetView(
        @Schema(readOnly = true, required = true, description = "Increases with every save") Integer version,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true, format = "uuid") String createdBy,
        @NotNull @Valid Thresholds thresholds,
        @NotNull @Size(max = RuleSetDefinition.MAX_RULES) @Valid List<Rule> rules,
        @Schema(readOnly = true, description = "In the answer to a save: the job re-rating the tenant's leads "
                + "with the new version") RerateJobView rerating) implements CrossFieldRules {

    @Override
    public void check(List<FieldError> errors) {
        if (thresholds != null && thresholds.hot() != null && thresholds.warm() != null
                && thresholds.warm() >= thresholds.hot()) {
            errors.add(new FieldError("thresholds.warm", "must be lower than thresholds.hot"));
        }
        if (rules == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule == null) {
                continue;
            }
            if (rule.id() != null && !ids.add(rule.id())) {
                errors.add(new FieldError("rules[" + i + "].id", "is used by another rule"));
            }
            if (rule.when() != null) {
                rule.when().check("rules[" + i + "].when", 1, errors);
            }
        }
    }

    /** A saved version as the API shows it; {@code rerating} is the job started by the save, or null. */
    static RuleSetView of(RuleSet saved, RerateJobView rerating) {
        // Read as stored, without today's constraints: a version saved under older limits stays readable.
        RuleSetView stored = RecordInput.read(new JsonInput(Json.createReader(new StringReader(saved.definition()))
                .readObject(), "", new java.util.ArrayList<>()), RuleSetView.class, (path, value) -> { });
        return new RuleSetView(saved.version(), saved.createdAt(), saved.createdBy(), stored.thresholds(), stored.rules(),
                rerating);
    }

    /** What a tenant that never saved rules has: version 0, the default thresholds, no rules. */
    static RuleSetView none() {
        return new RuleSetView(0, null, null, new Thresholds(RuleSetDefinition.EMPTY.hotFrom(),
                RuleSetDefinition.EMPTY.warmFrom()), List.of(), null);
    }

    /** The rule set the rater applies; only for a rule set read without errors. */
    public RuleSetDefinition definition() {
        return new RuleSetDefinition(thresholds.hot(), thresholds.warm(), rules.stream().map(r -> new RuleSetDefinition.Rule(
                r.id(), r.name() == null ? r.id() : r.name(), r.points(), r.when() == null ? null : r.when().condition(),
                r.recommend() == null ? List.of() : r.recommend().stream().map(a -> new RuleSetDefinition.Recommendation(
                        a.text(), a.kind() == null ? RuleSetDefinition.ActionKind.TASK : a.kind(),
                        a.priority() == null ? LeadScoring.Priority.MEDIUM : a.priority(), a.dueInDays())).toList()))
                .toList());
    }

    /** The scores from which a lead is rated HOT and WARM. */
    @Schema(name = "QualificationThresholds", description = "warm must be lower than hot")
    public record Thresholds(
            @NotNull @Min(value = 1, message = "must be between 1 and 100000")
            @Max(value = RuleSetDefinition.MAX_POINTS * RuleSetDefinition.MAX_RULES, message = "must be between 1 and 100000")
            @Schema(description = "The score from which a lead is HOT") Integer hot,
            // A lead without points (score 0) is COLD unless the tenant says otherwise with warm 0; a
            // negative threshold would rate leads that rules count against as WARM.
            @NotNull @Min(value = 0, message = "must be between 0 and 99999")
            @Max(value = RuleSetDefinition.MAX_POINTS * RuleSetDefinition.MAX_RULES - 1, message = "must be between 0 and 99999")
            @Schema(description = "The score from which a lead is WARM") Integer warm) {
    }

    /** One rule: the points a lead gets when it meets the condition, and the actions recommended then. */
    @Schema(name = "QualificationRule")
    public record Rule(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") @Schema(description = "Unique within the rule set")
            String id,
            @Size(max = 200) @Schema(description = "Shown as the reason; the id when absent") String name,
            @NotNull @Min(-RuleSetDefinition.MAX_POINTS) @Max(RuleSetDefinition.MAX_POINTS) Integer points,
            @Valid @Schema(description = "The condition: an object with one member naming its kind; groups nest up "
                    + "to 4 levels. Absent: the rule always applies.")
            ConditionView when,
            @Size(max = RuleSetDefinition.MAX_RECOMMENDATIONS) @Valid List<Action> recommend) {
    }

    /** An action a rule recommends. */
    @Schema(name = "QualificationRuleAction")
    public record Action(
            @NotNull @Size(max = 500) String text,
            @Schema(description = "TASK when absent") RuleSetDefinition.ActionKind kind,
            @Schema(description = "MEDIUM when absent") LeadScoring.Priority priority,
            @Min(0) @Max(365) @Schema(description = "Due so many days after the rating") Integer dueInDays) {
    }

    /** A saved version, without its rules. */
    @Schema(name = "QualificationRuleSetVersion")
    public record Summary(
            @NotNull Integer version,
            @NotNull Instant createdAt,
            @NotNull @Schema(format = "uuid") String createdBy) {
    }

    /** The saved versions, newest first (at most 100). */
    @Schema(name = "QualificationRuleSetVersionList")
    public record Versions(@NotNull List<Summary> items, @NotNull PageInfo page) {
    }
}
