package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two tenants on one server: neither can see or touch anything of the other. */
class TenantIsolationIT {

    private static final String LEADS = "/api/v1/leads";
    private static final String UNKNOWN = "01890000-0000-7000-8000-000000000000";

    static LeadlineServer server;
    static Fixtures.TenantAdmin a;
    static Fixtures.TenantAdmin b;
    static String bLead;
    static String bEtag;
    static JsonObject bLeadBody;

    @BeforeAll
    static void twoTenants() {
        server = LeadlineServer.shared();
        a = Fixtures.newTenant(server);
        b = Fixtures.newTenant(server);
        Api.Response r = b.api().post(LEADS, Fixtures.tradeFairLead("Geheimnis"));
        assertEquals(201, r.status(), r::toString);
        bLead = r.json().getString("id");
        bEtag = r.etag();
        bLeadBody = r.json();
        assertEquals(201, a.api().post(LEADS, Fixtures.tradeFairLead("Offen")).status());
    }

    /** The answer for another tenant's id is the answer for an id that does not exist. */
    static void sameAsNonExistent(Api.Response foreign, Api.Response missing) {
        assertEquals(404, missing.status(), missing::toString);
        assertEquals(missing.status(), foreign.status(), foreign::toString);
        assertEquals(missing.header("content-type"), foreign.header("content-type"));
        JsonObject f = foreign.json();
        JsonObject m = missing.json();
        assertEquals(m.getString("type"), f.getString("type"));
        assertEquals(m.getString("title"), f.getString("title"));
        assertEquals(m.getString("detail").replace(UNKNOWN, "ID"), f.getString("detail").replace(bLead, "ID"));
    }

    @Test
    void anotherTenantsLeadIsNotFoundForReadReplacePatchAndDelete() {
        Api api = a.api();
        sameAsNonExistent(api.get(LEADS + "/" + bLead), api.get(LEADS + "/" + UNKNOWN));
        sameAsNonExistent(api.get(LEADS + "/" + bLead, Map.of("If-None-Match", bEtag)),
                api.get(LEADS + "/" + UNKNOWN, Map.of("If-None-Match", bEtag)));
        JsonObject replacement = Fixtures.tradeFairLead("Uebernommen");
        sameAsNonExistent(api.put(LEADS + "/" + bLead, replacement, Map.of("If-Match", bEtag)),
                api.put(LEADS + "/" + UNKNOWN, replacement, Map.of("If-Match", bEtag)));
        sameAsNonExistent(api.put(LEADS + "/" + bLead, replacement, Map.of()),
                api.put(LEADS + "/" + UNKNOWN, replacement, Map.of()));
        JsonObject patch = Json.createObjectBuilder().add("topic", "hijacked").build();
        sameAsNonExistent(api.patch(LEADS + "/" + bLead, patch, Map.of("If-Match", "*")),
                api.patch(LEADS + "/" + UNKNOWN, patch, Map.of("If-Match", "*")));
        sameAsNonExistent(api.delete(LEADS + "/" + bLead, Map.of("If-Match", bEtag)),
                api.delete(LEADS + "/" + UNKNOWN, Map.of("If-Match", bEtag)));
        sameAsNonExistent(api.delete(LEADS + "/" + bLead, Map.of("If-Match", "*")),
                api.delete(LEADS + "/" + UNKNOWN, Map.of("If-Match", "*")));

        Api.Response still = b.api().get(LEADS + "/" + bLead);
        assertEquals(200, still.status(), "the lead survived every attempt");
        assertEquals(bEtag, still.etag());
        assertEquals(bLeadBody, still.json());
    }

    @Test
    void anotherTenantsLeadNeverAppearsInListsOrSearch() {
        Api api = a.api();
        // A search word in each order: newest first, by name and by company are merged from the
        // words' runs of the search index, the others read the word's rows; every plan names the tenant.
        for (String query : List.of("limit=200", "q=geheimnis", "q=acme", "source=TRADE_FAIR&limit=200",
                "status=OPEN&limit=200", "ownerId=" + b.userId(), "sort=lastName&limit=200", "createdFrom=2000-01-01",
                "q=geheimnis&sort=lastName", "q=geheimnis&sort=-lastName", "q=geheimnis&sort=companyName",
                "q=geheimnis&sort=-companyName", "q=geheimnis&sort=createdAt", "q=geheimnis&sort=-updatedAt")) {
            Api.Response r = api.get(LEADS + "?" + query);
            assertEquals(200, r.status(), r::toString);
            assertTrue(r.items().stream().map(JsonValue::asJsonObject).noneMatch(l -> l.getString("id").equals(bLead)),
                    query);
            assertTrue(r.items().stream().map(JsonValue::asJsonObject)
                    .noneMatch(l -> l.getJsonObject("person").getString("lastName").equals("Geheimnis")), query);
        }
        assertEquals(1, api.get(LEADS + "?limit=200").items().size(), "A sees exactly its own lead");
        assertEquals(0, api.get(LEADS + "?q=geheimnis").items().size());
        assertEquals(1, b.api().get(LEADS + "?q=geheimnis").items().size(), "while B finds it");
        assertEquals(1, b.api().get(LEADS + "?q=geheimnis&sort=lastName").items().size(), "by name too");
        assertEquals(1, b.api().get(LEADS + "?q=geheimnis&sort=companyName").items().size(), "and by company");
    }

    @Test
    void anIdempotencyKeyOfAnotherTenantIsIndependent() {
        String key = LeadlineServer.unique("shared-key");
        Api.Response forB = b.api().post(LEADS, Fixtures.tradeFairLead("Schluessel"), Map.of("Idempotency-Key", key));
        assertEquals(201, forB.status(), forB::toString);
        Api.Response forA = a.api().post(LEADS, Fixtures.tradeFairLead("Schluessel"), Map.of("Idempotency-Key", key));
        assertEquals(201, forA.status(), forA::toString);
        assertEquals(null, forA.header("idempotent-replayed"), "A's create is not a replay of B's");
        assertTrue(!forA.json().getString("id").equals(forB.json().getString("id")));
        Api.Response otherBody = a.api().post(LEADS, Fixtures.tradeFairLead("Anders"), Map.of("Idempotency-Key",
                LeadlineServer.unique("k")));
        assertEquals(201, otherBody.status());
        assertEquals(204, a.api().delete(LEADS + "/" + forA.json().getString("id"), Map.of("If-Match", "*")).status());
        assertEquals(204, a.api().delete(LEADS + "/" + otherBody.json().getString("id"), Map.of("If-Match", "*")).status());
        assertEquals(204, b.api().delete(LEADS + "/" + forB.json().getString("id"), Map.of("If-Match", "*")).status());
    }

    @Test
    void usersOfAnotherTenantAreInvisibleToItsAdministrator() {
        Fixtures.User bSeller = Fixtures.newUser(server, b, "SALES");
        Api api = a.api();
        sameUserAnswer(api.get("/api/v1/users/" + bSeller.id()), api.get("/api/v1/users/" + UNKNOWN), bSeller.id());
        sameUserAnswer(api.get("/api/v1/users/" + b.userId()), api.get("/api/v1/users/" + UNKNOWN), b.userId());
        JsonObject disable = Json.createObjectBuilder().add("status", "DISABLED").build();
        sameUserAnswer(api.patch("/api/v1/users/" + bSeller.id(), disable, Map.of()),
                api.patch("/api/v1/users/" + UNKNOWN, disable, Map.of()), bSeller.id());
        Api.Response list = api.get("/api/v1/users?limit=200");
        assertEquals(200, list.status());
        List<String> ids = list.items().stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(a.userId()), ids, "A lists only its own administrator");
        assertEquals(200, bSeller.api().get(LEADS).status(), "B's seller was not disabled by A");
        Api.Response token = api.post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "steal")
                .add("userId", bSeller.id()).build());
        assertTrue(token.status() == 404 || token.status() == 400, token::toString);
        assertEquals(0, api.get("/api/v1/api-tokens").items().size());
    }

    static void sameUserAnswer(Api.Response foreign, Api.Response missing, String foreignId) {
        assertEquals(404, missing.status(), missing::toString);
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(missing.problemType(), foreign.problemType());
        assertEquals(missing.json().getString("detail").replace(UNKNOWN, "ID"),
                foreign.json().getString("detail").replace(foreignId, "ID"));
    }

    @Test
    void apiTokensOfAnotherTenantAreInvisibleToItsAdministrator() {
        Api.Response created = b.api().post("/api/v1/api-tokens", Json.createObjectBuilder().add("name", "b-robot").build());
        assertEquals(201, created.status(), created::toString);
        String tokenId = created.json().getString("id");
        String secret = created.json().getString("token");
        Api api = a.api();
        sameUserAnswer(api.get("/api/v1/api-tokens/" + tokenId), api.get("/api/v1/api-tokens/" + UNKNOWN), tokenId);
        sameUserAnswer(api.delete("/api/v1/api-tokens/" + tokenId, Map.of()),
                api.delete("/api/v1/api-tokens/" + UNKNOWN, Map.of()), tokenId);
        assertTrue(api.get("/api/v1/api-tokens?limit=200").items().stream()
                .noneMatch(t -> t.asJsonObject().getString("id").equals(tokenId)));

        Api robot = server.api().as(secret);
        Api.Response leads = robot.get(LEADS + "?limit=200");
        assertEquals(200, leads.status(), "B's token still works after A's revoke attempt: " + leads);
        assertTrue(leads.items().stream().anyMatch(l -> l.asJsonObject().getString("id").equals(bLead)),
                "and it acts for tenant B");
        assertTrue(leads.items().stream().noneMatch(l -> l.asJsonObject().getJsonObject("person").getString("lastName").equals("Offen")));
    }
}
