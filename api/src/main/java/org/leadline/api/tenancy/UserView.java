package org.leadline.api.tenancy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/** A user account as the API shows it. Password hashes never appear. */
@Schema(name = "User", description = "A user account: who signs in, with which roles, in which tenant")
public record UserView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull @Schema(description = "The sign-in name, in lower case") String username,
        @NotNull String displayName,
        @Schema(format = "email") String email,
        @Schema(format = "uuid", description = "The user's tenant; absent for a platform administrator")
        String tenantId,
        @NotNull List<Role> roles,
        @NotNull @Schema(enumeration = {"ACTIVE", "DISABLED"}, description = "A disabled user cannot sign in")
        String status,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull @Schema(description = "Increases with every change") Long version) {

    /** A page of users. */
    @Schema(name = "UserPage")
    public record Page(@NotNull List<UserView> items, @NotNull PageInfo page) {
    }

    /** What creating a user takes. */
    @Schema(name = "NewUser", description = "A new user of the caller's tenant")
    public record Create(
            @NotNull @Pattern(regexp = AccountConstraints.USERNAME_TEXT, message = AccountConstraints.USERNAME_MESSAGE)
            @Schema(description = "3 to 100 characters: letters, digits and . _ @ -, starting with a letter or "
                    + "digit; stored in lower case; unique within the tenant") String username,
            @NotNull @Size(max = 200) String displayName,
            @Size(max = 254, message = AccountConstraints.EMAIL_MESSAGE)
            @Pattern(regexp = AccountConstraints.EMAIL_TEXT, message = AccountConstraints.EMAIL_MESSAGE)
            @Schema(format = "email") String email,
            @NotNull @Size(min = 1, message = AccountConstraints.ROLES_MESSAGE)
            List<TenantRole> roles,
            @Size(min = AccountConstraints.PASSWORD_MIN_LENGTH, max = AccountConstraints.PASSWORD_MAX_LENGTH)
            @Schema(writeOnly = true, description = "Without a password the user cannot sign in until one is set")
            String password) {
    }

    /** What changing a user takes: every member is optional. */
    @Schema(name = "UserUpdate", description = "Members to change; those left out keep their value")
    public record Update(
            @Size(max = 200) String displayName,
            @Size(max = 254, message = AccountConstraints.EMAIL_MESSAGE)
            @Pattern(regexp = AccountConstraints.EMAIL_TEXT, message = AccountConstraints.EMAIL_MESSAGE)
            @Schema(format = "email") String email,
            @Size(min = 1, message = AccountConstraints.ROLES_MESSAGE)
            List<TenantRole> roles,
            @Pattern(regexp = "(?i)ACTIVE|DISABLED", message = "must be one of ACTIVE, DISABLED")
            @Schema(enumeration = {"ACTIVE", "DISABLED"}, description = "DISABLED signs the user out everywhere "
                    + "and stops sign-ins") String status,
            @Size(min = AccountConstraints.PASSWORD_MIN_LENGTH, max = AccountConstraints.PASSWORD_MAX_LENGTH)
            @Schema(writeOnly = true, description = "A new password; signs the user out everywhere") String password) {
    }
}
