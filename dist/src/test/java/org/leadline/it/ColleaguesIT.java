package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * A seller sees the names of the tenant's users (to know who wrote what and to filter the
 * timeline by a colleague), and nothing more of them; never another tenant's users.
 */
class ColleaguesIT {

    @Test
    void aSellerSeesTheNamesOfTheTenantsUsersOnly() {
        LeadlineServer server = LeadlineServer.shared();
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        Fixtures.User colleague = Fixtures.newUser(server, tenant, "SALES");
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        Fixtures.User stranger = Fixtures.newUser(server, other, "SALES");

        assertEquals(403, seller.api().get("/api/v1/users").status(), "the user administration is not for sellers");
        Api.Response list = seller.api().get("/api/v1/colleagues?limit=100");
        assertEquals(200, list.status(), list::toString);
        Set<String> ids = list.items().stream().map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
        assertEquals(Set.of(tenant.userId(), seller.id(), colleague.id()), ids);
        JsonObject named = list.items().stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(colleague.id())).findFirst().orElseThrow();
        assertEquals("User " + colleague.username(), named.getString("displayName"));
        assertTrue(named.getBoolean("active"));
        assertFalse(named.containsKey("username") || named.containsKey("email") || named.containsKey("roles"),
                "a colleague's sign-in name, address and roles stay with the administration: " + named);

        Set<String> theirs = stranger.api().get("/api/v1/colleagues?limit=100").items().stream()
                .map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
        assertEquals(Set.of(other.userId(), stranger.id()), theirs);
        assertEquals(401, server.api().get("/api/v1/colleagues").status());
    }
}
