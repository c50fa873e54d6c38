package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** What operators and client developers get: the API description and health without signing in, metrics with a token. */
class PlatformIT {

    static final LeadlineServer server = LeadlineServer.shared();

    @Test
    void theOpenApiDocumentIsServedAsYamlOrJsonWithItsMediaType() {
        Api.Response yaml = server.api().get("/openapi");
        assertEquals(200, yaml.status(), yaml::toString);
        assertTrue(yaml.header("content-type").startsWith("application/yaml"), yaml.header("content-type"));
        assertTrue(yaml.body().startsWith("openapi: 3.0.3"), yaml.body().substring(0, 40));
        assertTrue(yaml.body().contains("  /api/v1/leads/{id}:"), "block-style YAML with the item paths");
        assertTrue(yaml.body().contains("operationId: listLeadInteractions"), "the lead's sub-resources are there");
        assertFalse(yaml.body().contains("/null/"), "no stand-in paths");

        Api.Response byAccept = server.api().get("/openapi", Map.of("Accept", "application/json"));
        assertEquals(200, byAccept.status());
        assertTrue(byAccept.header("content-type").startsWith("application/json"));
        JsonObject document = byAccept.json();
        assertTrue(document.getJsonObject("paths").containsKey("/api/v1/leads"), byAccept.body());
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("Lead"));
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        JsonObject login = document.getJsonObject("paths").getJsonObject("/api/v1/auth/login").getJsonObject("post");
        assertEquals(0, login.getJsonArray("security").size(), "signing in needs no token");

        Api.Response byParameter = server.api().get("/openapi?format=json");
        assertEquals(byAccept.body(), byParameter.body());
        assertEquals(byAccept.header("etag"), byParameter.header("etag"));
        assertEquals(304, server.api().get("/openapi?format=json", Map.of("If-None-Match", byParameter.header("etag")))
                .status(), "the document is cached by its ETag");
        Api.Response unknown = server.api().get("/openapi?format=xml");
        assertEquals(400, unknown.status());
        assertTrue(unknown.header("content-type").startsWith("application/problem+json"), unknown::toString);
    }

    @Test
    void theInteractiveReferenceIsServedFromTheServerWithAStrictPolicy() {
        Api.Response page = server.api().get("/api-docs/");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("content-type").startsWith("text/html"));
        String policy = page.header("content-security-policy");
        assertTrue(policy != null && policy.contains("script-src 'self'") && !policy.contains("unsafe-eval"), policy);
        assertFalse(page.body().contains("<script>"), "no inline script");
        java.util.regex.Matcher bundle = java.util.regex.Pattern.compile("src=\"\\.\\./(webjars/swagger-ui/[^\"]+)\"")
                .matcher(page.body());
        assertTrue(bundle.find(), page.body());
        assertEquals(200, server.api().get("/" + bundle.group(1)).status(), "Swagger UI comes from the server, no CDN");
        Api.Response script = server.api().get("/api-docs/reference.js");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("openapi?format=json"));
    }

    @Test
    void theBrowserUiIsServedAtTheRootWithItsImportMapAllowedByHashOnly() throws Exception {
        Api.Response page = server.api().get("/");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("content-type").startsWith("text/html"));
        java.util.regex.Matcher map = java.util.regex.Pattern.compile("<script type=\"importmap\">(.*?)</script>",
                java.util.regex.Pattern.DOTALL).matcher(page.body());
        assertTrue(map.find(), page.body());
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(map.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String policy = page.header("content-security-policy");
        assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "';"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("style-src 'self'"), policy);
        // no inline script but the import map, and every module it names is served by the server
        assertEquals(3, page.body().split("<script", -1).length, "the import map and one module: " + page.body());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app/main.js\"></script>"), page.body());
        java.util.regex.Matcher modules = java.util.regex.Pattern.compile("\"\\./(webjars/[^\"]+\\.js)\"").matcher(map.group(1));
        int found = 0;
        while (modules.find()) {
            found++;
            assertEquals(200, server.api().get("/" + modules.group(1)).status(), modules.group(1));
        }
        assertTrue(found >= 3, map.group(1));
        assertEquals(200, server.api().get("/app/main.js").status());
        assertEquals(200, server.api().get("/i18n/de.json").status());
    }

    @Test
    void payarasDataGridIsNotStarted() throws Exception {
        // the launcher switches Hazelcast off before Payara boots; a member announces itself in the log
        String log = server.log();
        assertTrue(log.contains("hazelcast-config-specific-configuration.enabled=false"), "pre-boot command not run");
        assertFalse(log.contains("Hazelcast Instance Bound to JNDI"), "a Hazelcast member started");
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
    void metricsAreServedToTheMetricsTokenAndPlatformAdministratorsOnly() {
        Api.Response anonymous = server.api().get("/metrics");
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertTrue(anonymous.header("content-type").startsWith("application/problem+json"), anonymous::toString);
        assertEquals(401, server.api().as("not-a-token").get("/metrics").status());
        Api tenantAdmin = Fixtures.newTenant(server).api();
        Api.Response forbidden = tenantAdmin.get("/metrics");
        assertEquals(403, forbidden.status(), "a tenant administrator reads no metrics: " + forbidden);
        assertEquals(200, Fixtures.platformAdmin(server).get("/metrics").status(), "a platform administrator does");

        Api.Response r = server.api().as(LeadlineServer.METRICS_TOKEN).get("/metrics");
        assertEquals(200, r.status(), r::toString);
        assertEquals("no-store", r.header("cache-control"));
        assertTrue(r.body().contains("# TYPE") || r.body().contains("{"), r.body());
        Api owner = server.api().login(LeadlineServer.OWNER, LeadlineServer.OWNER_PASSWORD);
        Api.Response leads = owner.get("/api/v1/leads");
        assertEquals(200, leads.status(), "the first tenant's administrator works leads");
        // rating a lead calls the built-in BANT rules through the guard, which counts per plugin
        assertEquals(201, owner.post("/api/v1/leads", Fixtures.tradeFairLead(LeadlineServer.unique("Metric"))).status());
        String metrics = server.api().as(LeadlineServer.METRICS_TOKEN).get("/metrics").body();
        java.util.regex.Matcher calls = java.util.regex.Pattern
                .compile("(?m)^leadline_plugin_calls\\{[^}]*plugin=\"scoring-bant\"[^}]*\\} ([0-9.eE+]+)$").matcher(metrics);
        assertTrue(calls.find(), "plugin calls are published: " + metrics.lines()
                .filter(l -> l.contains("leadline_plugin")).toList());
        assertTrue(Double.parseDouble(calls.group(1)) >= 1, calls.group());
        assertTrue(metrics.contains("leadline_plugin_failures{"), "failures are published too");
    }
}
