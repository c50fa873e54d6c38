package org.leadline.server.party;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.tenancy.Role;
import org.leadline.server.timeline.LeadItemKind;
import org.leadline.server.timeline.LeadItemResource;

/** The lead's stakeholders. */
@Path("leads/{leadId}/stakeholders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class StakeholderResource extends LeadItemResource<Stakeholder> {

    @Inject
    StakeholderKind kind;

    @Override
    protected LeadItemKind<Stakeholder, ?> kind() {
        return kind;
    }
}
