package org.leadline.server.plugins;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.plugins.outbox.DeliveriesView;
import org.leadline.server.plugins.outbox.OutboxDispatcher;
import org.leadline.server.plugins.outbox.OutboxStore;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * The tenant administrator's view of the extensions the installation offers: which are enabled for
 * the tenant, quarantined, and with which settings. Secret settings are accepted, never returned.
 */
@Path("extensions")
@Tag(name = "Extensions", description = "The tenant administrator's view of the extensions the installation's "
        + "plugins offer: which are enabled for the tenant, quarantined, and with which settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class ExtensionResource {

    @Inject
    ExtensionChoices choices;

    @Inject
    OutboxStore outbox;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listExtensions", summary = "List extensions",
            description = "Every extension of the started plugins, with whether it is enabled for the tenant, its "
                    + "settings (secret values never shown) and any quarantine.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginView.Choices.class)))
    public PluginView.Choices list() {
        return choices.list();
    }

    @GET
    @Path("{pluginId}/{extensionId}")
    @Operation(operationId = "getExtension", summary = "Read an extension",
            description = "The extension as the tenant has set it up.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginView.Choice.class)))
    public Response read(@Parameter(description = "The plugin's id") @PathParam("pluginId") String pluginId,
                         @Parameter(description = "The extension's id") @PathParam("extensionId") String extensionId) {
        return tagged(choices.read(pluginId, extensionId));
    }

    /** Replaces the settings; secrets left out keep their stored value, {@code null} clears a value. */
    @PUT
    @Path("{pluginId}/{extensionId}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "configureExtension", summary = "Set an extension's settings",
            description = "Replaces the tenant's values of the extension's settings: an object of setting names and "
                    + "values, each checked against the setting's type. Secrets left out keep their stored value; "
                    + "null clears a value. An unknown name, a wrong type or a missing required setting is a 400 "
                    + "naming settings.<name>.")
    @RequestBody(description = "Setting values by name", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The extension with its new settings",
            content = @Content(schema = @Schema(implementation = PluginView.Choice.class)))
    public Response configure(@Parameter(description = "The plugin's id") @PathParam("pluginId") String pluginId,
                              @Parameter(description = "The extension's id") @PathParam("extensionId") String extensionId,
                              @Parameter(description = "Optional: the ETag of the choice this change is based on")
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              JsonObject body) {
        return tagged(choices.configure(pluginId, extensionId, body, Preconditions.optionalVersion(ifMatch)));
    }

    @POST
    @Path("{pluginId}/{extensionId}/enable")
    @Operation(operationId = "enableExtension", summary = "Enable an extension",
            description = "Enables the extension for the tenant and lifts a quarantine. Every required setting "
                    + "without a default must have a value first, else 400 naming settings.<name>.")
    @APIResponse(responseCode = "200", description = "The extension, enabled",
            content = @Content(schema = @Schema(implementation = PluginView.Choice.class)))
    @APIResponse(responseCode = "400", description = "A required setting has no value", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response enable(@Parameter(description = "The plugin's id") @PathParam("pluginId") String pluginId,
                           @Parameter(description = "The extension's id") @PathParam("extensionId") String extensionId,
                           @Parameter(description = "Optional: the ETag of the choice this change is based on")
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(choices.enable(pluginId, extensionId, true, Preconditions.optionalVersion(ifMatch)));
    }

    @POST
    @Path("{pluginId}/{extensionId}/disable")
    @Operation(operationId = "disableExtension", summary = "Disable an extension",
            description = "The extension stops working for the tenant; its settings are kept.")
    @APIResponse(responseCode = "200", description = "The extension, disabled",
            content = @Content(schema = @Schema(implementation = PluginView.Choice.class)))
    public Response disable(@Parameter(description = "The plugin's id") @PathParam("pluginId") String pluginId,
                            @Parameter(description = "The extension's id") @PathParam("extensionId") String extensionId,
                            @Parameter(description = "Optional: the ETag of the choice this change is based on")
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(choices.enable(pluginId, extensionId, false, Preconditions.optionalVersion(ifMatch)));
    }

    @GET
    @Path("{pluginId}/{extensionId}/deliveries")
    @Operation(operationId = "listExtensionDeliveries", summary = "What waits to be delivered to an extension",
            description = "Lead events (lifecycle listeners) and qualifications (conversion handlers) are delivered "
                    + "after their change committed, through an outbox: at least once, in order per lead, retried "
                    + "with a growing wait. This shows how many entries of the tenant wait or failed for good, and "
                    + "the oldest of them with the reason of their last failure.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveriesView.class)))
    public DeliveriesView deliveries(@Parameter(description = "The plugin's id") @PathParam("pluginId") String pluginId,
                                     @Parameter(description = "The extension's id") @PathParam("extensionId") String extensionId) {
        choices.read(pluginId, extensionId);
        return DeliveriesView.of(outbox.waiting(caller.tenantId(), pluginId, extensionId, 100));
    }

    @POST
    @Path("{pluginId}/{extensionId}/deliveries/retry")
    @Operation(operationId = "retryExtensionDeliveries", summary = "Retry failed deliveries",
            description = "Puts the tenant's entries for the extension whose every attempt failed back in line, to be "
                    + "tried at once and then with a growing wait again.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveriesView.Retried.class)))
    public DeliveriesView.Retried retryDeliveries(
            @Parameter(description = "The plugin's id") @PathParam("pluginId") String pluginId,
            @Parameter(description = "The extension's id") @PathParam("extensionId") String extensionId) {
        choices.read(pluginId, extensionId);
        int retried = outbox.retryFailed(caller.tenantId(), pluginId, extensionId, Timestamps.now());
        if (retried > 0) {
            dispatcher.wake();
        }
        return new DeliveriesView.Retried(retried);
    }

    private static Response tagged(PluginView.Choice choice) {
        return Response.ok(choice).tag(Preconditions.etag(choice.version())).build();
    }
}
