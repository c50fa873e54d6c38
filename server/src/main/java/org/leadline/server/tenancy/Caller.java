package org.leadline.server.tenancy;

import java.util.Set;

import org.leadline.api.tenancy.Role;

/**
 * Who sent the current request, as established from its bearer token.
 *
 * @param tenantId the caller's tenant; null for a platform administrator
 */
public record Caller(String userId, String username, String tenantId, Set<Role> roles,
                     String tokenId, AccessToken.Kind tokenKind) {

    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
