package org.leadline.server.platform.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Seals secret values (plugin settings marked secret, such as the mailbox password or the webhook's
 * signing secret) before they are stored, and opens them when they are read, with Google Tink's
 * AEAD (AES-256-GCM). Each sealed value is bound to where it belongs (tenant, extension, setting
 * name): a value copied into another tenant's row does not open. The keyset comes from
 * configuration ({@link #KEYSET}, a Tink JSON keyset), or from a file ({@link #KEYSET_FILE},
 * default {@code secrets-keyset.json} in the data folder) that is created with one new key on the
 * first start. Every node sharing a database needs the same keyset. A keyset may hold several keys:
 * the primary one seals, all of them open, which is how keys are rotated (docs/configuration.md).
 *
 * <p>A sealed value is stored as {@code {"sealed": "<base64 of Tink's ciphertext>"}}; Tink's
 * ciphertext starts with the id of the key that sealed it.
 */
public final class SecretBox {

    /** A Tink keyset in JSON (cleartext keyset format): for installations that keep keys in their secret store. */
    public static final String KEYSET = "leadline.secrets.keyset";
    /** The file holding the keyset when {@link #KEYSET} is not set; created on the first start when missing. */
    public static final String KEYSET_FILE = "leadline.secrets.keyset-file";

    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final String SEALED = "sealed";

    private final Aead aead;
    private final int primaryKeyId;

    private SecretBox(KeysetHandle keyset) throws GeneralSecurityException {
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    /** A box with the given keyset (Tink JSON). */
    public static SecretBox of(String keysetJson) {
        try {
            AeadConfig.register();
            return new SecretBox(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secrets keyset cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * The installation's box: the configured keyset, else the keyset file, which is created with a
     * new key (readable by its owner only) when it does not exist.
     */
    public static SecretBox load(Optional<String> keyset, Path file) {
        if (keyset.isPresent() && !keyset.get().isBlank()) {
            return of(keyset.get());
        }
        try {
            if (!Files.exists(file)) {
                AeadConfig.register();
                String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), ".secrets-keyset", ".tmp");
                try {
                    Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's permissions protect it
                }
                Files.writeString(fresh, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(fresh);
                    if (!Files.exists(file)) {
                        throw e;
                    }
                }
                LOG.warning("Created a new key for secret settings in " + file + ". Back it up with the database: "
                        + "without it stored secrets cannot be read. Every server node sharing the database needs "
                        + "the same keyset (" + KEYSET + " or " + KEYSET_FILE + ").");
            }
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The secrets keyset " + file + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    /** Whether a stored value is sealed. */
    public static boolean isSealed(JsonValue v) {
        return v instanceof JsonObject o && o.size() == 1 && o.get(SEALED) instanceof jakarta.json.JsonString;
    }

    /** Seals a value (its JSON text) for the place {@code context} names. */
    public JsonObject seal(String context, JsonValue value) {
        try {
            byte[] ciphertext = aead.encrypt(value.toString().getBytes(StandardCharsets.UTF_8), ad(context));
            return Json.createObjectBuilder().add(SEALED, Base64.getEncoder().encodeToString(ciphertext)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret cannot be sealed", e);
        }
    }

    /**
     * Opens a sealed value for the place {@code context} names.
     *
     * @throws GeneralSecurityException when no key of the keyset opens it, or it belongs elsewhere
     */
    public JsonValue open(String context, JsonValue sealed) throws GeneralSecurityException {
        if (!isSealed(sealed)) {
            throw new GeneralSecurityException("not a sealed value");
        }
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(((JsonObject) sealed).getString(SEALED));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a sealed value", e);
        }
        String text = new String(aead.decrypt(ciphertext, ad(context)), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader("[" + text + "]"))) {
            return reader.readArray().get(0);
        }
    }

    /** Whether a sealed value was sealed with the primary key (else it is sealed again after a rotation). */
    public boolean sealedWithPrimary(JsonValue sealed) {
        if (!isSealed(sealed)) {
            return false;
        }
        byte[] ciphertext = Base64.getDecoder().decode(((JsonObject) sealed).getString(SEALED));
        // Tink's prefix: a version byte, then the key id (big-endian).
        return ciphertext.length > 5 && ciphertext[0] == 1
                && java.nio.ByteBuffer.wrap(ciphertext, 1, 4).getInt() == primaryKeyId;
    }

    /** Where a secret setting belongs: what its seal is bound to. */
    public static String settingContext(String tenantId, String pluginId, String extensionId, String setting) {
        return "tenant-extension-setting\u0000" + tenantId + "\u0000" + pluginId + "\u0000" + extensionId + "\u0000" + setting;
    }

    private static byte[] ad(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
