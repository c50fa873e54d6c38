package org.leadline.server.platform.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.BeanValidation;
import org.leadline.server.platform.problem.ProblemException;

/**
 * Reads a JSON request body into the record a resource method declares, so the record that
 * makes the OpenAPI schema of the body is the one that reads it.
 *
 * <p>The JSON is read as {@link JsonBodyReader} reads it (size limit, duplicate keys refused, the
 * top level an object, a problem for malformed JSON). It is then bound with {@link RecordInput}
 * and the record is checked against its Bean Validation constraints; every error of the body, a
 * wrong type, an unknown member, a read-only member sent with a value, a violated constraint, is
 * listed in one 400 problem under the member's path, with the errors of a record's {@link CrossFieldRules}.
 * A member that has a type error is not also reported as missing.
 *
 * <p>Constraints declared without a message get the API's wording ("is required", "must be at
 * most 200 characters"), in every locale; a constraint with its own message keeps it.
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json", "text/json"})
public class RecordBodyReader implements MessageBodyReader<Record> {

    static final String READ_ONLY = "is set by the server and cannot be written";

    private final int maxBytes;
    private final Validator validator;

    public RecordBodyReader() {
        this(Settings.maxBodyBytes(), null);
    }

    /** A reader with its own limit and validator ({@code null}: the default validator). */
    public RecordBodyReader(int maxBytes, Validator validator) {
        this.maxBytes = maxBytes;
        this.validator = validator;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return bind(JsonBodyReader.read(entityStream, maxBytes), type, validator());
    }

    private Validator validator() {
        return validator != null ? validator : DefaultValidator.INSTANCE;
    }

    /**
     * Binds {@code body} to {@code type} and validates it.
     *
     * @throws ProblemException a validation problem listing every error of the body
     */
    public static <R extends Record> R bind(JsonObject body, Class<R> type) {
        return bind(body, type, DefaultValidator.INSTANCE);
    }

    static <R extends Record> R bind(JsonObject body, Class<R> type, Validator validator) {
        List<FieldError> errors = new ArrayList<>();
        R record = bind(body, type, validator, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return record;
    }

    /**
     * Binds {@code body} to {@code type} and validates it, adding every error to {@code errors}
     * (sorted by path) instead of throwing; members with errors are bound as null.
     */
    public static <R extends Record> R bind(JsonObject body, Class<R> type, Validator validator,
                                            List<FieldError> errors) {
        return bind(body, type, validator, errors, JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * Binds as {@link #bind(JsonObject, Class, Validator, List)} does, but a read-only member sent with
     * the value it has in {@code current} (the resource as the API answers it) is no error: a client may
     * send back what it read.
     */
    private static <R extends Record> R bind(JsonObject body, Class<R> type, Validator validator,
                                             List<FieldError> errors, JsonObject current) {
        List<FieldError> found = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", found);
        R record = RecordInput.read(in, type, (path, sent) -> {
            if (sent != JsonValue.NULL && !sent.equals(valueAt(current, path))) {
                found.add(new FieldError(path, READ_ONLY));
            }
        });
        List<String> unreadable = found.stream().map(FieldError::field).toList();
        List<FieldError> violations = new ArrayList<>();
        for (ConstraintViolation<R> v : validator.validate(record)) {
            String path = sentPath(body, BeanValidation.path(v));
            // a member that could not be read is null now: its type error says enough
            if (unreadable.stream().noneMatch(u -> path.equals(u) || path.startsWith(u + ".")
                    || path.startsWith(u + "["))) {
                violations.add(new FieldError(path, message(v)));
            }
        }
        found.addAll(violations);
        if (record instanceof CrossFieldRules rules) {
            rules.check(found);
        }
        // two constraints may say the same of one member (a length and a pattern, say): once is enough
        found.stream().distinct().sorted(Comparator.comparing(FieldError::field)).forEach(errors::add);
        return record;
    }

    /**
     * Applies the JSON merge patch (RFC 7396) {@code patch} to {@code current} as JSON and binds the
     * result to the record type again, so the record defines what a patch may carry. Only errors of
     * members the patch sends are reported: a stored value that today's rules refuse does not block a
     * change of another member.
     *
     * @throws ProblemException a validation problem listing every error of the patched members
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R patch(R current, JsonObject patch) {
        JsonObject stored = RecordJson.toJson(current);
        JsonObject merged = Json.createMergePatch(patch).apply(stored).asJsonObject();
        List<FieldError> errors = new ArrayList<>();
        R record = bind(merged, (Class<R>) current.getClass(), DefaultValidator.INSTANCE, errors, stored);
        List<FieldError> sent = errors.stream().filter(e -> patch.containsKey(member(e.field()))).toList();
        if (!sent.isEmpty()) {
            throw ProblemException.validation(sent);
        }
        return record;
    }

    /**
     * Binds {@code body}, a whole new state of {@code current} (a PUT), to the record type of
     * {@code current} and validates it. Read-only members may be sent back with the values they have in
     * {@code current}; any other value is refused.
     *
     * @throws ProblemException a validation problem listing every error of the body
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R replace(R current, JsonObject body) {
        return replace((Class<R>) current.getClass(), RecordJson.toJson(current), body);
    }

    /**
     * As {@link #replace(Record, JsonObject)}, with the current state as JSON: a resource whose read-only
     * members change without a new version (counters, say) may leave them out or take the sent ones.
     */
    public static <R extends Record> R replace(Class<R> type, JsonObject current, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        R record = bind(body, type, DefaultValidator.INSTANCE, errors, current);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return record;
    }

    /**
     * The path of a violation as the client sent the member: the first item of a list member that was
     * sent as one item alone ({@link OneOrMany}) is the member itself ({@code when.budgetAtLeast.currency},
     * not {@code when.budgetAtLeast[0].currency}).
     */
    static String sentPath(JsonObject body, String path) {
        if (!path.contains("[0]")) {
            return path;
        }
        StringBuilder sent = new StringBuilder();
        int from = 0;
        while (from < path.length()) {
            int at = path.indexOf("[0]", from);
            if (at < 0) {
                sent.append(path, from, path.length());
                break;
            }
            sent.append(path, from, at);
            if (!(valueAt(body, sent.toString()) instanceof JsonObject)) {
                sent.append("[0]");
            }
            from = at + 3;
        }
        return sent.toString();
    }

    /** The value at a path of the body ({@code content.attachments[2].name}) in {@code root}, or null. */
    static JsonValue valueAt(JsonObject root, String path) {
        JsonValue at = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            if (!(at instanceof JsonObject o) || !o.containsKey(name)) {
                return null;
            }
            at = o.get(name);
            while (bracket >= 0) {
                int end = step.indexOf(']', bracket);
                int index = Integer.parseInt(step.substring(bracket + 1, end));
                if (!(at instanceof jakarta.json.JsonArray a) || index >= a.size()) {
                    return null;
                }
                at = a.get(index);
                bracket = step.indexOf('[', end);
            }
        }
        return at;
    }

    /** The top-level member of a path: {@code value} of {@code value.amount} or {@code steps[2].name}. */
    private static String member(String path) {
        int end = path.length();
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (dot >= 0) {
            end = dot;
        }
        if (bracket >= 0 && bracket < end) {
            end = bracket;
        }
        return path.substring(0, end);
    }

    /** The API's wording for a constraint declared without a message of its own. */
    static String message(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template == null || !template.startsWith("{jakarta.validation.constraints.")) {
            return v.getMessage();
        }
        Annotation a = v.getConstraintDescriptor().getAnnotation();
        Object value = v.getInvalidValue();
        boolean text = value instanceof CharSequence;
        String unit = text ? " characters" : value instanceof Collection<?> || value instanceof Map<?, ?>
                ? " items" : "";
        if (a instanceof jakarta.validation.constraints.NotNull || a instanceof jakarta.validation.constraints.NotBlank
                || a instanceof jakarta.validation.constraints.NotEmpty) {
            return "is required";
        }
        if (a instanceof Size s) {
            if (s.min() > 0 && s.max() < Integer.MAX_VALUE) {
                return s.min() == s.max() ? "must have exactly " + s.min() + unit
                        : "must have " + s.min() + " to " + s.max() + unit;
            }
            return s.max() < Integer.MAX_VALUE ? "must be at most " + s.max() + unit
                    : "must have at least " + s.min() + unit;
        }
        if (a instanceof Min m) {
            return "must be at least " + m.value();
        }
        if (a instanceof Max m) {
            return "must be at most " + m.value();
        }
        if (a instanceof DecimalMin m) {
            return m.inclusive() ? "must be at least " + m.value() : "must be more than " + m.value();
        }
        if (a instanceof DecimalMax m) {
            return m.inclusive() ? "must be at most " + m.value() : "must be less than " + m.value();
        }
        if (a instanceof jakarta.validation.constraints.PositiveOrZero) {
            return "must not be negative";
        }
        if (a instanceof jakarta.validation.constraints.Positive) {
            return "must be more than 0";
        }
        if (a instanceof Email) {
            return "must be a valid e-mail address";
        }
        if (a instanceof jakarta.validation.constraints.Future) {
            return "must be in the future";
        }
        if (a instanceof jakarta.validation.constraints.Pattern p) {
            return "must match " + p.regexp();
        }
        return v.getMessage();
    }

    /**
     * The validator of the server's Bean Validation provider, made when first needed. Bodies are
     * records, not entities: the validator does not ask JPA whether each property is loaded (the
     * default resolver's question goes to EclipseLink's provider, which answers it under a lock
     * shared by every request).
     */
    private static final class DefaultValidator {
        static final Validator INSTANCE = Validation.buildDefaultValidatorFactory().usingContext()
                .traversableResolver(new AllReachable()).getValidator();
    }

    /** Every property reachable and cascadable, as for any plain object. */
    static final class AllReachable implements jakarta.validation.TraversableResolver {
        @Override
        public boolean isReachable(Object bean, jakarta.validation.Path.Node property, Class<?> rootType,
                                   jakarta.validation.Path path, java.lang.annotation.ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, jakarta.validation.Path.Node property, Class<?> rootType,
                                    jakarta.validation.Path path, java.lang.annotation.ElementType type) {
            return true;
        }
    }
}
