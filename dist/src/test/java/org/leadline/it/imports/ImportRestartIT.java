package org.leadline.it.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A server of its own, with small import chunks and a small upload limit: the server process is
 * killed in the middle of an import and started again; the import resumes where its last chunk
 * committed and ends with exactly the rows of the file, none lost and none twice.
 */
class ImportRestartIT {

    private static final int ROWS = 12_000;

    static LeadlineServer server;

    @BeforeAll
    static void start() throws IOException {
        server = LeadlineServer.start(Files.createTempDirectory("leadline-it-import-"),
                Map.of("LEADLINE_IMPORT_CHUNK_SIZE", "100", "LEADLINE_IMPORT_MAX_UPLOAD_BYTES", "6000000"));
    }

    @AfterAll
    static void discard() {
        if (server != null) {
            server.discard();
        }
    }

    /** Duplicates among the file's rows: the first row of every chunk but the first repeats the row before it. */
    static final int DUPLICATES = ROWS / 100 - 1;

    /**
     * The first row of every hundred (a chunk) but the first repeats the e-mail address of the row
     * before it, the last row of the chunk before: found while that chunk may still be being written.
     */
    static byte[] file() {
        StringBuilder b = new StringBuilder("firstName,lastName,companyName,email,city\n");
        for (int i = 0; i < ROWS; i++) {
            int person = i % 100 == 0 && i > 0 ? i - 1 : i;
            b.append("Person").append(i).append(",Restart").append(i % 977).append(",Company ").append(i % 5003)
                    .append(",p").append(person).append("@restart.example,City ").append(i % 31).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKilledServerResumesTheImportWithoutLosingOrDuplicatingRows() throws Exception {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api api = tenant.api();
        byte[] csv = file();
        assertTrue(csv.length < 6_000_000);
        Api.Response started = api.sendChunked("POST", "/api/v1/imports?name=restart.csv", csv, "text/csv");
        assertEquals(202, started.status(), started.toString());
        String id = started.json().getString("id");

        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonObject seen = null;
        while (System.nanoTime() < deadline) {
            seen = api.get("/api/v1/imports/" + id).json();
            if (seen.getInt("rowsRead") >= 300) {
                break;
            }
            Thread.sleep(20);
        }
        assertEquals("RUNNING", seen.getString("state"), "the import is under way when the server dies: " + seen);
        assertTrue(seen.getInt("rowsRead") < ROWS, seen.toString());
        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(server.pid()).ifPresent(p -> p.onExit().join());
        server.restart();

        Api again = server.api().login(tenant.slug(), tenant.username(), tenant.password());
        JsonObject done = ImportIT.awaitEnd(again, id, 900);
        assertEquals("DONE", done.getString("state"), done.toString());
        assertEquals(ROWS, done.getInt("rowsRead"), done.toString());
        assertEquals(ROWS - DUPLICATES, done.getInt("created"), done.toString());
        assertEquals(DUPLICATES, done.getInt("skippedAsDuplicate"), done.toString());
        assertEquals(0, done.getInt("failed"), done.toString());

        List<CSVRecord> exported = ImportIT.csv(again.get("/api/v1/leads/export").body());
        assertEquals(ROWS - DUPLICATES + 1, exported.size(), "every created lead once, and the header");
        int email = exported.get(0).toList().indexOf("email");
        Set<String> emails = new HashSet<>();
        for (CSVRecord r : exported.subList(1, exported.size())) {
            assertTrue(emails.add(r.get(email)), "lead " + r.get(email) + " exists once");
        }
        // Search terms were written with the leads of every chunk.
        assertEquals(1, again.get("/api/v1/leads?q=" + Api.q("p11999@restart.example")).items().size());
    }

    @Test
    void anUploadOverTheLimitIs413() {
        Api api = Fixtures.newTenant(server).api();
        byte[] big = new byte[6_500_000];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy("lastName\n".getBytes(StandardCharsets.UTF_8), 0, big, 0, 9);
        Api.Response chunked = api.sendChunked("POST", "/api/v1/imports", big, "text/csv");
        assertEquals(413, chunked.status(), chunked.toString());
        Api.Response declared = api.send("POST", "/api/v1/imports", new String(big, StandardCharsets.UTF_8), "text/csv", Map.of());
        assertEquals(413, declared.status(), declared.toString());
        assertEquals(0, api.get("/api/v1/imports").items().size());
    }
}
