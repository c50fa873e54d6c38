package org.leadline.server.capture;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.plugins.PluginHost;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.Role;

/**
 * The tenant's mailboxes (lead sources polling e.g. an IMAP folder) and what their last poll did;
 * {@code POST .../poll} polls them at once. Tenant administrators only; each sees only its own tenant.
 */
@Path("intake/mailbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class MailboxResource {

    @Inject
    CurrentCaller caller;

    @Inject
    PluginHost plugins;

    @Inject
    MailboxPolling polling;

    @GET
    public JsonObject status() {
        String tenantId = caller.tenantId();
        return json(tenantId, plugins.mailboxes(tenantId));
    }

    @POST
    @Path("poll")
    public JsonObject pollNow() {
        String tenantId = caller.tenantId();
        List<PluginHost.Mailbox> polled = polling.pollNow(tenantId);
        if (polled.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "No mailbox is configured: enable a lead source that"
                    + " reads a mailbox (e.g. source-email/email) and set its mailbox settings (imapHost) under /api/v1/extensions");
        }
        return json(tenantId, polled);
    }

    private JsonObject json(String tenantId, List<PluginHost.Mailbox> mailboxes) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (PluginHost.Mailbox m : mailboxes) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("plugin", m.pluginId()).add("extension", m.extensionId())
                    .add("pollIntervalSeconds", m.interval().toSeconds());
            polling.status(tenantId, m).ifPresentOrElse(s -> {
                JsonObjectBuilder outcomes = Json.createObjectBuilder();
                for (IntakeOutcome.Kind k : IntakeOutcome.Kind.values()) {
                    outcomes.add(k.name(), s.outcomes().getOrDefault(k, 0));
                }
                JsonObjectBuilder last = Json.createObjectBuilder().add("at", s.at().toString()).add("fetched", s.fetched())
                        .add("outcomes", outcomes).add("overLimit", s.overLimit()).add("failed", s.failed())
                        .add("moved", s.acknowledged());
                if (s.error() != null) {
                    last.add("error", s.error());
                }
                b.add("lastPoll", last);
                if (s.lastError() != null) {
                    b.add("lastError", Json.createObjectBuilder().add("at", s.lastErrorAt().toString()).add("error", s.lastError()));
                }
                if (!m.interval().isZero()) {
                    b.add("nextPollAfter", s.at().plus(m.interval()).toString());
                }
            }, () -> b.addNull("lastPoll"));
            list.add(b);
        }
        return Json.createObjectBuilder().add("mailboxes", list).build();
    }
}
