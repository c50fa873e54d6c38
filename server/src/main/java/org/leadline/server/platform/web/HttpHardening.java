package org.leadline.server.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.problem.Problems;

/**
 * The filter after authentication (ordered so in {@code web.xml}): the security headers every
 * answer carries, and the checks of what the container would otherwise answer with its own HTML
 * page or an empty body.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} on every answer; {@code Cache-Control: no-store} on
 *       the API and the metrics (a resource may set its own, e.g. the OpenAPI document); a
 *       Content-Security-Policy: none at all for data, a strict one (no inline script, nothing from
 *       other origins, no framing) for pages.</li>
 *   <li>Caching of the static files: a WebJar's files have its version in their path, so they are
 *       kept for a year without asking again; the UI's page, modules, style and bundles are kept but
 *       revalidated (ETag, 304) on every use, so a browser never mixes files of two releases.</li>
 *   <li>{@code TRACE} is answered 405 here for everything outside the API (the API's own 405 names
 *       the methods of the resource): a servlet would echo the request, credentials included.</li>
 *   <li>A request to the API with two {@code Content-Type} headers, or one that cannot be parsed,
 *       gets a {@code bad-parameter} problem naming the header, before JAX-RS refuses it without a
 *       body.</li>
 * </ul>
 */
public class HttpHardening extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Pages: scripts and styles from this server only, no inline script, no plugins, no framing. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";
    /** Data (JSON, YAML, metrics): nothing may be loaded or run from it, and it is never framed. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean api = path.startsWith("/api/");
        boolean metrics = path.equals("/metrics") || path.startsWith("/metrics/");
        securityHeaders(res, api || metrics);
        String caching = caching(path);
        if (caching != null) {
            res.setHeader("Cache-Control", caching);
        }
        if (!path.startsWith("/api-docs/") && !path.startsWith("/webjars/")) {
            // the reference page sets its own policy (ReferencePageHeaders)
            res.setHeader("Content-Security-Policy", api || metrics || isData(path) ? DATA_POLICY
                    : UiPage.is(path) ? UiPage.policy(req.getServletContext()) : PAGE_POLICY);
        }
        if ("TRACE".equals(req.getMethod()) && !api) {
            res.setHeader("Allow", "GET, HEAD, OPTIONS");
            problem(res, 405, ProblemType.METHOD_NOT_ALLOWED, "TRACE is not served", path, List.of());
            return;
        }
        if (api) {
            String refused = contentTypeProblem(req);
            if (refused != null) {
                problem(res, 400, ProblemType.BAD_PARAMETER, "Content-Type: " + refused, path,
                        List.of(new FieldError("Content-Type", refused)));
                return;
            }
        }
        chain.doFilter(req, res);
    }

    /** The headers every answer carries; {@code noStore} for answers with data of a caller. */
    public static void securityHeaders(HttpServletResponse res, boolean noStore) {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        if (noStore) {
            res.setHeader("Cache-Control", "no-store");
        }
    }

    /** WebJars: versioned paths, never change. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The UI's own files: the same paths in every release. */
    static final String REVALIDATE = "no-cache";

    /** The Cache-Control of a static file, or null (the API and the rest set their own or none). */
    static String caching(String path) {
        if (path.startsWith("/webjars/")) {
            return IMMUTABLE;
        }
        if (UiPage.is(path) || path.startsWith("/app/") || path.startsWith("/i18n/")) {
            return REVALIDATE;
        }
        return null;
    }

    private static boolean isData(String path) {
        return path.equals("/openapi") || path.startsWith("/openapi/") || path.equals("/health")
                || path.startsWith("/health/");
    }

    /** Why the request's Content-Type cannot be used, or null. */
    static String contentTypeProblem(HttpServletRequest req) {
        List<String> values = Collections.list(req.getHeaders("Content-Type"));
        if (values.size() > 1) {
            return "send one Content-Type header, not " + values.size();
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        String value = values.get(0);
        try {
            MediaType type = MediaType.valueOf(value);
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && (charset.isBlank() || !java.nio.charset.Charset.isSupported(charset))) {
                return "the charset '" + charset + "' is not known";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + printable(value) + "' is not a media type (type/subtype; parameters)";
        }
    }

    /** At most 100 characters of a header value, control characters shown as '?'. */
    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cc}", "?");
    }

    private static void problem(HttpServletResponse res, int status, ProblemType type, String detail, String instance,
                                List<FieldError> errors) throws IOException {
        res.setStatus(status);
        res.setContentType(Problems.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(Problems.body(type, status, detail, instance, errors, Map.of()).toString());
    }
}
