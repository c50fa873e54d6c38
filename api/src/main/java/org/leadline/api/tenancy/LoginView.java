package org.leadline.api.tenancy;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of signing in. */
public final class LoginView {

    private LoginView() {
    }

    /** What signing in takes. */
    @Schema(name = "LoginRequest", description = "A username and password, and the tenant the user belongs to",
            example = """
            {"tenant": "acme", "username": "anna.schmidt", "password": "marble-orbit-kettle-42"}""")
    public record Request(
            @NotNull @Size(max = 100) String username,
            @NotNull @Size(max = AccountConstraints.PASSWORD_MAX_LENGTH) @Schema(writeOnly = true) String password,
            @Size(max = 63) @Schema(description = "The slug of the user's tenant. Usernames are unique per tenant only. "
                    + "Leave it out to sign in as a platform administrator or as a user of the installation's default "
                    + "tenant (leadline.auth.default-tenant, the tenant of the first start)") String tenant) {

        /** Signing in without naming a tenant: a platform administrator or a user of the default tenant. */
        public Request(String username, String password) {
            this(username, password, null);
        }
    }

    /** The answer to signing in. */
    @Schema(name = "Session", description = "A session token and the user it belongs to")
    public record Session(
            @NotNull @Schema(description = "Send as Authorization: Bearer <token>") String token,
            @NotNull @Schema(enumeration = "Bearer") String tokenType,
            @NotNull @Schema(description = "When the session ends (leadline.auth.session-ttl after sign-in)")
            Instant expiresAt,
            @NotNull UserView user) {
    }

    /** The answer to opening a browser session: the token itself is in an HttpOnly cookie only. */
    @Schema(name = "BrowserSession", description = "A browser session: its token is set as the HttpOnly cookie "
            + "leadline_session (SameSite=Strict, Path=/api/), never in the body, so a script on the page cannot "
            + "read it. State-changing requests signed in by the cookie must send the header X-Requested-With.")
    public record BrowserSession(
            @NotNull @Schema(description = "When the session ends (leadline.auth.session-ttl after sign-in)")
            Instant expiresAt,
            @NotNull UserView user) {
    }
}
