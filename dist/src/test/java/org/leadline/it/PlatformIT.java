package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** What operators and client developers get without signing in: the API description, health and metrics. */
class PlatformIT {

    static final LeadlineServer server = LeadlineServer.shared();

    @Test
    void theOpenApiDocumentDescribesTheLeadApi() {
        Api.Response r = server.api().get("/openapi");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.body().contains("/api/v1/leads"), r.body());
        assertTrue(r.body().contains("/api/v1/leads/{id}"), "item paths too");
        assertTrue(r.body().contains("/api/v1/auth/login"));
        Api.Response json = server.api().get("/openapi", Map.of("Accept", "application/json"));
        assertEquals(200, json.status());
        assertTrue(json.json().getJsonObject("paths").containsKey("/api/v1/leads"), json.body());
    }

    @Test
    void livenessAndReadinessAreUp() {
        for (String path : new String[] {"/health/live", "/health/ready", "/health"}) {
            Api.Response r = server.api().get(path);
            assertEquals(200, r.status(), path + ": " + r);
            JsonObject health = r.json();
            assertEquals("UP", health.getString("status"), path);
        }
        String ready = server.api().get("/health/ready").body();
        assertTrue(ready.contains("leadline-database"), ready);
        assertTrue(ready.contains(LeadlineServer.onPostgresql() ? "PostgreSQL" : "Derby"), ready);
    }

    @Test
    void metricsAreServed() {
        Api.Response r = server.api().get("/metrics");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.body().contains("# TYPE") || r.body().contains("{"), r.body());
        Api owner = server.api().login(LeadlineServer.OWNER, LeadlineServer.OWNER_PASSWORD);
        Api.Response leads = owner.get("/api/v1/leads");
        assertEquals(200, leads.status(), "the first tenant's administrator works leads");
        // rating a lead calls the built-in BANT rules through the guard, which counts per plugin
        assertEquals(201, owner.post("/api/v1/leads", Fixtures.tradeFairLead(LeadlineServer.unique("Metric"))).status());
        String metrics = server.api().get("/metrics").body();
        java.util.regex.Matcher calls = java.util.regex.Pattern
                .compile("(?m)^leadline_plugin_calls\\{[^}]*plugin=\"scoring-bant\"[^}]*\\} ([0-9.eE+]+)$").matcher(metrics);
        assertTrue(calls.find(), "plugin calls are published: " + metrics.lines()
                .filter(l -> l.contains("leadline_plugin")).toList());
        assertTrue(Double.parseDouble(calls.group(1)) >= 1, calls.group());
        assertTrue(metrics.contains("leadline_plugin_failures{"), "failures are published too");
    }
}
