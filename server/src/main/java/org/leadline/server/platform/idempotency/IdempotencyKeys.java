package org.leadline.server.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

import org.leadline.server.platform.Settings;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.TenantPersistence;

/** Checks and records {@code Idempotency-Key}s inside the creating transaction. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** Validates a key from the header; null when absent. */
    public static String validate(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.parameter(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        return key;
    }

    /**
     * The resource a previous request with this key created, if any and not expired; refuses a key
     * reused for a different request.
     */
    public static Optional<String> previous(EntityManager em, String scope, String key, String requestHash) {
        IdempotencyRecord rec = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(scope, key));
        if (rec == null || rec.createdAt().plus(Settings.idempotencyTtl()).isBefore(Timestamps.now())) {
            if (rec != null) {
                // A statement naming the tenant, not em.remove: the entity's key (scope, key) leaves the
                // tenant out, and so would the DELETE EclipseLink derives from it, taking another
                // tenant's record with the same key along.
                em.createNativeQuery("DELETE FROM idempotency_keys WHERE tenant_id = ? AND scope = ? AND idem_key = ?")
                        .setParameter(1, em.getProperties().get(TenantPersistence.TENANT_PROPERTY))
                        .setParameter(2, scope).setParameter(3, key).executeUpdate();
                em.detach(rec);
            }
            return Optional.empty();
        }
        if (!rec.requestHash().equals(requestHash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body; use a new key");
        }
        return Optional.of(rec.resourceId());
    }

    /**
     * Records the key before the resource is written and flushes, so that a concurrent request
     * with the same key waits on the unique index and then fails instead of creating a twin.
     */
    public static void record(EntityManager em, String scope, String key, String requestHash, String resourceId) {
        em.persist(new IdempotencyRecord(scope, key, requestHash, resourceId));
        em.flush();
    }

    /** A fingerprint of a JSON request that does not depend on key order or white space. */
    public static String fingerprint(JsonObject body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(body).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject o) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            Map<String, JsonValue> sorted = new TreeMap<>(o);
            sorted.forEach((k, v) -> b.add(k, canonical(v)));
            return b.build();
        }
        if (value instanceof JsonArray a) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            a.forEach(v -> b.add(canonical(v)));
            return b.build();
        }
        return value;
    }
}
