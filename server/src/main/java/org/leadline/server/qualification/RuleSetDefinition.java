package org.leadline.server.qualification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.server.lead.Source;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;

/**
 * A tenant's qualification rules as data: each rule adds points when its condition holds and may
 * recommend actions; thresholds turn the score into HOT, WARM or COLD. {@link #parse} is the one
 * place that decides what a tenant may save, and names every field it refuses.
 */
public record RuleSetDefinition(int hotFrom, int warmFrom, List<Rule> rules) {

    public static final int MAX_RULES = 100;
    public static final int MAX_DEPTH = 4;
    public static final int MAX_CONDITIONS_PER_GROUP = 20;
    public static final int MAX_RECOMMENDATIONS = 5;
    public static final int MAX_POINTS = 1000;

    /** Used until a tenant saves its first rule set: no own rules, so plugin rules alone decide. */
    public static final RuleSetDefinition EMPTY = new RuleSetDefinition(60, 30, List.of());

    /** Members the server writes; accepted and ignored on input. */
    public static final List<String> READ_ONLY = List.of("version", "createdAt", "createdBy");

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public enum ActionKind { CALL, EMAIL, MEETING, PROPOSAL, DEMO, TASK, OTHER }

    public enum Priority { HIGH, MEDIUM, LOW }

    public record Recommendation(String text, ActionKind kind, Priority priority, Integer dueInDays) {
    }

    /** @param when null for a rule that always applies */
    public record Rule(String id, String name, int points, Condition when, List<Recommendation> recommend) {
    }

    public String rating(int score) {
        return score >= hotFrom ? "HOT" : score >= warmFrom ? "WARM" : "COLD";
    }

    // ---- reading

    /** Reads and validates a rule set; every problem found is added to {@code errors}. */
    public static RuleSetDefinition parse(JsonObject body, List<FieldError> errors) {
        JsonInput in = new JsonInput(body, "", errors);
        // What GET adds, so a client can send back what it read.
        in.allow(READ_ONLY.toArray(String[]::new));
        int hot = 60;
        int warm = 30;
        JsonInput t = in.object("thresholds");
        if (t == null) {
            if (!in.has("thresholds")) {
                in.error("thresholds", "is required");
            }
        } else {
            Integer h = t.integer("hot");
            Integer w = t.integer("warm");
            if (h == null && !t.has("hot")) {
                t.error("hot", "is required");
            }
            if (w == null && !t.has("warm")) {
                t.error("warm", "is required");
            }
            if (h != null && Math.abs(h) > MAX_POINTS * MAX_RULES) {
                t.error("hot", "is out of range");
            }
            if (h != null && w != null) {
                if (w >= h) {
                    t.error("warm", "must be lower than thresholds.hot");
                }
                hot = h;
                warm = w;
            }
            t.rejectUnknown();
        }
        List<Rule> rules = new ArrayList<>();
        JsonValue rv = in.value("rules");
        if (rv == null) {
            in.error("rules", "is required (an empty list is allowed)");
        } else if (!(rv instanceof JsonArray arr)) {
            in.error("rules", "must be a list");
        } else if (arr.size() > MAX_RULES) {
            in.error("rules", "must have at most " + MAX_RULES + " rules");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                String path = "rules[" + i + "]";
                if (!(arr.get(i) instanceof JsonObject o)) {
                    errors.add(new FieldError(path, "must be an object"));
                    continue;
                }
                Rule r = rule(new JsonInput(o, path, errors), ids);
                if (r != null) {
                    rules.add(r);
                }
            }
        }
        in.rejectUnknown();
        return new RuleSetDefinition(hot, warm, List.copyOf(rules));
    }

    private static Rule rule(JsonInput in, Set<String> ids) {
        String id = in.string("id");
        if (id == null) {
            if (!in.has("id")) {
                in.error("id", "is required");
            }
        } else if (!RULE_ID.matcher(id).matches()) {
            in.error("id", "must be lower-case letters, digits and '-' (at most 64)");
        } else if (!ids.add(id)) {
            in.error("id", "is used by another rule");
        }
        String name = in.string("name");
        if (name != null && name.length() > 200) {
            in.error("name", "must be at most 200 characters");
        }
        Integer points = in.integer("points");
        if (points == null && !in.has("points")) {
            in.error("points", "is required");
        } else if (points != null && Math.abs(points) > MAX_POINTS) {
            in.error("points", "must be between -" + MAX_POINTS + " and " + MAX_POINTS);
        }
        Condition when = null;
        JsonValue w = in.value("when");
        if (w != null) {
            when = condition(w, in.path("when"), 1, in.errors());
        }
        List<Recommendation> recs = new ArrayList<>();
        JsonValue rv = in.value("recommend");
        if (rv != null) {
            if (!(rv instanceof JsonArray arr)) {
                in.error("recommend", "must be a list");
            } else if (arr.size() > MAX_RECOMMENDATIONS) {
                in.error("recommend", "must have at most " + MAX_RECOMMENDATIONS + " actions");
            } else {
                for (int i = 0; i < arr.size(); i++) {
                    String path = in.path("recommend") + "[" + i + "]";
                    if (!(arr.get(i) instanceof JsonObject o)) {
                        in.errors().add(new FieldError(path, "must be an object"));
                        continue;
                    }
                    recs.add(recommendation(new JsonInput(o, path, in.errors())));
                }
            }
        }
        in.rejectUnknown();
        return id == null || points == null ? null
                : new Rule(id, name == null ? id : name, points, when, List.copyOf(recs));
    }

    private static Recommendation recommendation(JsonInput in) {
        String text = in.string("text");
        if (text == null && !in.has("text")) {
            in.error("text", "is required");
        } else if (text != null && text.length() > 500) {
            in.error("text", "must be at most 500 characters");
        }
        ActionKind kind = in.enumValue("kind", ActionKind.class);
        Priority priority = in.enumValue("priority", Priority.class);
        Integer due = in.integer("dueInDays");
        if (due != null && (due < 0 || due > 365)) {
            in.error("dueInDays", "must be between 0 and 365");
        }
        in.rejectUnknown();
        return new Recommendation(text, kind == null ? ActionKind.TASK : kind,
                priority == null ? Priority.MEDIUM : priority, due);
    }

    /** The one key of a condition object names its kind. */
    private static Condition condition(JsonValue given, String path, int depth, List<FieldError> errors) {
        if (!(given instanceof JsonObject o)) {
            errors.add(new FieldError(path, "must be an object with one condition"));
            return null;
        }
        if (o.size() != 1) {
            errors.add(new FieldError(path, "must have exactly one of all, any, budgetAtLeast, timeframeWithinMonths, "
                    + "sourceIn, present, equals, decisionMakerKnown, interactionsAtLeast, contactedWithinDays, "
                    + "noContactForDays"));
            return null;
        }
        String key = o.keySet().iterator().next();
        JsonValue v = o.get(key);
        String at = path + "." + key;
        switch (key) {
            case "all", "any" -> {
                if (depth >= MAX_DEPTH) {
                    errors.add(new FieldError(at, "nests too deep (at most " + MAX_DEPTH + " levels)"));
                    return null;
                }
                if (!(v instanceof JsonArray arr) || arr.isEmpty()) {
                    errors.add(new FieldError(at, "must be a non-empty list of conditions"));
                    return null;
                }
                if (arr.size() > MAX_CONDITIONS_PER_GROUP) {
                    errors.add(new FieldError(at, "must have at most " + MAX_CONDITIONS_PER_GROUP + " conditions"));
                    return null;
                }
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++) {
                    parts.add(condition(arr.get(i), at + "[" + i + "]", depth + 1, errors));
                }
                if (parts.contains(null)) {
                    return null;
                }
                return key.equals("all") ? new Condition.All(List.copyOf(parts)) : new Condition.Any(List.copyOf(parts));
            }
            case "budgetAtLeast" -> {
                List<Condition.Money> minimums = new ArrayList<>();
                List<JsonValue> items = v instanceof JsonArray arr ? arr : List.of(v);
                if (items.isEmpty() || items.size() > 10) {
                    errors.add(new FieldError(at, "must be an amount with currency, or a list of 1 to 10 of them"));
                    return null;
                }
                for (int i = 0; i < items.size(); i++) {
                    String p = v instanceof JsonArray ? at + "[" + i + "]" : at;
                    if (!(items.get(i) instanceof JsonObject m)) {
                        errors.add(new FieldError(p, "must be an object with amount and currency"));
                        continue;
                    }
                    JsonInput mi = new JsonInput(m, p, errors);
                    BigDecimal amount = mi.decimal("amount");
                    String currency = mi.string("currency");
                    if (amount == null) {
                        mi.error("amount", "is required");
                    } else if (amount.signum() < 0 || amount.precision() - amount.scale() > 17) {
                        mi.error("amount", "must be a positive amount below 10^17");
                    }
                    if (currency == null || !CURRENCY.matcher(currency).matches()) {
                        mi.error("currency", "must be an ISO 4217 code like EUR");
                    }
                    mi.rejectUnknown();
                    if (amount != null && currency != null) {
                        minimums.add(new Condition.Money(amount, currency));
                    }
                }
                return minimums.size() == items.size() ? new Condition.BudgetAtLeast(List.copyOf(minimums)) : null;
            }
            case "timeframeWithinMonths" -> {
                Integer n = count(v, at, 0, 120, errors);
                return n == null ? null : new Condition.TimeframeWithinMonths(n);
            }
            case "interactionsAtLeast" -> {
                Integer n = count(v, at, 0, 100_000, errors);
                return n == null ? null : new Condition.InteractionsAtLeast(n);
            }
            case "contactedWithinDays" -> {
                Integer n = count(v, at, 0, 3650, errors);
                return n == null ? null : new Condition.ContactedWithinDays(n);
            }
            case "noContactForDays" -> {
                Integer n = count(v, at, 0, 3650, errors);
                return n == null ? null : new Condition.NoContactForDays(n);
            }
            case "sourceIn" -> {
                if (!(v instanceof JsonArray arr) || arr.isEmpty()) {
                    errors.add(new FieldError(at, "must be a non-empty list of sources"));
                    return null;
                }
                Set<String> sources = new LinkedHashSet<>();
                boolean valid = true;
                for (int i = 0; i < arr.size(); i++) {
                    JsonValue s = arr.get(i);
                    String name = s instanceof jakarta.json.JsonString js ? js.getString().strip().toUpperCase(java.util.Locale.ROOT) : null;
                    if (name == null || java.util.Arrays.stream(Source.values()).noneMatch(x -> x.name().equals(name))) {
                        errors.add(new FieldError(at + "[" + i + "]", "must be one of "
                                + java.util.Arrays.stream(Source.values()).map(Enum::name).toList()));
                        valid = false;
                    } else {
                        sources.add(name);
                    }
                }
                return valid ? new Condition.SourceIn(Set.copyOf(sources)) : null;
            }
            case "present" -> {
                String field = v instanceof jakarta.json.JsonString js ? js.getString() : null;
                if (field == null || !LeadFacts.FIELDS.contains(field)) {
                    errors.add(new FieldError(at, "must name a lead field: " + LeadFacts.FIELDS.stream().sorted().toList()));
                    return null;
                }
                return new Condition.Present(field);
            }
            case "equals" -> {
                if (!(v instanceof JsonObject eo)) {
                    errors.add(new FieldError(at, "must be an object with field and value"));
                    return null;
                }
                JsonInput ei = new JsonInput(eo, at, errors);
                String field = ei.string("field");
                if (field == null || !LeadFacts.FIELDS.contains(field)) {
                    ei.error("field", "must name a lead field: " + LeadFacts.FIELDS.stream().sorted().toList());
                }
                JsonValue raw = ei.value("value");
                String value = null;
                if (raw instanceof jakarta.json.JsonString js) {
                    value = js.getString();
                } else if (raw instanceof jakarta.json.JsonNumber || raw == JsonValue.TRUE || raw == JsonValue.FALSE) {
                    value = raw.toString();
                }
                if (value == null || value.length() > 200) {
                    ei.error("value", "must be a text, number or boolean (at most 200 characters)");
                }
                ei.rejectUnknown();
                return field == null || value == null || !LeadFacts.FIELDS.contains(field) ? null
                        : new Condition.FieldEquals(field, value);
            }
            case "decisionMakerKnown" -> {
                if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                    errors.add(new FieldError(at, "must be true or false"));
                    return null;
                }
                return new Condition.DecisionMakerKnown(v == JsonValue.TRUE);
            }
            default -> {
                errors.add(new FieldError(at, "is not a known condition"));
                return null;
            }
        }
    }

    private static Integer count(JsonValue v, String at, int min, int max, List<FieldError> errors) {
        if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            try {
                int i = n.intValueExact();
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (ArithmeticException e) {
                // out of range, reported below
            }
        }
        errors.add(new FieldError(at, "must be a whole number between " + min + " and " + max));
        return null;
    }
}
