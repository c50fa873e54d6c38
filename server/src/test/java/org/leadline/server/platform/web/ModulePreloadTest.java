package org.leadline.server.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

/**
 * The UI's page ({@code index.html} of the {@code leadline-ui} jar, as Maven filtered it) preloads
 * exactly the modules the app imports statically from {@code app/main.js}, the WebJars' modules
 * included: a module missing from the list is found level by level again, one listed but no longer
 * imported is loaded for nothing.
 */
class ModulePreloadTest {

    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    /** Static imports and re-exports, minified or not; import(...) (loaded when needed) is left out. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:\\bimport|\\bfrom)\\s*(['\"])([^'\"]+)\\1");
    private static final URI ROOT = URI.create("http://ui/");

    @Test
    void thePagePreloadsTheAppsWholeStaticImportGraph() throws IOException {
        String page = resource("index.html");
        Matcher map = IMPORT_MAP.matcher(page);
        assertTrue(map.find(), "the import map");
        JsonObject imports = Json.createReader(new java.io.StringReader(map.group(1))).readObject().getJsonObject("imports");

        Set<String> preloaded = new TreeSet<>();
        Matcher m = PRELOAD.matcher(page);
        while (m.find()) {
            preloaded.add(ROOT.resolve(m.group(1)).getPath());
        }

        Set<String> graph = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add("/app/main.js");
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (!graph.add(module)) {
                continue;
            }
            Matcher i = IMPORT.matcher(resource(module.substring(1)));
            while (i.find()) {
                todo.add(resolve(i.group(2), module, imports));
            }
        }
        assertEquals(graph, preloaded);
    }

    /** A specifier as the browser resolves it: through the import map when bare, else against the module. */
    private static String resolve(String specifier, String module, JsonObject imports) {
        if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
            return ROOT.resolve(module).resolve(specifier).getPath();
        }
        String best = null;
        for (Map.Entry<String, ?> e : imports.entrySet()) {
            String key = e.getKey();
            boolean matches = key.endsWith("/") ? specifier.startsWith(key) : specifier.equals(key);
            if (matches && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        assertNotNull(best, specifier + " (imported by " + module + ") is not in the import map");
        String target = ((JsonString) imports.get(best)).getString() + specifier.substring(best.length());
        return ROOT.resolve(target).getPath();
    }

    private static String resource(String path) throws IOException {
        String name = "META-INF/resources/" + path;
        try (InputStream in = ModulePreloadTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
