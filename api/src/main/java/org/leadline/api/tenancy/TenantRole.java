package org.leadline.api.tenancy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The roles a user of a tenant can be given; {@link Role#PLATFORM_ADMIN} belongs to no tenant. */
@Schema(name = "TenantRole", description = "A role within a tenant")
public enum TenantRole {
    TENANT_ADMIN(Role.TENANT_ADMIN),
    SALES(Role.SALES);

    private final Role role;

    TenantRole(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
