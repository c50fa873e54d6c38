package org.leadline.plugin.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The plugin template builds outside this repository, as a partner's copy would: the plugin API, the
 * TCK and the BOM of this build are put in a Maven repository of the test's own (the shared local
 * repository is only read, through links, never written), the template is copied to a temporary
 * folder, and {@code mvn -o package} runs there: it compiles against the API the BOM names, runs the
 * rule's unit test and the TCK's contract checks, and packs a plugin jar without the API in it.
 */
class PluginTemplateIT {

    private static final Path ROOT = Path.of(System.getProperty("leadline.root", "..")).toAbsolutePath().normalize();
    private static final String API = System.getProperty("leadline.plugin-api.version");

    @Test
    void theTemplateBuildsOutsideTheRepositoryAgainstTheBomAndPassesTheContractChecks() throws Exception {
        assertNotNull(API, "leadline.plugin-api.version is not set");
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertEquals(API, managedVersion(bom, "leadline-plugin-api"), "the BOM's plugin API version");
        assertEquals(API, managedVersion(bom, "leadline-plugin-tck"), "the BOM's TCK version");
        assertEquals(System.getProperty("leadline.pf4j.version"), managedVersion(bom, "pf4j"), "the BOM's PF4J version");
        assertEquals(System.getProperty("leadline.slf4j.version"), managedVersion(bom, "slf4j-api"), "the BOM's SLF4J version");
        assertEquals(System.getProperty("leadline.junit.version"), managedVersion(bom, "junit-bom"), "the BOM's JUnit version");
        assertTrue(Files.readString(ROOT.resolve("plugin-template/pom.xml"))
                .contains("<leadline.version>" + API + "</leadline.version>"), "the template builds against plugin API " + API);

        Path shared = Path.of(System.getProperty("leadline.shared-repository",
                System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
        boolean bomWasShared = Files.exists(shared.resolve("org/leadline/leadline-bom"));
        Path repository = readOnlyView(shared, Path.of("target", "partner-repository").toAbsolutePath());
        publish(repository, "leadline-plugin-api", ROOT.resolve("plugin-api/target/leadline-plugin-api-" + API + ".jar"),
                ROOT.resolve("plugin-api/target/.flattened-pom.xml"));
        publish(repository, "leadline-plugin-tck", ROOT.resolve("plugin-tck/target/leadline-plugin-tck-" + API + ".jar"),
                ROOT.resolve("plugin-tck/target/.flattened-pom.xml"));
        publish(repository, "leadline-bom", null, ROOT.resolve("bom/pom.xml"));

        Path project = Files.createTempDirectory("leadline-plugin-template-");
        try {
            copy(ROOT.resolve("plugin-template"), project);
            Path log = Path.of("target", "plugin-template-build.log").toAbsolutePath();
            Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
            Process build = new ProcessBuilder(mvn.toString(), "-o", "-B", "package",
                    "-Dmaven.repo.local=" + repository)
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the template's build did not finish in 5 minutes");
            String output = Files.readString(log);
            assertEquals(0, build.exitValue(), () -> "the template's build failed (" + log + "):\n"
                    + output.substring(Math.max(0, output.length() - 4000)));
            assertTrue(output.contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"), "unit test and contract checks ran: " + log);

            Path jar = project.resolve("target/budget-scoring-1.0.0.jar");
            try (JarFile j = new JarFile(jar.toFile())) {
                assertEquals("budget-scoring", j.getManifest().getMainAttributes().getValue("Plugin-Id"));
                assertEquals("1.0.0", j.getManifest().getMainAttributes().getValue("Plugin-Version"));
                assertTrue(new String(j.getInputStream(j.getEntry("META-INF/extensions.idx")).readAllBytes())
                        .contains("com.example.scoring.BudgetRule"), "the PF4J index names the rule");
                assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("org/leadline/") || e.getName().startsWith("org/pf4j/")),
                        "the plugin API and PF4J are provided, not bundled");
            }
            assertEquals(List.of(), ExtensionContracts.check(jar), "the packed jar keeps its contracts too");
        } finally {
            delete(project);
        }
        assertEquals(bomWasShared, Files.exists(shared.resolve("org/leadline/leadline-bom")),
                "nothing was installed into the shared local repository");
    }

    private static String managedVersion(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A local repository of the test's own that sees every artifact of the shared one through links,
     * except Leadline's own, which the test puts there: the template's build finds the plugins and
     * libraries it needs offline, and what it resolves of Leadline comes from this build.
     */
    private static Path readOnlyView(Path shared, Path view) throws IOException {
        delete(view);
        Files.createDirectories(view.resolve("org"));
        try (Stream<Path> top = Files.list(shared)) {
            for (Path p : top.toList()) {
                if (!p.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(view.resolve(p.getFileName().toString()), p);
                }
            }
        }
        try (Stream<Path> orgs = Files.list(shared.resolve("org"))) {
            for (Path p : orgs.toList()) {
                if (!p.getFileName().toString().equals("leadline")) {
                    Files.createSymbolicLink(view.resolve("org").resolve(p.getFileName().toString()), p);
                }
            }
        }
        return view;
    }

    /** Lays an artifact out as an installation would. */
    private static void publish(Path repository, String artifactId, Path jar, Path pom) throws IOException {
        Path dir = Files.createDirectories(repository.resolve("org/leadline").resolve(artifactId).resolve(API));
        assertTrue(Files.isRegularFile(pom), "not built: " + pom);
        Files.copy(pom, dir.resolve(artifactId + "-" + API + ".pom"));
        if (jar != null) {
            assertTrue(Files.isRegularFile(jar), "not built: " + jar);
            Files.copy(jar, dir.resolve(artifactId + "-" + API + ".jar"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        assertFalse(to.startsWith(ROOT), "the copy is outside the repository");
    }

    /** Deletes a tree without following links: the shared repository behind them stays as it is. */
    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
