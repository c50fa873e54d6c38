package org.leadline.server.tenancy;

import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.problem.Problems;

/**
 * Authorises each request by the roles its resource method declares with {@link RolesAllowed}.
 * A resource method without {@code @RolesAllowed} or {@code @PermitAll} is refused: access is
 * denied unless granted.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resourceInfo.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null && resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Object attribute = servletRequest.getAttribute(Caller.REQUEST_ATTRIBUTE);
        String instance = request.getUriInfo().getRequestUri().getRawPath();
        if (!(attribute instanceof Caller caller)) {
            request.abortWith(Problems.response(ProblemType.UNAUTHENTICATED, "Send a valid bearer token", instance));
            return;
        }
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(r -> caller.has(Role.valueOf(r)))) {
            request.abortWith(Problems.response(ProblemType.FORBIDDEN,
                    "This needs one of the roles " + (allowed == null ? "[]" : Arrays.toString(allowed.value())),
                    instance));
        }
    }
}
