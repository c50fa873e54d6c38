package org.leadline.server.platform.json;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.openapi.OptionalBody;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * Refuses a request without a body when the resource method reads one into a record and does
 * not declare it optional ({@link OptionalBody}). Without it such a request would reach the
 * method with a null record: JAX-RS reads no entity from an empty request without a Content-Type.
 */
@Provider
@Priority(Priorities.ENTITY_CODER) // after authentication and the role check: a 401 or 403 comes first
public class RequiredBody implements ContainerRequestFilter {

    private static final Map<Method, Boolean> REQUIRES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && !request.hasEntity() && REQUIRES.computeIfAbsent(method, RequiredBody::requiresRecord)) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is empty; send a JSON object");
        }
    }

    /**
     * True when the method's entity parameter (the one JAX-RS does not inject otherwise) is a record, a
     * replacement or a merge patch it needs.
     */
    static boolean requiresRecord(Method method) {
        if (method.isAnnotationPresent(OptionalBody.class)) {
            return false;
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            // a record, or a type variable of a generic resource that stands for one (erased to Record)
            boolean document = Record.class.isAssignableFrom(types[i]) || types[i] == Replacement.class
                    || types[i] == MergePatch.class;
            if (document && java.util.Arrays.stream(annotations[i])
                    .noneMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs"))) {
                return true;
            }
        }
        return false;
    }
}
