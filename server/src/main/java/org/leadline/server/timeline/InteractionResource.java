package org.leadline.server.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.api.timeline.InteractionView;
import org.leadline.server.platform.openapi.ResourceNames;

/** The lead's interactions. */
@Path("leads/{leadId}/interactions")
@Tag(name = "Interactions", description = "Calls, e-mails, meetings, letters and messages between employees and the lead")
@ResourceNames(item = "LeadInteraction", items = "LeadInteractions", itemText = "interaction", itemsText = "interactions",
        schema = InteractionView.class, page = InteractionView.Page.class)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class InteractionResource extends LeadItemResource<Interaction, InteractionView> {

    @Inject
    InteractionKind kind;

    @Override
    protected LeadItemKind<Interaction, InteractionView, ?> kind() {
        return kind;
    }
}
