package org.leadline.server.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. */
@ApplicationPath("/api/v1")
@DeclareRoles({"PLATFORM_ADMIN", "TENANT_ADMIN", "SALES"})
@OpenAPIDefinition(
        info = @Info(title = "Leadline API", version = "1",
                description = "Lead management: leads, tenants, users and API tokens. Errors are RFC 9457 problems."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class LeadlineApplication extends Application {
}
