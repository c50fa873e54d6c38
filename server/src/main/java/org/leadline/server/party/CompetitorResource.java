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

/** The lead's competitors. */
@Path("leads/{leadId}/competitors")
@Tag(name = "Competitors", description = "Other vendors the lead is considering")
@ResourceNames(item = "LeadCompetitor", items = "LeadCompetitors", itemText = "competitor", itemsText = "competitors",
        schema = CompetitorView.class, page = CompetitorView.Page.class)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class CompetitorResource extends LeadItemResource<Competitor, CompetitorView> {

    @Inject
    CompetitorKind kind;

    @Override
    protected LeadItemKind<Competitor, CompetitorView, ?> kind() {
        return kind;
    }
}
