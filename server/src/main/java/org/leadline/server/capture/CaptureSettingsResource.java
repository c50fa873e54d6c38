package org.leadline.server.capture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/** The tenant's lead-capture settings: read by everyone who works leads, changed by its administrator. */
@Path("settings/capture")
@Tag(name = "Capture settings", description = "The tenant's lead-capture settings: how likely duplicates are treated")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CaptureSettingsResource {

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    @Operation(operationId = "getCaptureSettings", summary = "Read the lead-capture settings",
            description = "The defaults until an administrator changes them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaptureSettingsView.class)))
    public Response read() {
        CaptureSettingsView view = CaptureSettingsView.of(persistence.em().find(CaptureSettings.class, caller.tenantId()));
        return Response.ok(view).tag(Preconditions.etag(view.version())).build();
    }

    /** Replaces the settings: {@code {"duplicatePolicy": "WARN" | "REJECT"}}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Transactional
    @Operation(operationId = "replaceCaptureSettings", summary = "Replace the lead-capture settings",
            description = "If-Match is optional; when sent it must name the current version (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The settings as stored",
            content = @Content(schema = @Schema(implementation = CaptureSettingsView.class)))
    public Response replace(@Parameter(description = "Optional: the ETag of the settings this change is based on")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaptureSettingsView.Request body) {
        Long expected = Preconditions.optionalVersion(ifMatch);
        DuplicatePolicy policy = body.duplicatePolicy();
        var em = persistence.em();
        CaptureSettings s = em.find(CaptureSettings.class, caller.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        Preconditions.check("The capture settings", s == null ? 0 : s.version(), expected);
        if (s == null) {
            s = new CaptureSettings(caller.tenantId(), policy, caller.userId());
            em.persist(s);
        } else {
            s.change(policy, caller.userId());
        }
        em.flush();
        return Response.ok(CaptureSettingsView.of(s)).tag(Preconditions.etag(s.version())).build();
    }
}
