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
    @Schema(name = "LoginRequest", description = "A username and password", example = """
            {"username": "anna.schmidt", "password": "correct horse battery staple"}""")
    public record Request(
            @NotNull @Size(max = 100) String username,
            @NotNull @Size(max = AccountConstraints.PASSWORD_MAX_LENGTH) @Schema(writeOnly = true) String password) {
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
}
