package org.leadline.server.plugins;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.leadline.server.platform.json.Json;
import org.leadline.server.tenancy.Role;

/**
 * The tenant administrator's view of the extensions the installation offers: which are enabled for
 * the tenant, quarantined, and with which settings. Secret settings are accepted, never returned.
 */
@Path("extensions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class ExtensionResource {

    @Inject
    ExtensionChoices choices;

    @GET
    public JsonObject list() {
        return Json.createObjectBuilder().add("items", Json.createArrayBuilder(choices.list())).build();
    }

    @GET
    @Path("{pluginId}/{extensionId}")
    public JsonObject read(@PathParam("pluginId") String pluginId, @PathParam("extensionId") String extensionId) {
        return choices.read(pluginId, extensionId);
    }

    /** Replaces the settings; secrets left out keep their stored value, {@code null} clears a value. */
    @PUT
    @Path("{pluginId}/{extensionId}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject configure(@PathParam("pluginId") String pluginId, @PathParam("extensionId") String extensionId,
                                JsonObject body) {
        return choices.configure(pluginId, extensionId, body);
    }

    @POST
    @Path("{pluginId}/{extensionId}/enable")
    public JsonObject enable(@PathParam("pluginId") String pluginId, @PathParam("extensionId") String extensionId) {
        return choices.enable(pluginId, extensionId, true);
    }

    @POST
    @Path("{pluginId}/{extensionId}/disable")
    public JsonObject disable(@PathParam("pluginId") String pluginId, @PathParam("extensionId") String extensionId) {
        return choices.enable(pluginId, extensionId, false);
    }
}
