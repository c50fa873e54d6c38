package org.leadline.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Test data built through the API, the way a customer would set things up. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A new tenant and its administrator (who also works leads), signed in. */
    public record TenantAdmin(String tenantId, String slug, String username, Api api, String userId, String password) {
    }

    /** A user of a tenant, signed in. */
    public record User(String id, String username, String password, Api api) {
    }

    /** Signing in costs a deliberately slow password hash, so each server's admin session is reused. */
    private static final java.util.Map<LeadlineServer, Api> PLATFORM_ADMINS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    public static Api platformAdmin(LeadlineServer server) {
        return PLATFORM_ADMINS.computeIfAbsent(server,
                s -> s.api().login(LeadlineServer.ADMIN, LeadlineServer.ADMIN_PASSWORD));
    }

    public static TenantAdmin newTenant(LeadlineServer server) {
        String slug = LeadlineServer.unique("t");
        String username = slug + "-admin";
        String password = "password-of-" + slug;
        Api.Response r = platformAdmin(server).post("/api/v1/tenants", Json.createObjectBuilder()
                .add("slug", slug).add("name", "Tenant " + slug)
                .add("admin", Json.createObjectBuilder().add("username", username).add("password", password))
                .build());
        if (r.status() != 201) {
            throw new AssertionError("creating tenant failed: " + r);
        }
        return new TenantAdmin(r.json().getString("id"), slug, username, server.api().login(slug, username, password),
                r.json().getJsonObject("admin").getString("id"), password);
    }

    /** A new user of the tenant with the given roles (e.g. "SALES"), created by its administrator and signed in. */
    public static User newUser(LeadlineServer server, TenantAdmin tenant, String... roles) {
        String username = LeadlineServer.unique("u");
        String password = "password-of-" + username;
        var roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        Api.Response r = tenant.api().post("/api/v1/users", Json.createObjectBuilder()
                .add("username", username).add("displayName", "User " + username)
                .add("email", username + "@example.com").add("roles", roleArray).add("password", password).build());
        if (r.status() != 201) {
            throw new AssertionError("creating user failed: " + r);
        }
        return new User(r.json().getString("id"), username, password, server.api().login(tenant.slug(), username, password));
    }

    /** A minimal valid lead: only what is required. */
    public static JsonObject minimalLead(String lastName) {
        return Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("lastName", lastName))
                .add("origin", Json.createObjectBuilder().add("source", "WEB"))
                .build();
    }

    /** A valid lead: a trade-fair contact whose budget and need are known. */
    /**
     * The seed rule set of the browser tests and the lead-page benchmark: budget and need matching
     * give 50 points and recommend a proposal, a trade-fair source 20; HOT from 60, WARM from 30.
     */
    public static JsonObject seedRules() {
        JsonObject budgetAndNeed = Json.createObjectBuilder().add("id", "budget-and-need").add("points", 50)
                .add("name", "Budget and need match")
                .add("when", Json.createObjectBuilder().add("all", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("budgetAtLeast",
                                Json.createObjectBuilder().add("amount", 20000).add("currency", "EUR")))
                        .add(Json.createObjectBuilder().add("present", "need"))))
                .add("recommend", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Send a proposal")
                        .add("kind", "PROPOSAL").add("priority", "HIGH").add("dueInDays", 3)))
                .build();
        JsonObject fromTheFair = Json.createObjectBuilder().add("id", "trade-fair").add("points", 20)
                .add("name", "Met at a trade fair")
                .add("when", Json.createObjectBuilder().add("sourceIn", Json.createArrayBuilder().add("TRADE_FAIR")))
                .build();
        return Json.createObjectBuilder()
                .add("thresholds", Json.createObjectBuilder().add("hot", 60).add("warm", 30))
                .add("rules", Json.createArrayBuilder().add(budgetAndNeed).add(fromTheFair)).build();
    }

    public static JsonObject tradeFairLead(String lastName) {
        return Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder()
                        .add("salutation", "Ms.").add("firstName", "Anna").add("lastName", lastName)
                        .add("jobTitle", "Head of Sales").add("email", lastName.toLowerCase() + "@acme.example")
                        .add("businessPhone", "+49 30 1234567").add("preferredContactMethod", "EMAIL")
                        .add("language", "de"))
                .add("company", Json.createObjectBuilder()
                        .add("name", "ACME GmbH").add("website", "https://acme.example").add("industry", "Manufacturing")
                        .add("employees", 250)
                        .add("annualRevenue", Json.createObjectBuilder().add("amount", 12000000).add("currency", "EUR"))
                        .add("address", Json.createObjectBuilder().add("street", "Hauptstr. 1").add("postalCode", "10115")
                                .add("city", "Berlin").add("country", "DE")))
                .add("origin", Json.createObjectBuilder().add("source", "TRADE_FAIR").add("detail", "Hannover Messe 2026"))
                .add("qualification", Json.createObjectBuilder()
                        .add("budget", Json.createObjectBuilder().add("amount", 50000).add("currency", "EUR"))
                        .add("need", "Replace spreadsheets for lead tracking")
                        .add("purchaseTimeframe", "THIS_QUARTER").add("decisionMaker", true)
                        .add("purchaseProcess", "COMMITTEE"))
                .add("topic", "CRM for the sales team")
                .build();
    }
}
