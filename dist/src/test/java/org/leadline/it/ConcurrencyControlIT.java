package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Tenant settings that two administrators can change at once carry an ETag (their version) and take
 * an optional If-Match: a change based on what another one replaced is refused with 412, and the
 * refused change leaves the settings as they were.
 */
class ConcurrencyControlIT {

    static final LeadlineServer server = LeadlineServer.shared();

    @Test
    void captureSettingsRefuseAChangeBasedOnAnOlderVersion() {
        Api admin = Fixtures.newTenant(server).api();
        String path = "/api/v1/settings/capture";
        Api.Response first = admin.get(path);
        assertEquals("\"0\"", first.etag(), "version 0 until an administrator changes the settings");

        Api.Response changed = admin.put(path, policy("REJECT"), Map.of("If-Match", first.etag()));
        assertEquals(200, changed.status(), changed::toString);
        assertNotEquals(first.etag(), changed.etag());
        assertEquals(changed.etag(), admin.get(path).etag());

        Api.Response stale = admin.put(path, policy("WARN"), Map.of("If-Match", first.etag()));
        assertEquals(412, stale.status(), stale::toString);
        assertEquals("REJECT", admin.get(path).json().getString("duplicatePolicy"), "the refused change left nothing");
        assertEquals(200, admin.put(path, policy("WARN"), Map.of()).status(), "If-Match is optional");
    }

    @Test
    void theProcessChoiceRefusesAChangeBasedOnAnOlderVersion() {
        Api admin = Fixtures.newTenant(server).api();
        Api.Response first = admin.get("/api/v1/processes");
        assertEquals("\"0\"", first.etag(), first::toString);
        JsonObject sales = Json.createObjectBuilder().add("process", "process-sales/sales").build();

        Api.Response chosen = admin.put("/api/v1/processes/current", sales, Map.of("If-Match", first.etag()));
        assertEquals(200, chosen.status(), chosen::toString);
        assertNotEquals(first.etag(), chosen.etag());
        assertEquals(chosen.etag(), admin.get("/api/v1/processes").etag());

        Api.Response stale = admin.put("/api/v1/processes/current", sales, Map.of("If-Match", first.etag()));
        assertEquals(412, stale.status(), stale::toString);
        Api.Response again = admin.put("/api/v1/processes/current", sales, Map.of("If-Match", chosen.etag()));
        assertEquals(200, again.status(), again::toString);
        assertNotEquals(chosen.etag(), again.etag(), "every change is a new version");
    }

    @Test
    void anExtensionsChoiceRefusesAChangeBasedOnAnOlderVersion() {
        Api admin = Fixtures.newTenant(server).api();
        String path = "/api/v1/extensions/scoring-bant/bant";
        Api.Response first = admin.get(path);
        assertEquals(200, first.status(), first::toString);
        assertNotNull(first.etag());

        Api.Response configured = admin.put(path + "/settings",
                Json.createObjectBuilder().add("minimumBudget", 100000).build(), Map.of("If-Match", first.etag()));
        assertEquals(200, configured.status(), configured::toString);
        assertNotEquals(first.etag(), configured.etag());
        assertEquals(configured.etag(), admin.get(path).etag(), "this node sees its own change at once");

        Api.Response stale = admin.put(path + "/settings",
                Json.createObjectBuilder().add("minimumBudget", 5).build(), Map.of("If-Match", first.etag()));
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(412, admin.send("POST", path + "/disable", null, null, Map.of("If-Match", first.etag())).status());
        assertEquals(100000, admin.get(path).json().getJsonObject("values").getInt("minimumBudget"),
                "the refused changes left nothing");

        Api.Response disabled = admin.send("POST", path + "/disable", null, null, Map.of("If-Match", configured.etag()));
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(false, disabled.json().getBoolean("enabled"));
        assertEquals(200, admin.post(path + "/enable").status(), "If-Match is optional");
    }

    private static JsonObject policy(String policy) {
        return Json.createObjectBuilder().add("duplicatePolicy", policy).build();
    }
}
