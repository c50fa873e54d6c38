package org.leadline.server.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UiPageTest {

    @Test
    void theImportMapIsAllowedByTheHashOfExactlyItsText() {
        // echo -n '{"imports":{}}' | openssl dgst -sha256 -binary | base64
        assertEquals(" 'sha256-URrTy+Il/Nz0lHojVUx275hWqAWhkSF0VsHbUM4/6Hw='",
                UiPage.hashesOf("<head><script type=\"importmap\">{\"imports\":{}}</script></head>"));
        assertEquals("", UiPage.hashesOf("<head><script src=\"app.js\"></script></head>"));
    }
}
