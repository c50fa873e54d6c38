package org.leadline.server.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletContext;

/**
 * The browser UI's page ({@code /index.html} from the {@code leadline-ui} jar, served at {@code /}):
 * its Content-Security-Policy. The page runs no inline script; its one inline element is the import
 * map (JSON that tells the browser where the WebJars' modules are), which a strict policy only
 * allows by its hash. The hash is computed here from the page as served, so it cannot drift from it.
 */
public final class UiPage {

    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private static volatile String policy;

    private UiPage() {
    }

    /** Whether the path is the UI's page. */
    static boolean is(String path) {
        return path.equals("/") || path.equals("/index.html");
    }

    /** The page's policy: scripts from this server and the import map by its hash; nothing inline else. */
    static String policy(ServletContext context) {
        String known = policy;
        if (known == null) {
            known = "default-src 'self'; script-src 'self'" + hashes(context) + "; style-src 'self'; "
                    + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "frame-ancestors 'none'; form-action 'self'";
            policy = known;
        }
        return known;
    }

    private static String hashes(ServletContext context) {
        try (InputStream in = context.getResourceAsStream("/index.html")) {
            if (in == null) {
                return "";
            }
            return hashesOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    /** The CSP source expressions (" 'sha256-…'") of the page's import maps. */
    static String hashesOf(String page) {
        List<String> hashes = new ArrayList<>();
        Matcher m = IMPORT_MAP.matcher(page);
        while (m.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add(" 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("", hashes);
    }
}
