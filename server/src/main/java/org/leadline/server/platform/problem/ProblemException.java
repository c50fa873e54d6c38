package org.leadline.server.platform.problem;

import java.util.List;
import java.util.Map;

import org.leadline.api.problem.FieldError;

/**
 * A refusal the API reports as an RFC 9457 problem. Services throw it; one mapper turns it into
 * the response, so every endpoint answers errors the same way.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final List<FieldError> errors;
    private final transient Map<String, Object> extensions;
    private final transient Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Map.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors,
                            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are not valid";
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }

    public static ProblemException field(String field, String reason) {
        return validation(List.of(new FieldError(field, reason)));
    }

    public static ProblemException parameter(String name, String reason) {
        return new ProblemException(ProblemType.BAD_PARAMETER, name + ": " + reason,
                List.of(new FieldError(name, reason)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist");
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
