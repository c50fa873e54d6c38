package org.leadline.server.platform.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Refuses query parameters the operation does not take, with a 400 problem naming each: a
 * misspelt filter ({@code /opportunities?leadId=…}) must not quietly answer with everything.
 */
@Provider
@Priority(Priorities.USER - 100)
public class UnknownQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> KNOWN = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Set<String> sent = request.getUriInfo().getQueryParameters(false).keySet();
        if (sent.isEmpty() || resource.getResourceMethod() == null) {
            return;
        }
        // A NUL or half a surrogate pair (%00, %ED%A0%80) is no value any filter means, and PostgreSQL
        // refuses it in a query's text parameter: the request is refused before a query sees it.
        for (Map.Entry<String, List<String>> e : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (!JsonInput.isStorableText(e.getKey())
                    || e.getValue().stream().anyMatch(v -> v != null && !JsonInput.isStorableText(v))) {
                String name = JsonInput.isStorableText(e.getKey()) ? e.getKey() : "(query)";
                throw ProblemException.parameter(name, "must be valid Unicode text without NUL characters");
            }
        }
        Set<String> known = KNOWN.computeIfAbsent(resource.getResourceMethod(), UnknownQueryParameters::queryParameters);
        Set<String> unknown = new TreeSet<>();
        for (String name : sent) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String accepted = known.isEmpty() ? "this operation takes no query parameters"
                    : "this operation takes " + String.join(", ", new TreeSet<>(known));
            List<FieldError> errors = unknown.stream().map(n -> new FieldError(n, "is not a known query parameter; "
                    + accepted)).toList();
            throw new ProblemException(ProblemType.BAD_PARAMETER, errors.size() == 1 ? errors.get(0).field() + ": "
                    + errors.get(0).reason() : errors.size() + " query parameters are not known; " + accepted, errors);
        }
    }

    static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            }
        }
        return Set.copyOf(names);
    }
}
