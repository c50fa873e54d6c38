package org.leadline.server.platform.problem;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.leadline.api.problem.FieldError;

/**
 * The one place where failures become HTTP responses: every error the API sends is an RFC 9457
 * problem. Unexpected failures are logged with an incident id that the response repeats, and
 * reveal nothing else.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String instance = uriInfo != null ? uriInfo.getRequestUri().getRawPath() : null;
        ProblemException problem = find(failure, ProblemException.class);
        if (problem != null) {
            return Problems.response(problem, instance);
        }
        if (failure instanceof WebApplicationException wae) {
            return fromWebApplicationException(wae, instance);
        }
        ConstraintViolationException violations = find(failure, ConstraintViolationException.class);
        if (violations != null) {
            List<FieldError> errors = violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(BeanValidation.path(v), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field))
                    .toList();
            return Problems.response(ProblemException.validation(errors), instance);
        }
        if (find(failure, OptimisticLockException.class) != null) {
            return Problems.response(ProblemType.PRECONDITION_FAILED,
                    "Someone else changed this resource at the same time; read it again and retry", instance);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null && LOCK_WAITS.contains(sql.getSQLState())) {
            LOG.log(Level.INFO, "lock wait ended at " + instance + ": " + sql.getMessage());
            return Problems.response(ProblemType.BUSY, "Another change of the same data took too long to finish, so "
                    + "nothing was changed; send the request again", instance, List.of(), Map.of(),
                    Map.of("Retry-After", "2"));
        }
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            LOG.log(Level.FINE, "constraint violation", failure);
            return Problems.response(ProblemType.CONFLICT,
                    "The change conflicts with existing data (a unique value is taken or a reference is missing)",
                    instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident + " at " + instance, failure);
        return Problems.response(ProblemType.INTERNAL, "Unexpected failure; incident " + incident,
                instance, List.of(), Map.of("incident", incident), Map.of());
    }

    /**
     * Statements that gave up waiting for another transaction's locks, or were chosen to break a
     * deadlock: Derby's lock timeout and deadlock, PostgreSQL's lock timeout, deadlock and
     * serialization failure. The transaction was rolled back; the request may simply be sent again.
     */
    static final java.util.Set<String> LOCK_WAITS = java.util.Set.of("40XL1", "40XL2", "40001", "55P03", "40P01");

    private static Response fromWebApplicationException(WebApplicationException wae, String instance) {
        int status = wae.getResponse().getStatus();
        ProblemType type;
        String detail;
        if (wae instanceof NotFoundException) {
            type = ProblemType.NOT_FOUND;
            detail = "No resource at " + instance;
        } else if (wae instanceof NotAllowedException) {
            type = ProblemType.METHOD_NOT_ALLOWED;
            detail = "Allowed: " + String.join(", ", wae.getResponse().getAllowedMethods());
            return Problems.response(type, detail, instance, List.of(), Map.of(),
                    Map.of("Allow", String.join(", ", wae.getResponse().getAllowedMethods())));
        } else if (wae instanceof NotSupportedException) {
            type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
            detail = "Send application/json";
        } else if (wae instanceof NotAcceptableException) {
            type = ProblemType.NOT_ACCEPTABLE;
            detail = "This resource answers application/json";
        } else if (status == 401) {
            type = ProblemType.UNAUTHENTICATED;
            detail = "Send a valid bearer token";
        } else if (status == 403) {
            type = ProblemType.FORBIDDEN;
            detail = "Your role does not allow this";
        } else if (status == 413) {
            type = ProblemType.BODY_TOO_LARGE;
            detail = wae.getMessage();
        } else if (status >= 400 && status < 500) {
            type = ProblemType.BAD_PARAMETER;
            detail = wae.getMessage();
            return Response.fromResponse(Problems.response(type, detail, instance)).status(status).build();
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, wae);
            return Problems.response(ProblemType.INTERNAL, "Unexpected failure; incident " + incident, instance);
        }
        return Problems.response(type, detail, instance);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof SQLException sql && type == SQLException.class) {
                return type.cast(sql);
            }
        }
        return null;
    }
}
