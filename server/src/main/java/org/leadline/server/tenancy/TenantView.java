package org.leadline.server.tenancy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;
import org.leadline.api.tenancy.UserView;

/** A tenant as the API shows it. */
@Schema(name = "Tenant", description = "A customer organisation: its users and data are kept apart from all others")
public record TenantView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull String slug,
        @NotNull String name,
        @NotNull @Schema(enumeration = {"ACTIVE", "DISABLED"}, description = "A disabled tenant's users cannot "
                + "sign in") String status,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull @Schema(description = "Increases with every change") Long version) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.slug(), t.name(), t.status().name(), t.createdAt(), t.updatedAt(),
                t.version());
    }

    /** A page of tenants. */
    @Schema(name = "TenantPage")
    public record Page(@NotNull List<TenantView> items, @NotNull PageInfo page) {
    }

    /** What creating a tenant takes. */
    @Schema(name = "NewTenant", description = "A new tenant and its first tenant administrator", example = """
            {"slug": "acme", "name": "ACME GmbH",
             "admin": {"username": "anna.schmidt", "displayName": "Anna Schmidt", "email": "anna.schmidt@acme.example"}}""")
    public record Create(
            @NotNull @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
                    message = "must be 1 to 63 lower-case letters, digits and inner hyphens")
            @Schema(description = "1 to 63 lower-case letters, digits and inner hyphens; unique") String slug,
            @NotNull @Size(max = 200) String name,
            @NotNull(message = "is required: the tenant's first administrator (username, displayName, email, "
                    + "password)") @Valid Admin admin) {
    }

    /** The first administrator of a new tenant. */
    @Schema(name = "NewTenantAdmin", description = "The tenant's first user, with the roles TENANT_ADMIN and SALES")
    public record Admin(
            @NotNull @Pattern(regexp = AccountRules.USERNAME_TEXT, message = AccountRules.USERNAME_MESSAGE)
            @Schema(description = "3 to 100 characters: letters, digits and . _ @ -, starting with a letter or "
                    + "digit; stored in lower case; unique within the tenant") String username,
            @Size(max = 200) @Schema(description = "The username when absent") String displayName,
            @Size(max = 254, message = AccountRules.EMAIL_MESSAGE)
            @Pattern(regexp = AccountRules.EMAIL_TEXT, message = AccountRules.EMAIL_MESSAGE)
            @Schema(format = "email") String email,
            @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
            @Schema(writeOnly = true, description = "Generated and returned once as initialPassword when absent")
            String password) {
    }

    /** The answer to creating a tenant. */
    @Schema(name = "CreatedTenant", description = "The new tenant with its first administrator")
    public record Created(
            @NotNull @Schema(format = "uuid") String id,
            @NotNull String slug,
            @NotNull String name,
            @NotNull @Schema(enumeration = {"ACTIVE", "DISABLED"}) String status,
            @NotNull Instant createdAt,
            @NotNull Instant updatedAt,
            @NotNull Long version,
            @NotNull UserView admin,
            @Schema(description = "The generated password of the administrator, when none was sent; shown only here")
            String initialPassword) {

        static Created of(Tenant t, UserAccount admin, String initialPassword) {
            return new Created(t.id(), t.slug(), t.name(), t.status().name(), t.createdAt(), t.updatedAt(),
                    t.version(), UserViewMapper.of(admin), initialPassword);
        }
    }

    /** What changing a tenant takes. */
    @Schema(name = "TenantUpdate", description = "Members to change; those left out keep their value")
    public record Update(
            @Size(max = 200) String name,
            @Pattern(regexp = "(?i)ACTIVE|DISABLED", message = "must be one of ACTIVE, DISABLED")
            @Schema(enumeration = {"ACTIVE", "DISABLED"}, description = "DISABLED stops its users from signing in")
            String status) {
    }
}
