package org.leadline.server.conversion;


import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.leadline.server.platform.web.Preconditions;

/** What the contact, account and opportunity resources share: conditional reads. */
final class CustomerResources {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private CustomerResources() {
    }

    static Response read(Request request, long version, Object body) {
        EntityTag etag = Preconditions.etag(version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return notModified != null ? notModified.build() : Response.ok(body).tag(etag).build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
