package org.leadline.server.tenancy;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser session's cookie: the same session token a bearer client gets from signing in, so
 * expiry, revocation and a disabled user or tenant apply unchanged. A script on the page cannot
 * read it (HttpOnly); the browser never sends it with a request started by another site
 * (SameSite=Strict); it is only sent to the API (Path=/api/) and only over HTTPS when the server is
 * reached over HTTPS (Secure).
 *
 * <p>Cross-site request forgery: besides SameSite, a request signed in by the cookie that changes
 * something (any method but GET, HEAD, OPTIONS) must carry {@value #CSRF_HEADER}. A form or a link on
 * another site cannot add a header, and a script on another origin cannot either without a CORS
 * preflight, which the API does not grant.
 */
public final class SessionCookie {

    public static final String NAME = "leadline_session";
    public static final String CSRF_HEADER = "X-Requested-With";
    static final String PATH = "/api/";
    /** Set on a request signed in by the cookie (not by an Authorization header). */
    static final String SIGNED_IN = SessionCookie.class.getName() + ".signedIn";

    private SessionCookie() {
    }

    /** The Set-Cookie value that opens a session with {@code secret}, valid until {@code expiresAt}. */
    public static String issue(String secret, Instant expiresAt, Instant now, boolean secure) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return NAME + "=" + secret + "; Path=" + PATH + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie value that removes the cookie. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The session token the request's cookie carries, or null. */
    public static String of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Whether a request with this method changes something and so needs {@link #CSRF_HEADER}. */
    public static boolean changes(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** Whether the request carries the header a cross-site request cannot. */
    public static boolean hasCsrfHeader(HttpServletRequest request) {
        String value = request.getHeader(CSRF_HEADER);
        return value != null && !value.isBlank();
    }
}
