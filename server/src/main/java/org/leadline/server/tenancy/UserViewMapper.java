package org.leadline.server.tenancy;

import java.util.List;

import org.leadline.api.tenancy.UserView;

/** Makes the API's representation of a user account ({@link UserView}); password hashes never appear. */
final class UserViewMapper {

    private UserViewMapper() {
    }

    static UserView of(UserAccount u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.email(), u.tenantId(), List.copyOf(u.roles()),
                u.status().name(), u.createdAt(), u.updatedAt(), u.version());
    }
}
