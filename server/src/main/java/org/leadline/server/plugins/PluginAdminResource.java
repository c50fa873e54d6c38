package org.leadline.server.plugins;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.plugin.api.PluginApi;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * The platform administrator's view of the installation's plugins: what is loaded, in which state,
 * with which extensions, what was refused and why; and the runtime changes (install or upgrade by
 * upload, start, stop, reload, unload), which survive a restart.
 */
@Path("admin/plugins")
@Tag(name = "Plugins", description = "The platform administrator's view of the installation's plugins: what is "
        + "loaded and in which state, what was refused and why; install or upgrade by upload, start, stop, reload, "
        + "unload")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class PluginAdminResource {

    static final String JAR = "application/java-archive";
    static final String ZIP = "application/zip";

    @Inject
    PluginHost host;

    @Inject
    PluginUploads uploads;

    @Inject
    DefaultOnConfirmations defaultOn;

    @GET
    @Operation(operationId = "listPlugins", summary = "List plugins",
            description = "Every plugin the server knows, by id, with its state, extensions and run-time figures; "
                    + "and the archives it refused to load, with the reason.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginView.Listing.class)))
    public PluginView.Listing list() {
        java.util.Map<String, List<String>> awaiting = defaultOn.awaiting();
        return host.read(r -> {
            List<PluginView> items = r.plugins().values().stream().map(p -> plugin(p, awaiting)).toList();
            List<PluginView.Refusal> refused = host.refusals().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> new PluginView.Refusal(e.getKey(), e.getValue())).toList();
            return new PluginView.Listing(PluginApi.VERSION, host.loadTime().toMillis(), items, refused);
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPlugin", summary = "Read a plugin",
            description = "The plugin with its state, extensions, problems, metrics and quarantines.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginView.class)),
            headers = @Header(name = "ETag", description = "none"))
    public PluginView read(@Parameter(description = "The plugin's id") @PathParam("id") String id) {
        return plugin(plugin(id), defaultOn.awaiting());
    }

    /**
     * Installs the archive in the body, or upgrades the plugin of the same id in place: calls in
     * flight finish on the old version, later calls go to the new one.
     */
    @POST
    @Consumes({JAR, ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "installPlugin", summary = "Install or upgrade a plugin",
            description = "Installs the plugin archive in the body (a jar, or a zip when the Content-Type is "
                    + "application/zip) and starts it; the installation keeps it across restarts. An archive with "
                    + "the id of a loaded plugin upgrades it in place: calls in flight finish on the old version, "
                    + "later calls go to the new one. The archive is tried first: its Plugin-Version must be a semantic "
                    + "version newer than the installed one (unless allowDowngrade=true), its id not a built-in "
                    + "plugin's, its plugin class and every extension must load and be created, its settings "
                    + "declarations and process definitions must be valid; otherwise nothing changes and the "
                    + "answer is 422 naming every problem. A new version whose start() fails is refused and the "
                    + "old version keeps serving. Extensions an upgrade adds stay off for existing tenants; those that "
                    + "declare themselves default-on are listed in awaitingDefaultOn until the administrator confirms "
                    + "them (POST /api/v1/admin/plugins/{id}/default-on/confirm).")
    @RequestBody(description = "The plugin archive", content = {
            @Content(mediaType = JAR, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Installed",
            content = @Content(schema = @Schema(implementation = PluginView.class)), headers = @Header(name = "ETag", description = "none"))
    @APIResponse(responseCode = "200", description = "Upgraded: a plugin of the same id was replaced; "
            + "replacedVersion names its version", content = @Content(schema = @Schema(implementation = PluginView.class)),
            headers = @Header(name = "ETag", description = "none"))
    @APIResponse(responseCode = "422", description = "The archive was refused: empty, not a plugin, it bundles host "
            + "classes, it requires another plugin API version, it takes a built-in plugin's id, its version is not "
            + "a semantic version or not newer than the installed one, a class or extension cannot be loaded or "
            + "created, a declaration is invalid, or its start() failed", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response install(InputStream body,
                            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @Parameter(description = "Install even when the archive's version is not newer than the "
                                    + "installed one (a downgrade, or the same version again)")
                            @QueryParam("allowDowngrade") @DefaultValue("false") boolean allowDowngrade) {
        boolean zip = contentType != null && contentType.startsWith(ZIP);
        PluginHost.Installed installed = uploads.install(body, zip, allowDowngrade);
        if (installed.previousVersion() != null) {
            return Response.ok(PluginView.of(installed.plugin(), host.guard(), null, installed.previousVersion(),
                    defaultOn.awaiting().getOrDefault(installed.plugin().id(), List.of()))).build();
        }
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/admin/plugins/" + installed.plugin().id())
                .entity(PluginView.of(installed.plugin(), host.guard(), null, null)).build();
    }

    @POST
    @Path("{id}/start")
    @Operation(operationId = "startPlugin", summary = "Start a plugin",
            description = "Starts a loaded plugin (a stopped or failed one too); the change survives a restart. A start that fails or does not return within the start time limit leaves it FAILED, with the reason in failure.")
    @APIResponse(responseCode = "200", description = "The plugin as it is now",
            content = @Content(schema = @Schema(implementation = PluginView.class)),
            headers = @Header(name = "ETag", description = "none"))
    public PluginView start(@Parameter(description = "The plugin's id") @PathParam("id") String id) {
        return PluginView.of(host.startById(id), host.guard(), null, null);
    }

    @POST
    @Path("{id}/stop")
    @Operation(operationId = "stopPlugin", summary = "Stop a plugin",
            description = "Stops the plugin: its extensions stop working for every tenant. The change survives a restart.")
    @APIResponse(responseCode = "200", description = "The plugin as it is now",
            content = @Content(schema = @Schema(implementation = PluginView.class)),
            headers = @Header(name = "ETag", description = "none"))
    public PluginView stop(@Parameter(description = "The plugin's id") @PathParam("id") String id) {
        return PluginView.of(host.stopById(id), host.guard(), null, null);
    }

    @POST
    @Path("{id}/reload")
    @Operation(operationId = "reloadPlugin", summary = "Reload a plugin",
            description = "Unloads the plugin and loads its archive again; a plugin that was not stopped is started again.")
    @APIResponse(responseCode = "200", description = "The plugin as it is now",
            content = @Content(schema = @Schema(implementation = PluginView.class)),
            headers = @Header(name = "ETag", description = "none"))
    public PluginView reload(@Parameter(description = "The plugin's id") @PathParam("id") String id) {
        return PluginView.of(host.reloadById(id), host.guard(), null, null);
    }

    /**
     * Switches on, for the tenants that use the plugin, the extensions an upgrade brought that declare
     * themselves default-on: until this confirmation they are off for everyone.
     */
    @POST
    @Path("{id}/default-on/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmPluginDefaultOn", summary = "Confirm extensions' default-on",
            description = "An upgrade never switches on an extension for a tenant that had not enabled it: one new in "
                    + "the upgrade is off for every existing tenant. When it declares itself default-on, a tenant that "
                    + "uses the plugin (has another of its extensions enabled) keeps it waiting, listed in the plugin's "
                    + "awaitingDefaultOn; this confirmation switches it on for those tenants, unless a required "
                    + "setting without a default has no value for a tenant. Tenants that did not use the plugin, or "
                    + "that decided about the extension themselves, keep what they have.")
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(schema = @Schema(implementation = PluginView.DefaultOnConfirmed.class)))
    @APIResponse(responseCode = "400", description = "No extension named, or one that is not an extension of the "
            + "started plugin or does not declare itself default-on (each named in errors)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plugin", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    @APIResponse(responseCode = "409", description = "The plugin is not started", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public PluginView.DefaultOnConfirmed confirmDefaultOn(
            @Parameter(description = "The plugin's id") @PathParam("id") String id, PluginView.DefaultOnConfirmation body) {
        return defaultOn.confirm(id, body);
    }

    /** Unloads an uploaded plugin and forgets its archive; a built-in plugin is refused (stop it instead). */
    @DELETE
    @Path("{id}")
    @Operation(operationId = "unloadPlugin", summary = "Unload a plugin",
            description = "Unloads an uploaded plugin and forgets its archive. A plugin shipped with the server cannot "
                    + "be unloaded (409): stop it instead, which switches its extensions off for every tenant.")
    @APIResponse(responseCode = "204", description = "Unloaded")
    @APIResponse(responseCode = "409", description = "The plugin is shipped with the server",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response unload(@Parameter(description = "The plugin's id") @PathParam("id") String id) {
        host.unloadById(id);
        return Response.noContent().build();
    }

    /** The plugin's JSON with how long it took to load and start in this run ({@code loadMillis}). */
    private PluginView plugin(Registry.Plugin p, java.util.Map<String, List<String>> awaiting) {
        // BigDecimal.valueOf(double) writes the number exactly as JSON-P's add(name, double) does
        BigDecimal loadMillis = host.loadTime(p.id()).map(d -> BigDecimal.valueOf(d.toNanos() / 1e6)).orElse(null);
        return PluginView.of(p, host.guard(), loadMillis, null, awaiting.getOrDefault(p.id(), List.of()));
    }

    private Registry.Plugin plugin(String id) {
        Registry.Plugin p = host.registry().plugins().get(id);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Plugin " + id + " is not loaded");
        }
        return p;
    }
}
