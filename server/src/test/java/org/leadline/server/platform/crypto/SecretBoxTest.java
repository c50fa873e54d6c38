package org.leadline.server.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

class SecretBoxTest {

    private static final String HERE = SecretBox.settingContext("tenant-a", "source-email", "email", "imapPassword");

    @Test
    void theFirstStartCreatesAKeyOnlyItsOwnerCanReadAndTheNextStartUsesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("secrets-keyset.json");
        SecretBox first = SecretBox.load(Optional.empty(), file);
        assertTrue(Files.exists(file));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        JsonObject sealed = first.seal(HERE, Json.createValue("mailbox password"));
        assertFalse(sealed.toString().contains("mailbox password"), sealed::toString);
        assertTrue(SecretBox.isSealed(sealed));
        SecretBox again = SecretBox.load(Optional.empty(), file);
        assertEquals(Json.createValue("mailbox password"), again.open(HERE, sealed));
    }

    @Test
    void aSealedValueOpensOnlyWhereItBelongs(@TempDir Path dir) throws Exception {
        SecretBox box = SecretBox.load(Optional.empty(), dir.resolve("k.json"));
        JsonObject sealed = box.seal(HERE, Json.createValue(42));
        assertEquals(Json.createValue(42), box.open(HERE, sealed), "a value keeps its JSON type");
        String otherTenant = SecretBox.settingContext("tenant-b", "source-email", "email", "imapPassword");
        assertThrows(GeneralSecurityException.class, () -> box.open(otherTenant, sealed));
        SecretBox otherKey = SecretBox.load(Optional.empty(), dir.resolve("other.json"));
        assertThrows(GeneralSecurityException.class, () -> otherKey.open(HERE, sealed));
        assertFalse(SecretBox.isSealed(Json.createValue("plain")));
        assertFalse(SecretBox.isSealed(JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void afterARotationOldValuesStillOpenAndAreKnownToNeedSealingAgain(@TempDir Path dir) throws Exception {
        AeadConfig.register();
        KeysetHandle old = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        SecretBox before = SecretBox.of(TinkJsonProtoKeysetFormat.serializeKeyset(old, InsecureSecretKeyAccess.get()));
        JsonObject sealedBefore = before.seal(HERE, Json.createValue("s3cret"));
        assertTrue(before.sealedWithPrimary(sealedBefore));

        KeysetHandle.Builder rotated = KeysetHandle.newBuilder(old);
        rotated.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId());
        rotated.getAt(1).makePrimary();
        SecretBox after = SecretBox.of(TinkJsonProtoKeysetFormat.serializeKeyset(rotated.build(), InsecureSecretKeyAccess.get()));
        assertEquals(Json.createValue("s3cret"), after.open(HERE, sealedBefore), "the old key still opens");
        assertFalse(after.sealedWithPrimary(sealedBefore), "sealed with the old key: to be sealed again");
        JsonObject sealedAfter = after.seal(HERE, after.open(HERE, sealedBefore));
        assertTrue(after.sealedWithPrimary(sealedAfter));
        assertThrows(GeneralSecurityException.class, () -> before.open(HERE, sealedAfter), "the new key is needed now");
    }

    @Test
    void aConfiguredKeysetWinsOverTheFile(@TempDir Path dir) throws Exception {
        AeadConfig.register();
        String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        SecretBox box = SecretBox.load(Optional.of(keyset), dir.resolve("unused.json"));
        assertFalse(Files.exists(dir.resolve("unused.json")));
        assertEquals(Json.createValue("x"), SecretBox.of(keyset).open(HERE, box.seal(HERE, Json.createValue("x"))));
        assertThrows(IllegalStateException.class, () -> SecretBox.of("{\"not\": \"a keyset\"}"));
    }
}
