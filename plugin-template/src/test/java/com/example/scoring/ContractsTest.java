package com.example.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.tck.ExtensionContracts;

/**
 * The TCK's contract checks on the compiled extensions, without a server: null results, 16 threads
 * at once, settings defaults against their own bounds, and the rest of each kind's contract.
 */
class ContractsTest {

    @Test
    void everyExtensionKeepsTheContractOfItsKind() throws Exception {
        assertEquals(List.of(), ExtensionContracts.check(Path.of("target", "classes")));
    }
}
