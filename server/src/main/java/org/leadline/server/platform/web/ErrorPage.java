package org.leadline.server.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.problem.Problems;

/**
 * The container's error page (mapped in {@code web.xml}): an error the container or Jersey answers
 * without a body of ours (an unreadable header, a path no servlet serves, a failure outside
 * JAX-RS) becomes an RFC 9457 problem like every other error, instead of the container's HTML page.
 * The status stays what the container chose.
 */
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String u ? u : null;
        if (!(code instanceof Integer)) {
            // asked for directly, not as an error page
            write(res, 404, ProblemType.NOT_FOUND, "No resource at " + req.getRequestURI(), req.getRequestURI(), Map.of());
            return;
        }
        int status = (Integer) code;
        if (status == 501) {
            // a method the static resources and servlets outside the API do not serve (PATCH, say)
            res.setHeader("Allow", "GET, HEAD, OPTIONS");
            write(res, 405, ProblemType.METHOD_NOT_ALLOWED, req.getMethod() + " is not served here", instance, Map.of());
            return;
        }
        Throwable failure = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 || failure != null) {
            String incident = UUID.randomUUID().toString();
            // one line: the failure's class and message, never a stack a client can make the server write
            String line = "Unexpected failure outside the API, incident " + incident + " at " + instance
                    + (failure == null ? "" : ": " + failure);
            // the address and the message may carry a client's line breaks: the log line stays one line
            LOG.log(Level.SEVERE, line.replaceAll("\\p{Cc}", "?"));
            write(res, status >= 500 ? status : 500, ProblemType.INTERNAL, "Unexpected failure; incident " + incident,
                    instance, Map.of("incident", incident));
            return;
        }
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.BODY_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.BAD_REQUEST;
        };
        String detail = switch (status) {
            case 400 -> "The request cannot be read: a header (such as Content-Type or Content-Length) or the "
                    + "address is malformed";
            case 404 -> "No resource at " + (instance == null ? "this address" : instance);
            default -> null;
        };
        write(res, status, type, detail, instance, Map.of());
    }

    private static void write(HttpServletResponse res, int status, ProblemType type, String detail, String instance,
                              Map<String, Object> extensions) throws IOException {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType(Problems.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        HttpHardening.securityHeaders(res, true);
        // the container's status stays, also where the type usually has another (414, 431)
        res.getWriter().write(Problems.body(type, status, detail, instance, List.of(), extensions).toString());
    }
}
