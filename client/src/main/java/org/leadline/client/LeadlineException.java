package org.leadline.client;

import java.util.List;

import org.leadline.api.problem.FieldError;
import org.leadline.api.problem.Problem;

/** The server refused a request: the HTTP status and its RFC 9457 problem, with every refused field. */
public class LeadlineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Problem problem;

    public LeadlineException(int status, Problem problem) {
        super(status + " " + (problem == null ? "" : problem.title() + (problem.detail() == null ? "" : ": "
                + problem.detail())));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The problem the server answered with; null when the answer had none. */
    public Problem problem() {
        return problem;
    }

    /** The problem's type, e.g. {@code /problems/validation}. */
    public String type() {
        return problem == null ? null : problem.type();
    }

    /** Each refused field or parameter with the reason. */
    public List<FieldError> errors() {
        return problem == null || problem.errors() == null ? List.of() : problem.errors();
    }
}
