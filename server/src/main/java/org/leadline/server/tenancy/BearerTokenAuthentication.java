package org.leadline.server.tenancy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.StatementCount;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.problem.Problems;
import org.leadline.server.platform.web.HttpHardening;

/**
 * Authenticates every API request by its {@code Authorization: Bearer} token (a session token
 * from signing in, or an API token) or, without that header, by the browser session's cookie
 * ({@link SessionCookie}; a state-changing request signed in by it must carry the CSRF header). Everything under {@code /api/} needs a token except the
 * paths in {@link #isPublic}; a missing or unusable token gets a 401 problem here, before any
 * application code runs.
 *
 * <p>The first filter of every request ({@code web.xml}). It hands the {@link Caller} on as a request
 * attribute, and {@link RoleCheck} authorises by it; the container's own security (a JASPIC
 * login, JACC role checks, a JAAS subject per request) is not involved: nothing reads the
 * container's principal, and its cost and locks were a fifth of a health check's time.
 */
public class BearerTokenAuthentication extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Credentials credentials;

    private transient MetricsToken metricsToken;

    @Override
    public void init() {
        metricsToken = MetricsToken.configured();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (authenticate(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /** Whether the request goes on; when not, the answer (401 or 403) is written. */
    private boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        StatementCount.reset();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/metrics") || path.startsWith("/metrics/")) {
            return metrics(request, response, path);
        }
        if (!path.startsWith("/api/") || "OPTIONS".equals(request.getMethod())) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Caller> caller = credentials.authenticate(header.substring(7).strip());
            if (caller.isPresent()) {
                request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
                return true;
            }
            if (isPublic(path)) {
                // A client whose stored token expired signs in again with that token still attached.
                return true;
            }
            return reject(response, path, "The bearer token is unknown, expired or revoked, or its user or tenant is disabled");
        }
        String cookie = header == null && !path.startsWith("/api/v1/public/") ? SessionCookie.of(request) : null;
        if (cookie != null) {
            Optional<Caller> caller = credentials.authenticate(cookie);
            if (caller.isPresent()) {
                if (SessionCookie.changes(request.getMethod()) && !SessionCookie.hasCsrfHeader(request)) {
                    return refuse(response, path, "A request signed in by the session cookie that changes something "
                            + "must send the header " + SessionCookie.CSRF_HEADER + " (protection against cross-site "
                            + "request forgery)");
                }
                request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
                request.setAttribute(SessionCookie.SIGNED_IN, Boolean.TRUE);
                return true;
            }
            if (isPublic(path)) {
                return true;
            }
            return reject(response, path, "The session has ended (expired, signed out or revoked), or its user or "
                    + "tenant is disabled; sign in again");
        }
        if (isPublic(path)) {
            return true;
        }
        return reject(response, path, header == null
                ? "Send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/login"
                : "Only bearer tokens are accepted");
    }

    /**
     * The metrics (JVM, pool, plugin counters) tell an attacker much: they need the configured
     * metrics token ({@code leadline.metrics.token}, for a scraper) or a platform administrator's token.
     */
    private boolean metrics(HttpServletRequest request, HttpServletResponse response, String path) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return reject(response, path, "Send 'Authorization: Bearer <token>' with the metrics token or a platform "
                    + "administrator's token");
        }
        String token = header.substring(7).strip();
        if (metricsToken.matches(token)) {
            return true;
        }
        Optional<Caller> caller = credentials.authenticate(token);
        if (caller.isEmpty()) {
            return reject(response, path, "The bearer token is unknown, expired or revoked");
        }
        if (!caller.get().roles().contains(Role.PLATFORM_ADMIN)) {
            return refuse(response, path, "Metrics are for the metrics token and platform administrators");
        }
        return true;
    }

    static boolean isPublic(String path) {
        return path.equals("/api/v1/auth/login") || path.equals("/api/v1/auth/session")
                || path.startsWith("/api/v1/public/");
    }

    private static boolean refuse(HttpServletResponse response, String path, String detail) {
        try {
            response.setStatus(403);
            // authentication is the first filter: the answer gets the others' headers here
            HttpHardening.securityHeaders(response, true);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.body(ProblemType.FORBIDDEN, detail, path, List.of(), Map.of()).toString());
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return false;
    }

    private static boolean reject(HttpServletResponse response, String path, String detail) {
        try {
            response.setStatus(401);
            HttpHardening.securityHeaders(response, true);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"leadline\"");
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.body(ProblemType.UNAUTHENTICATED, detail, path, List.of(), Map.of())
                    .toString());
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return false;
    }
}
