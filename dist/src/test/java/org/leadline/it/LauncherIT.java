package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README's start, {@code java -jar leadline.jar} without JVM options: the launcher runs the
 * server in a JVM of its own with its production options (a bounded heap, the Serial collector, two
 * C heaps) and stops it when it is stopped itself; a start whose application fails to deploy ends
 * the process instead of leaving a server that answers nothing.
 */
class LauncherIT {

    @Test
    void withoutAHeapLimitTheServerRunsInABoundedJvmOfItsOwnThatStopsWithTheLauncher() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/environ")), "reads the server JVM's environment from /proc");
        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-launcher-"), Map.of(), List.of());
        try {
            assertEquals(200, server.api().get("/health/live").status());
            List<ProcessHandle> children = ProcessHandle.of(server.pid()).orElseThrow().children().toList();
            assertEquals(1, children.size(), "the launcher's child processes: " + children);
            ProcessHandle serverJvm = children.get(0);

            List<String> options = Arrays.asList(serverJvm.info().arguments().orElseThrow());
            assertTrue(options.contains("-Xmx512m"), "server JVM options: " + options);
            assertTrue(options.contains("-XX:+UseSerialGC"), "server JVM options: " + options);
            assertTrue(options.contains("-Dleadline.launcher.server-jvm=true"), "server JVM options: " + options);
            List<String> environment = Arrays.asList(
                    Files.readString(Path.of("/proc", Long.toString(serverJvm.pid()), "environ")).split("\0"));
            assertTrue(environment.contains("MALLOC_ARENA_MAX=2"), "MALLOC_ARENA_MAX of the server JVM: "
                    + environment.stream().filter(e -> e.startsWith("MALLOC_")).toList());

            server.stop();
            serverJvm.onExit().get(60, TimeUnit.SECONDS);
            assertFalse(serverJvm.isAlive(), "the server JVM outlived the launcher");
        } finally {
            server.discard();
        }
    }

    @Test
    void aServerWhoseApplicationFailsToDeployStopsAndSaysWhy() throws Exception {
        Path dir = Files.createTempDirectory("leadline-launcher-");
        try {
            // the deployment fails at its first start: the platform administrator's password is refused
            IllegalStateException failed = assertThrows(IllegalStateException.class, () -> LeadlineServer.start(dir,
                    Map.of("LEADLINE_BOOTSTRAP_ADMIN_PASSWORD", "secret-password-2"), List.of()));
            assertTrue(failed.getMessage().contains("The server exited during start"), failed.getMessage());
            String log = Files.readString(dir.resolve("server.log"));
            assertTrue(log.contains("leadline.bootstrap.admin.password: is too easy to guess"), "the reason is logged:\n" + log);
            assertTrue(log.contains("Leadline did not start: the server application failed to deploy"), log);
            assertFalse(log.contains("Leadline is ready"), "a server without its application said it was ready");
        } finally {
            LeadlineServer.deleteFolder(dir);
            LeadlineServer.dropOwnDatabase(dir);
        }
    }
}
