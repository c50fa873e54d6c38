package org.leadline.server.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.problem.Problems;

/**
 * Refuses a declared body over the limit before any of it is read. Bodies without a length
 * (chunked) are cut off by the readers themselves.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    private final int maxBytes = Settings.maxBodyBytes();

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        // Plugin archives, inbound material (e-mails, files) and CSV imports are far larger than API
        // bodies; their endpoints enforce their own limits.
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (length > maxBytes && !path.startsWith("/api/v1/admin/plugins") && !path.startsWith("/api/v1/intake")
                && !path.startsWith("/api/v1/imports")) {
            request.abortWith(Problems.response(ProblemType.BODY_TOO_LARGE,
                    "The request body of " + length + " bytes exceeds the limit of " + maxBytes + " bytes",
                    request.getUriInfo().getRequestUri().getRawPath()));
        }
    }
}
