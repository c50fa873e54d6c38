package org.leadline.server.capture;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.plugins.LeadSources;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * The tenant's mailboxes (lead sources polling e.g. an IMAP folder) and what their last poll did;
 * {@code POST .../poll} polls them at once. Tenant administrators only; each sees only its own tenant.
 */
@Path("intake/mailbox")
@Tag(name = "E-mail intake")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class MailboxResource {

    @Inject
    CurrentCaller caller;

    @Inject
    LeadSources plugins;

    @Inject
    MailboxPolling polling;

    @GET
    @Operation(operationId = "listMailboxes", summary = "List the tenant's mailboxes and their last polls",
            description = "The enabled lead sources that poll a mailbox, how often, and what their last poll did.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailboxView.Mailboxes.class)))
    public MailboxView.Mailboxes status() {
        String tenantId = caller.tenantId();
        return json(tenantId, plugins.mailboxes(tenantId));
    }

    @POST
    @Path("poll")
    @Operation(operationId = "pollMailboxes", summary = "Poll the tenant's mailboxes now",
            description = "Polls every mailbox of the tenant at once and answers with what each poll did.")
    @APIResponse(responseCode = "200", description = "The mailboxes after the poll",
            content = @Content(schema = @Schema(implementation = MailboxView.Mailboxes.class)))
    @APIResponse(responseCode = "409", description = "No mailbox is configured",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public MailboxView.Mailboxes pollNow() {
        String tenantId = caller.tenantId();
        List<LeadSources.Mailbox> polled = polling.pollNow(tenantId);
        if (polled.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "No mailbox is configured: enable a lead source that"
                    + " reads a mailbox (e.g. source-email/email) and set its mailbox settings (imapHost) under /api/v1/extensions");
        }
        return json(tenantId, polled);
    }

    private MailboxView.Mailboxes json(String tenantId, List<LeadSources.Mailbox> mailboxes) {
        return new MailboxView.Mailboxes(mailboxes.stream()
                .map(m -> MailboxView.of(m, polling.status(tenantId, m).orElse(null))).toList());
    }
}
