package org.leadline.server.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * The authenticated caller of the current HTTP request; or, for a unit of work outside any HTTP
 * request (a scheduled job that activated its own request context), the caller the job
 * {@link #bindForJob bound} for that context.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    private Caller bound;

    /**
     * Makes {@code caller} the caller of the current request context, which must be one a job
     * activated outside any HTTP request (e.g. with {@code @ActivateRequestContext}): the context
     * ends with the job's unit of work, and the binding with it. Binds once: a second call, or a
     * call for a caller of no tenant, is refused.
     */
    public void bindForJob(Caller caller) {
        if (caller == null || caller.tenantId() == null) {
            throw new IllegalArgumentException("A job acts for a user of one tenant");
        }
        if (bound != null) {
            throw new IllegalStateException("This unit of work already acts for a caller");
        }
        boolean signedInRequest;
        try {
            signedInRequest = request.getAttribute(Caller.REQUEST_ATTRIBUTE) != null;
        } catch (RuntimeException noHttpRequest) {
            signedInRequest = false;
        }
        if (signedInRequest) {
            throw new IllegalStateException("An HTTP request acts for its own caller");
        }
        bound = caller;
    }

    public Caller get() {
        if (bound != null) {
            return bound;
        }
        Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller instanceof Caller c) {
            return c;
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "Send a valid bearer token");
    }

    public boolean isPresent() {
        return bound != null || request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller;
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
