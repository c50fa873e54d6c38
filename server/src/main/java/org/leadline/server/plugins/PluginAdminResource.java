package org.leadline.server.plugins;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.plugin.api.PluginApi;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.Role;

/**
 * The platform administrator's view of the installation's plugins: what is loaded, in which state,
 * with which extensions, what was refused and why; and the runtime changes (install or upgrade by
 * upload, start, stop, reload, unload), which survive a restart.
 */
@Path("admin/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class PluginAdminResource {

    static final String JAR = "application/java-archive";
    static final String ZIP = "application/zip";

    @Inject
    PluginHost host;

    @GET
    public JsonObject list() {
        return host.read(r -> {
            JsonArrayBuilder items = Json.createArrayBuilder();
            r.plugins().values().forEach(p -> items.add(plugin(p)));
            JsonArrayBuilder refused = Json.createArrayBuilder();
            host.refusals().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                    refused.add(Json.createObjectBuilder().add("archive", e.getKey()).add("reason", e.getValue())));
            return Json.createObjectBuilder()
                    .add("pluginApiVersion", PluginApi.VERSION)
                    .add("loadTimeMillis", host.loadTime().toMillis())
                    .add("items", items)
                    .add("refused", refused)
                    .build();
        });
    }

    @GET
    @Path("{id}")
    public JsonObject read(@PathParam("id") String id) {
        return plugin(plugin(id));
    }

    /**
     * Installs the archive in the body, or upgrades the plugin of the same id in place: calls in
     * flight finish on the old version, later calls go to the new one.
     */
    @POST
    @Consumes({JAR, ZIP, MediaType.APPLICATION_OCTET_STREAM})
    public Response install(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean zip = contentType != null && contentType.startsWith(ZIP);
        PluginHost.Installed installed = host.install(body, zip);
        JsonObject json = PluginJson.plugin(installed.plugin(), host.guard());
        if (installed.previousVersion() != null) {
            return Response.ok(Json.createObjectBuilder(json).add("replacedVersion", installed.previousVersion()).build()).build();
        }
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/admin/plugins/" + installed.plugin().id())
                .entity(json).build();
    }

    @POST
    @Path("{id}/start")
    public JsonObject start(@PathParam("id") String id) {
        return PluginJson.plugin(host.startById(id), host.guard());
    }

    @POST
    @Path("{id}/stop")
    public JsonObject stop(@PathParam("id") String id) {
        return PluginJson.plugin(host.stopById(id), host.guard());
    }

    @POST
    @Path("{id}/reload")
    public JsonObject reload(@PathParam("id") String id) {
        return PluginJson.plugin(host.reloadById(id), host.guard());
    }

    /** Unloads the plugin and forgets an uploaded archive; a built-in one stays off until uploaded again. */
    @DELETE
    @Path("{id}")
    public Response unload(@PathParam("id") String id) {
        host.unloadById(id);
        return Response.noContent().build();
    }

    /** The plugin's JSON with how long it took to load and start in this run ({@code loadMillis}). */
    private JsonObject plugin(Registry.Plugin p) {
        JsonObject json = PluginJson.plugin(p, host.guard());
        return host.loadTime(p.id())
                .map(d -> Json.createObjectBuilder(json).add("loadMillis", d.toNanos() / 1e6).build())
                .orElse(json);
    }

    private Registry.Plugin plugin(String id) {
        Registry.Plugin p = host.registry().plugins().get(id);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Plugin " + id + " is not loaded");
        }
        return p;
    }
}
