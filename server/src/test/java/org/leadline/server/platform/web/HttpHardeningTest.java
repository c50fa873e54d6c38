package org.leadline.server.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpHardeningTest {

    @Test
    void webJarsAreKeptTheUisOwnFilesRevalidatedTheApiLeftToItself() {
        // a WebJar's path names its version
        assertEquals("public, max-age=31536000, immutable", HttpHardening.caching("/webjars/lit/3.3.2/index.js"));
        // the same paths in every release: a browser must not mix two releases' modules
        assertEquals("no-cache", HttpHardening.caching("/"));
        assertEquals("no-cache", HttpHardening.caching("/index.html"));
        assertEquals("no-cache", HttpHardening.caching("/app/pages/lead-page.js"));
        assertEquals("no-cache", HttpHardening.caching("/i18n/de.json"));
        // the API sets no-store through securityHeaders; the rest sets its own
        assertNull(HttpHardening.caching("/api/v1/leads"));
        assertNull(HttpHardening.caching("/openapi"));
    }
}
