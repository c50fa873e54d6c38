package org.leadline.server.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/** The authenticated caller of the current HTTP request. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    public Caller get() {
        Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller instanceof Caller c) {
            return c;
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "Send a valid bearer token");
    }

    public boolean isPresent() {
        return request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller;
    }

    /** The caller's tenant; refuses callers that belong to none (platform administrators). */
    public String tenantId() {
        String tenantId = get().tenantId();
        if (tenantId == null) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "This endpoint works on a tenant's data; platform administrators belong to no tenant");
        }
        return tenantId;
    }

    public String userId() {
        return get().userId();
    }
}
