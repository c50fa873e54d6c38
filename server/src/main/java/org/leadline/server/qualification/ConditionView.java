package org.leadline.server.qualification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.OneOrMany;

/**
 * A rule's condition as the API reads and writes it: exactly one member, naming its kind. Groups
 * ({@code all}, {@code any}) nest conditions up to {@link RuleSetDefinition#MAX_DEPTH}
 * levels with at most {@link RuleSetDefinition#MAX_CONDITIONS_PER_GROUP} each; {@link #check} says
 * what Bean Validation cannot (one member, the depth, the lead fields) and {@link #condition()} makes
 * the condition the rater tests.
 */
@Schema(name = "QualificationCondition", minProperties = 1, maxProperties = 1, description = "Exactly one member, naming the kind of the condition; "
        + "all and any nest conditions up to " + RuleSetDefinition.MAX_DEPTH + " levels.",
        example = "{\"all\": [{\"budgetAtLeast\": {\"amount\": 10000, \"currency\": \"EUR\"}}, {\"present\": \"need\"}]}")
public record ConditionView(
        @Size(min = 1, max = RuleSetDefinition.MAX_CONDITIONS_PER_GROUP) @Valid
        @Schema(description = "Every condition holds") List<ConditionView> all,
        @Size(min = 1, max = RuleSetDefinition.MAX_CONDITIONS_PER_GROUP) @Valid
        @Schema(description = "At least one condition holds") List<ConditionView> any,
        @OneOrMany @Size(min = 1, max = 10) @Valid
        @Schema(description = "The budget is at least one of these amounts, each in the budget's own currency "
                + "(no exchange rates are guessed): one amount or a list of 1 to 10")
        List<Money> budgetAtLeast,
        @Min(value = 0, message = "must be a whole number between 0 and 120")
        @Max(value = 120, message = "must be a whole number between 0 and 120")
        @Schema(description = "The purchase timeframe ends within so many months") Integer timeframeWithinMonths,
        @Size(min = 1) @Schema(description = "The lead came from one of these sources") List<Source> sourceIn,
        @Schema(description = "The lead field is given (not blank)",
                enumeration = {"need", "budget", "purchaseTimeframe", "decisionMaker", "decisionMakerName",
                        "purchaseProcess", "source", "sourceDetail", "topic", "email", "phone", "jobTitle",
                        "companyName", "industry", "country", "employees", "website", "language"})
        String present,
        @Valid @Schema(description = "The lead field has this value (ignoring case)") FieldValue equals,
        @Schema(description = "A decision maker is (true) or is not (false) among the lead's stakeholders")
        Boolean decisionMakerKnown,
        @Min(value = 0, message = "must be a whole number between 0 and 100000")
        @Max(value = 100_000, message = "must be a whole number between 0 and 100000")
        @Schema(description = "The lead has at least so many interactions") Integer interactionsAtLeast,
        @Min(value = 0, message = "must be a whole number between 0 and 3650")
        @Max(value = 3650, message = "must be a whole number between 0 and 3650")
        @Schema(description = "The last contact was at most so many days ago") Integer contactedWithinDays,
        @Min(value = 0, message = "must be a whole number between 0 and 3650")
        @Max(value = 3650, message = "must be a whole number between 0 and 3650")
        @Schema(description = "No contact for at least so many days, or never") Integer noContactForDays) {

    static final String KINDS = "all, any, budgetAtLeast, timeframeWithinMonths, sourceIn, present, equals, "
            + "decisionMakerKnown, interactionsAtLeast, contactedWithinDays, noContactForDays";

    /** An amount in a currency. */
    @Schema(name = "QualificationMoney")
    public record Money(
            @NotNull @DecimalMin(value = "0", message = "must be a positive amount below 10^17")
            @DecimalMax(value = "1E17", inclusive = false, message = "must be a positive amount below 10^17")
            BigDecimal amount,
            @NotNull(message = "must be an ISO 4217 code like EUR")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
            @Schema(description = "ISO 4217", example = "EUR") String currency) {
    }

    /** A lead field and the value it must have. */
    @Schema(name = "QualificationFieldValue")
    public record FieldValue(
            @NotNull(message = "must name a lead field") @Schema(description = "A lead field, as in present") String field,
            @NotNull(message = "must be a text, number or boolean (at most 200 characters)")
            @Schema(description = "A text, number or boolean (at most 200 characters)",
                    oneOf = {String.class, java.math.BigDecimal.class, Boolean.class}) JsonValue value) {
    }

    private List<Object> members() {
        List<Object> set = new ArrayList<>();
        for (Object m : new Object[] {all, any, budgetAtLeast, timeframeWithinMonths, sourceIn, present, equals,
                decisionMakerKnown, interactionsAtLeast, contactedWithinDays, noContactForDays}) {
            if (m != null) {
                set.add(m);
            }
        }
        return set;
    }

    /**
     * Adds the errors of the rules across members of this condition at {@code path}, at {@code depth} (1 for
     * the condition of a rule), and of the conditions it nests. Members that could not be read are null and
     * already have their error.
     */
    void check(String path, int depth, List<FieldError> errors) {
        int members = members().size();
        if (members != 1) {
            // none readable: the error of the member sent says enough
            if (members > 1 || errors.stream().noneMatch(e -> e.field().startsWith(path + "."))) {
                errors.add(new FieldError(path, "must have exactly one of " + KINDS));
            }
            return;
        }
        List<ConditionView> group = all != null ? all : any;
        if (group != null) {
            String at = path + (all != null ? ".all" : ".any");
            if (depth >= RuleSetDefinition.MAX_DEPTH) {
                errors.add(new FieldError(at, "nests too deep (at most " + RuleSetDefinition.MAX_DEPTH + " levels)"));
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                if (group.get(i) != null) {
                    group.get(i).check(at + "[" + i + "]", depth + 1, errors);
                }
            }
        }
        if (present != null && !LeadFacts.FIELDS.contains(present)) {
            errors.add(new FieldError(path + ".present", "must name a lead field: "
                    + LeadFacts.FIELDS.stream().sorted().toList()));
        }
        if (equals != null) {
            if (equals.field() != null && !LeadFacts.FIELDS.contains(equals.field())) {
                errors.add(new FieldError(path + ".equals.field", "must name a lead field: "
                        + LeadFacts.FIELDS.stream().sorted().toList()));
            }
            if (equals.value() != null && text(equals.value()) == null) {
                errors.add(new FieldError(path + ".equals.value",
                        "must be a text, number or boolean (at most 200 characters)"));
            }
        }
    }

    /** A value of {@code equals} as the text it is compared with, or null when it is not one. */
    private static String text(JsonValue raw) {
        String value = null;
        if (raw instanceof JsonString js) {
            value = js.getString();
        } else if (raw instanceof JsonNumber || raw == JsonValue.TRUE || raw == JsonValue.FALSE) {
            value = raw.toString();
        }
        return value == null || value.length() > 200 ? null : value;
    }

    /** The condition the rater tests; only for a condition without errors. */
    Condition condition() {
        if (all != null) {
            return new Condition.All(all.stream().map(ConditionView::condition).toList());
        }
        if (any != null) {
            return new Condition.Any(any.stream().map(ConditionView::condition).toList());
        }
        if (budgetAtLeast != null) {
            return new Condition.BudgetAtLeast(budgetAtLeast.stream()
                    .map(m -> new Condition.Money(m.amount(), m.currency())).toList());
        }
        if (timeframeWithinMonths != null) {
            return new Condition.TimeframeWithinMonths(timeframeWithinMonths);
        }
        if (sourceIn != null) {
            Set<String> sources = new LinkedHashSet<>();
            sourceIn.forEach(s -> sources.add(s.name()));
            return new Condition.SourceIn(Set.copyOf(sources));
        }
        if (present != null) {
            return new Condition.Present(present);
        }
        if (equals != null) {
            return new Condition.FieldEquals(equals.field(), text(equals.value()));
        }
        if (decisionMakerKnown != null) {
            return new Condition.DecisionMakerKnown(decisionMakerKnown);
        }
        if (interactionsAtLeast != null) {
            return new Condition.InteractionsAtLeast(interactionsAtLeast);
        }
        if (contactedWithinDays != null) {
            return new Condition.ContactedWithinDays(contactedWithinDays);
        }
        return new Condition.NoContactForDays(noContactForDays);
    }
}
