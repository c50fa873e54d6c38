package org.leadline.api.tenancy;

/** What a user may do. A user may hold several roles. */
public enum Role {
    /** Runs the installation: creates and disables tenants, manages plugins. Belongs to no tenant. */
    PLATFORM_ADMIN,
    /** Administers one tenant: its users, API tokens, settings; also works leads. */
    TENANT_ADMIN,
    /** Works the tenant's leads. */
    SALES;

    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";
    public static final String TENANT_ADMIN_NAME = "TENANT_ADMIN";
    public static final String SALES_NAME = "SALES";
}
