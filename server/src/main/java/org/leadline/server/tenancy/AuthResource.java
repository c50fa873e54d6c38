package org.leadline.server.tenancy;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.tenancy.LoginView;
import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.Role;
import org.leadline.api.tenancy.UserView;

/** Signing in and out. */
@Path("auth")
@Tag(name = "Authentication", description = "Signing in with a username and password for a session token, "
        + "signing out, and who a token belongs to")
@ApplicationScoped
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
    @Operation(operationId = "login", summary = "Sign in",
            description = "Exchanges a username and password for a session token, sent as Authorization: Bearer on "
                    + "later requests. Usernames are unique per tenant: tenant names the user's tenant by its slug; "
                    + "without it the username is a platform administrator's or a user's of the default tenant. An "
                    + "unknown tenant or username, a wrong password, or a disabled account or tenant answers 401 "
                    + "(one answer for all, so it does not reveal which). After too many failed attempts from one client "
                    + "address (for one account, or for any) that address waits a while, each wait longer: every "
                    + "attempt then answers 429 with Retry-After, without checking the password. Other addresses are "
                    + "not delayed, except for an account guessed at from many addresses, where addresses the "
                    + "account has not signed in from recently wait too.")
    @APIResponse(responseCode = "200", description = "Signed in (Cache-Control: no-store)",
            content = @Content(schema = @Schema(implementation = LoginView.Session.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password, or the account or its tenant is "
            + "disabled (the answer does not say which)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this client address; wait "
            + "as Retry-After says", headers = @Header(name = "Retry-After", ref = "Retry-After"),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.leadline.api.problem.Problem.class)))
    public Response login(LoginView.Request body, @Context HttpServletRequest request) {
        String username = body.username();
        String password = body.password();
        String tenant = body.tenant();
        Credentials.Issued issued = credentials.login(tenant, username, password, request.getRemoteAddr());
        UserAccount user = credentials.user(issued.token().userId()).orElseThrow();
        return Response.ok(new LoginView.Session(issued.secret(), "Bearer", issued.token().expiresAt(),
                        UserViewMapper.of(user)))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Signs in for a browser: the session token goes into an HttpOnly cookie, not into the body. */
    @POST
    @Path("session")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openBrowserSession", summary = "Sign in a browser",
            description = "Signs in like POST /auth/login (the same checks, answers and waits after failed attempts), "
                    + "but the session token is set as the cookie leadline_session (HttpOnly, SameSite=Strict, "
                    + "Path=/api/, Secure when the server is reached over HTTPS) instead of being returned, so a script "
                    + "on the page cannot read it. Later requests from the browser are signed in by the cookie; one "
                    + "that changes something (POST, PUT, PATCH, DELETE) must also send the header X-Requested-With "
                    + "(any value), which a page of another site cannot add: without it the answer is 403. A request "
                    + "with an Authorization header is signed in by that header alone.")
    @APIResponse(responseCode = "200", description = "Signed in; Set-Cookie carries the session (Cache-Control: "
            + "no-store)", headers = @Header(name = "Set-Cookie", description = "leadline_session=<token>; Path=/api/; "
                    + "Max-Age=<seconds>; HttpOnly; SameSite=Strict[; Secure]", schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LoginView.BrowserSession.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password, or the account or its tenant is "
            + "disabled (the answer does not say which)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this client address; wait "
            + "as Retry-After says", headers = @Header(name = "Retry-After", ref = "Retry-After"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response openSession(LoginView.Request body, @Context HttpServletRequest request) {
        Credentials.Issued issued = credentials.login(body.tenant(), body.username(), body.password(),
                request.getRemoteAddr());
        UserAccount user = credentials.user(issued.token().userId()).orElseThrow();
        return Response.ok(new LoginView.BrowserSession(issued.token().expiresAt(), UserViewMapper.of(user)))
                .header("Set-Cookie", SessionCookie.issue(issued.secret(), issued.token().expiresAt(),
                        java.time.Instant.now(), request.isSecure()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Signs a browser out: revokes the cookie's session and removes the cookie. */
    @DELETE
    @Path("session")
    @PermitAll
    @Operation(operationId = "closeBrowserSession", summary = "Sign a browser out",
            description = "Revokes the session the cookie leadline_session carries (later requests with it answer 401) "
                    + "and removes the cookie. Signed in by the cookie, the request must send X-Requested-With like "
                    + "every state-changing one (403 without it). Without a valid session it only removes the cookie; "
                    + "a bearer token sent along is not revoked (POST /auth/logout does that).")
    @APIResponse(responseCode = "204", description = "Signed out; Set-Cookie removes the cookie",
            headers = @Header(name = "Set-Cookie", description = "leadline_session=; Max-Age=0", schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Signed in by the cookie without the header X-Requested-With",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response closeSession(@Context HttpServletRequest request) {
        // only the cookie's session: a bearer client signs out with POST /auth/logout
        if (Boolean.TRUE.equals(request.getAttribute(SessionCookie.SIGNED_IN))
                && request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller signedIn
                && signedIn.tokenKind() == AccessToken.Kind.SESSION) {
            credentials.revoke(signedIn.tokenId());
        }
        return Response.noContent().header("Set-Cookie", SessionCookie.clear(request.isSecure())).build();
    }

    /** Revokes the token this request was sent with. */
    @POST
    @Path("logout")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    @Operation(operationId = "logout", summary = "Sign out",
            description = "Revokes the token this request was sent with; later requests with it answer 401.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout() {
        credentials.revoke(caller.get().tokenId());
        return Response.noContent().build();
    }

    /** Who the token belongs to. */
    @GET
    @Path("me")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
    @Operation(operationId = "getCurrentUser", summary = "Read the caller's user",
            description = "The user the bearer token belongs to, with its roles and tenant.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.class)),
            headers = @Header(name = "ETag", description = "none"))
    public UserView me() {
        return UserViewMapper.of(credentials.user(caller.get().userId()).orElseThrow());
    }
}
