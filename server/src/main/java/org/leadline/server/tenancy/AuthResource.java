package org.leadline.server.tenancy;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;

/** Signing in and out. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Credentials credentials;

    @Inject
    CurrentCaller caller;

    @Inject
    Directory directory;

    /** Exchanges a username and password for a session token. */
    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String username = AccountRules.text(in, "username", 100, true);
        String password = in.string("password");
        if (password == null) {
            in.error("password", "is required");
        } else if (password.length() > Passwords.MAX_LENGTH) {
            in.error("password", "must have at most " + Passwords.MAX_LENGTH + " characters");
        }
        in.rejectUnknown();
        AccountRules.check(errors);
        Credentials.Issued issued = credentials.login(username, password);
        UserAccount user = credentials.findUser(username).orElseThrow();
        return Response.ok(Json.createObjectBuilder()
                        .add("token", issued.secret())
                        .add("tokenType", "Bearer")
                        .add("expiresAt", issued.token().expiresAt().toString())
                        .add("user", TenancyJson.user(user))
                        .build())
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Revokes the token this request was sent with. */
    @POST
    @Path("logout")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    public Response logout() {
        credentials.revoke(caller.get().tokenId());
        return Response.noContent().build();
    }

    /** Who the token belongs to. */
    @GET
    @Path("me")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    public JsonObject me() {
        return TenancyJson.user(credentials.findUser(caller.get().username()).orElseThrow());
    }
}
