package org.leadline.server.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.tenancy.Role;

/** The lead's interactions. */
@Path("leads/{leadId}/interactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class InteractionResource extends LeadItemResource<Interaction> {

    @Inject
    InteractionKind kind;

    @Override
    protected LeadItemKind<Interaction, ?> kind() {
        return kind;
    }
}
