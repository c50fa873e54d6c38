package org.leadline.server.tenancy;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.leadline.server.platform.json.Json;

/** JSON forms of tenants, users and tokens. Secrets and hashes never appear here. */
final class TenancyJson {

    private TenancyJson() {
    }

    static JsonObject tenant(Tenant t) {
        return Json.createObjectBuilder()
                .add("id", t.id())
                .add("slug", t.slug())
                .add("name", t.name())
                .add("status", t.status().name())
                .add("createdAt", t.createdAt().toString())
                .add("updatedAt", t.updatedAt().toString())
                .add("version", t.version())
                .build();
    }

    static JsonObject user(UserAccount u) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        u.roles().forEach(r -> roles.add(r.name()));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", u.id())
                .add("username", u.username())
                .add("displayName", u.displayName());
        if (u.email() != null) {
            b.add("email", u.email());
        }
        if (u.tenantId() != null) {
            b.add("tenantId", u.tenantId());
        }
        return b.add("roles", roles)
                .add("status", u.status().name())
                .add("createdAt", u.createdAt().toString())
                .add("updatedAt", u.updatedAt().toString())
                .add("version", u.version())
                .build();
    }

    static JsonObject token(AccessToken t) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", t.id())
                .add("kind", t.kind().name())
                .add("userId", t.userId())
                .add("createdAt", t.createdAt().toString())
                .add("expiresAt", t.expiresAt().toString());
        if (t.name() != null) {
            b.add("name", t.name());
        }
        if (t.lastUsedAt() != null) {
            b.add("lastUsedAt", t.lastUsedAt().toString());
        }
        if (t.revokedAt() != null) {
            b.add("revokedAt", t.revokedAt().toString());
        }
        return b.build();
    }
}
