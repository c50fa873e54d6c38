package org.leadline.server.party;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.openapi.ResourceNames;
import org.leadline.server.timeline.LeadItemKind;
import org.leadline.server.timeline.LeadItemResource;

/** The lead's stakeholders. */
@Path("leads/{leadId}/stakeholders")
@Tag(name = "Stakeholders", description = "The people at the lead's company who take part in the buying decision")
@ResourceNames(item = "LeadStakeholder", items = "LeadStakeholders", itemText = "stakeholder", itemsText = "stakeholders",
        schema = StakeholderView.class, page = StakeholderView.Page.class)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class StakeholderResource extends LeadItemResource<Stakeholder, StakeholderView> {

    @Inject
    StakeholderKind kind;

    @Override
    protected LeadItemKind<Stakeholder, StakeholderView, ?> kind() {
        return kind;
    }
}
