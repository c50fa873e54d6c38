package org.leadline.server.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.openapi.ResourceNames;

/** The lead's social posts. */
@Path("leads/{leadId}/social-posts")
@Tag(name = "Social posts", description = "Social-network posts by the lead or by employees, documented on the lead")
@ResourceNames(item = "LeadSocialPost", items = "LeadSocialPosts", itemText = "social post", itemsText = "social posts",
        schema = SocialPostView.class, page = SocialPostView.Page.class)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class SocialPostResource extends LeadItemResource<SocialPost, SocialPostView> {

    @Inject
    SocialPostKind kind;

    @Override
    protected LeadItemKind<SocialPost, SocialPostView, ?> kind() {
        return kind;
    }
}
