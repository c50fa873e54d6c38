package org.leadline.it.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * Scoring plugins see the facts around a lead that the tenant's rules see: the built-in BANT
 * plugin gives its authority points for a decision maker among the stakeholders when the lead does
 * not say whether its contact person decides.
 */
class PluginLeadFactsIT {

    private static final Path TEST_PLUGINS = Path.of(System.getProperty("leadline.it.test-plugins", "target/test-plugins"));

    private static LeadlineServer server;

    @BeforeAll
    static void start() {
        server = LeadlineServer.shared();
    }

    /** Budget, need and timeframe met; whether the contact person decides is not stated. */
    static JsonObject undecidedLead(String lastName) {
        JsonObject lead = Fixtures.tradeFairLead(lastName);
        JsonObject q = Json.createObjectBuilder(lead.getJsonObject("qualification")).remove("decisionMaker").build();
        return Json.createObjectBuilder(lead).add("qualification", q).build();
    }

    private static JsonObject bant(JsonObject scoring) {
        return scoring.getJsonArray("reasons").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals("scoring-bant/bant")).findFirst().orElseThrow(() -> new AssertionError(scoring.toString()));
    }

    private static boolean recommends(JsonObject scoring, String text) {
        return scoring.getJsonArray("recommendations").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getString("text").equals(text));
    }

    private static void stakeholder(Api as, String lead, String name, String role) {
        Api.Response r = as.post("/api/v1/leads/" + lead + "/stakeholders", Json.createObjectBuilder()
                .add("name", name).add("role", role).build());
        assertEquals(201, r.status(), r::toString);
    }

    @Test
    void aDecisionMakerAmongTheStakeholdersGivesTheBantPluginsAuthorityPoints() {
        Api admin = Fixtures.newTenant(server).api();
        String lead = QualificationIT.lead(admin, undecidedLead("Authority"));
        JsonObject scoring = QualificationIT.qualification(admin, lead);
        assertEquals(30, bant(scoring).getInt("points"), scoring::toString);
        assertTrue(recommends(scoring, "Find the decision maker"), scoring::toString);

        stakeholder(admin, lead, "Tom Kraus", "GATEKEEPER");
        assertEquals(30, bant(QualificationIT.qualification(admin, lead)).getInt("points"), "a gatekeeper does not decide");

        stakeholder(admin, lead, "Dr. Eva Berg", "DECISION_MAKER");
        scoring = QualificationIT.qualification(admin, lead);
        assertEquals(40, bant(scoring).getInt("points"), scoring::toString);
        assertEquals(40, scoring.getInt("score"));
        assertTrue(bant(scoring).getString("text").contains("decision maker among the stakeholders"), scoring::toString);
        assertTrue(recommends(scoring, "Send a proposal"), scoring::toString);

        // Stated that the contact person does not decide: the plugin goes by that.
        Api.Response patched = admin.patch("/api/v1/leads/" + lead, Json.createObjectBuilder()
                .add("qualification", Json.createObjectBuilder().add("decisionMaker", false)).build(),
                Map.of("If-Match", admin.get("/api/v1/leads/" + lead).etag()));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals(30, bant(patched.json().getJsonObject("scoring")).getInt("points"), patched::toString);

        // Another tenant's lead with the same data has no stakeholders: this tenant's do not count there.
        Api other = Fixtures.newTenant(server).api();
        String theirs = QualificationIT.lead(other, undecidedLead("Authority"));
        assertEquals(30, bant(QualificationIT.qualification(other, theirs)).getInt("points"));
    }

    /**
     * A scoring plugin is shown the lead's stakeholders, competitors, interactions (with the last
     * contact) and notes, counted as the tenant's rules count them, and they follow every change.
     */
    @Test
    void aScoringPluginSeesTheFactsAroundTheLead() throws Exception {
        Api.Response installed = upload(Fixtures.platformAdmin(server), TEST_PLUGINS.resolve("facts-probe.jar"));
        assertTrue(installed.status() == 201 || installed.status() == 200, installed::toString);
        Api admin = Fixtures.newTenant(server).api();
        Api.Response enabled = admin.post("/api/v1/extensions/facts-probe/probe/enable");
        assertEquals(200, enabled.status(), enabled::toString);

        String lead = QualificationIT.lead(admin, Fixtures.minimalLead("Probed"));
        String base = "/api/v1/leads/" + lead;
        assertEquals("stakeholders=0 decisionMakerAmongStakeholders=false competitors=0 interactions=0 lastContactAt=null"
                + " daysSinceLastContact=null notes=0", probe(admin, lead));

        stakeholder(admin, lead, "Tom Kraus", "GATEKEEPER");
        stakeholder(admin, lead, "Dr. Eva Berg", "DECISION_MAKER");
        created(admin, base + "/competitors", Json.createObjectBuilder().add("name", "Rival AG").build());
        Instant lastCall = Instant.now().minus(3, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        created(admin, base + "/interactions", Json.createObjectBuilder().add("medium", "PHONE").add("direction", "OUTBOUND")
                .add("purpose", "product information").add("occurredAt", lastCall.minus(10, ChronoUnit.DAYS).toString()).build());
        created(admin, base + "/interactions", Json.createObjectBuilder().add("medium", "EMAIL").add("direction", "INBOUND")
                .add("purpose", "question").add("occurredAt", lastCall.toString()).build());
        Api.Response note = created(admin, base + "/notes", Json.createObjectBuilder().add("text", "Prefers e-mail").build());
        assertEquals("stakeholders=2 decisionMakerAmongStakeholders=true competitors=1 interactions=2 lastContactAt=" + lastCall
                + " daysSinceLastContact=3 notes=1", probe(admin, lead));

        // Removing a note re-rates the lead too, so the plugin never sees stale facts.
        Api.Response removed = admin.delete(base + "/notes/" + note.json().getString("id"), Map.of("If-Match", note.etag()));
        assertEquals(204, removed.status(), removed::toString);
        assertTrue(probe(admin, lead).endsWith(" notes=0"), () -> probe(admin, lead));

        // Another tenant with the plugin on sees none of it on its own lead.
        Api other = Fixtures.newTenant(server).api();
        assertEquals(200, other.post("/api/v1/extensions/facts-probe/probe/enable").status());
        String theirs = QualificationIT.lead(other, Fixtures.minimalLead("Probed"));
        assertTrue(probe(other, theirs).startsWith("stakeholders=0 decisionMakerAmongStakeholders=false competitors=0"),
                () -> probe(other, theirs));
    }

    private static String probe(Api as, String lead) {
        JsonObject scoring = QualificationIT.qualification(as, lead);
        return scoring.getJsonArray("reasons").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals("facts-probe/probe")).findFirst().orElseThrow(() -> new AssertionError(scoring.toString()))
                .getString("text");
    }

    private static Api.Response created(Api as, String path, JsonObject body) {
        Api.Response r = as.post(path, body);
        assertEquals(201, r.status(), r::toString);
        return r;
    }

    private static Api.Response upload(Api api, Path archive) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/admin/plugins"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(archive));
        if (api.token() != null) {
            b.header("Authorization", "Bearer " + api.token());
        }
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new HashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(", ", v)));
        return new Api.Response(r.statusCode(), headers, r.body());
    }
}
