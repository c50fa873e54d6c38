package org.leadline.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLoaderBoundaryTest {

    @TempDir
    Path dir;

    @Test
    void theHostApiLoggingAndTheJdkAlwaysComeFromTheServer() {
        for (String name : new String[] {"java.lang.String", "jakarta.json.JsonObject", "org.pf4j.Plugin",
                "org.slf4j.Logger", "org.leadline.plugin.api.LeadView", "org.leadline.plugin.api.lifecycle.LeadLifecycleListener"}) {
            assertTrue(ClassLoaderBoundary.parentFirst(name), name);
        }
        assertFalse(ClassLoaderBoundary.parentFirst("com.fasterxml.jackson.databind.ObjectMapper"));
        assertFalse(ClassLoaderBoundary.parentFirst("org.leadline.server.lead.Lead"));
    }

    @Test
    void aPluginMayBringItsOwnJakartaMailAndActivationButNoOtherJakartaApi() {
        assertFalse(ClassLoaderBoundary.parentFirst("jakarta.mail.internet.MimeMessage"));
        assertFalse(ClassLoaderBoundary.parentFirst("jakarta.activation.DataHandler"));
        assertTrue(ClassLoaderBoundary.parentFirst("jakarta.mailx.Other"));
        assertTrue(ClassLoaderBoundary.parentFirst("jakarta.persistence.EntityManager"));
    }

    @Test
    void anArchiveBundlingThePluginApiDirectlyOrInANestedJarIsRefused() throws IOException {
        assertEquals(Optional.empty(), ClassLoaderBoundary.bundledHostClasses(jar("clean.jar", "com/example/Listener.class")));
        assertTrue(ClassLoaderBoundary.bundledHostClasses(jar("fat.jar", "org/leadline/plugin/api/LeadView.class"))
                .orElseThrow().contains("the Leadline plugin API"));
        Path inner = jar("pf4j-3.15.0.jar", "org/pf4j/Plugin.class");
        Path zip = dir.resolve("plugin.zip");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new JarEntry("plugin.properties"));
            out.putNextEntry(new JarEntry("lib/pf4j-3.15.0.jar"));
            out.write(Files.readAllBytes(inner));
        }
        String reason = ClassLoaderBoundary.bundledHostClasses(zip).orElseThrow();
        assertTrue(reason.contains("lib/pf4j-3.15.0.jar") && reason.contains("pf4j"), reason);
    }

    private Path jar(String name, String entry) throws IOException {
        Path p = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p))) {
            out.putNextEntry(new JarEntry(entry));
            try (OutputStream ignored = OutputStream.nullOutputStream()) {
                out.write(new byte[] {1, 2, 3});
            }
        }
        return p;
    }
}
