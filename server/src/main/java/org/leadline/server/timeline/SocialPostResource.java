package org.leadline.server.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.tenancy.Role;

/** The lead's social posts. */
@Path("leads/{leadId}/social-posts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class SocialPostResource extends LeadItemResource<SocialPost> {

    @Inject
    SocialPostKind kind;

    @Override
    protected LeadItemKind<SocialPost, ?> kind() {
        return kind;
    }
}
