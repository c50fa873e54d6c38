package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class LeadSmokeIT {

    @Test
    void aTradeFairLeadIsCreatedAndReadBack() {
        LeadlineServer server = LeadlineServer.shared();
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api.Response created = tenant.api().post("/api/v1/leads", Fixtures.tradeFairLead("Schmidt"));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertNotNull(created.header("location"));

        Api.Response read = tenant.api().get("/api/v1/leads/" + id);
        assertEquals(200, read.status());
        assertEquals("Schmidt", read.json().getJsonObject("person").getString("lastName"));
        assertEquals("OPEN", read.json().getString("status"));
        assertEquals(created.etag(), read.etag());
    }
}
