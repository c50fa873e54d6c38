package org.leadline.server.capture.webform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@code Access-Control-Allow-Origin} to a public form's answers, problems included, once the
 * form has accepted the request's origin; other origins get no CORS header and their page cannot
 * read the answer.
 */
@Provider
public class PublicFormCors implements ContainerResponseFilter {

    static final String ALLOWED_ORIGIN = PublicFormCors.class.getName() + ".origin";

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext response) {
        Object origin = request.getAttribute(ALLOWED_ORIGIN);
        if (origin instanceof String o && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", o);
            response.getHeaders().add("Vary", "Origin");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Retry-After");
        }
    }
}
