package org.leadline.it.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/** Closing leads: qualification into contact, account and opportunity; disqualifying; deleting. */
class ConversionIT {

    private static final Path TEST_PLUGINS = Path.of(System.getProperty("leadline.it.test-plugins", "target/test-plugins"));

    private static LeadlineServer server;
    private static Fixtures.TenantAdmin tenant;
    private static Api admin;
    private static Api seller;
    private static Api other;

    @BeforeAll
    static void aTenantWithASeller() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        admin = tenant.api();
        seller = Fixtures.newUser(server, tenant, "SALES").api();
        other = Fixtures.newTenant(server).api();
    }

    private static String newLead(Api as, JsonObject body) {
        Api.Response r = as.post("/api/v1/leads", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static JsonObject lead(String lastName, String email, String company, String website) {
        JsonObject base = Fixtures.tradeFairLead(lastName);
        return Json.createObjectBuilder(base)
                .add("person", Json.createObjectBuilder(base.getJsonObject("person")).add("email", email))
                .add("company", website == null
                        ? Json.createObjectBuilder(base.getJsonObject("company")).add("name", company).remove("website")
                        : Json.createObjectBuilder(base.getJsonObject("company")).add("name", company).add("website", website))
                .build();
    }

    private static Api.Response qualify(Api as, String lead, String query, JsonObject body) {
        return as.post("/api/v1/leads/" + lead + "/qualify" + query, body);
    }

    private static int count(Api as, String path) {
        Api.Response r = as.get(path + "?limit=100");
        assertEquals(200, r.status(), r::toString);
        return r.items().size();
    }

    private static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }

    @Test
    void qualificationCreatesContactAccountAndOpportunityExactlyOnceEvenWhenRunConcurrently() throws Exception {
        // A tenant of its own: the counts below are the whole tenant's.
        Api seller = Fixtures.newUser(server, Fixtures.newTenant(server), "SALES").api();
        String lead = newLead(seller, lead("Kranz", "p.kranz@kranz-maschinen.example", "Kranz Maschinenbau GmbH",
                "https://www.kranz-maschinen.example"));
        assertEquals(201, seller.post("/api/v1/leads/" + lead + "/stakeholders", Json.createObjectBuilder()
                .add("name", "Dr. Eva Berg").add("role", "DECISION_MAKER").build()).status());
        assertEquals(201, seller.post("/api/v1/leads/" + lead + "/competitors", Json.createObjectBuilder()
                .add("name", "BigCRM Inc.").add("status", "ACTIVE").build()).status());
        String versionBefore = seller.get("/api/v1/leads/" + lead).etag();
        JsonObject body = Json.createObjectBuilder().add("opportunity", Json.createObjectBuilder()
                .add("topic", "CRM rollout").add("estimatedValue", Json.createObjectBuilder().add("amount", 42000)
                        .add("currency", "eur")).add("expectedCloseDate", "2026-12-15")).build();

        // A dry run tells exactly what would happen and changes nothing.
        Api.Response dry = qualify(seller, lead, "?dryRun=true", body);
        assertEquals(200, dry.status(), dry::toString);
        assertTrue(dry.json().getBoolean("dryRun"));
        assertEquals("CREATED", dry.json().getJsonObject("contact").getString("action"));
        assertEquals("CREATED", dry.json().getJsonObject("account").getString("action"));
        assertEquals("CREATED", dry.json().getJsonObject("opportunity").getString("action"));
        assertEquals(1, dry.json().getJsonObject("opportunity").getInt("stakeholdersCarriedOver"));
        Api.Response after = seller.get("/api/v1/leads/" + lead);
        assertEquals("OPEN", after.json().getString("status"));
        assertEquals(versionBefore, after.etag(), "the dry run did not touch the lead");
        assertEquals(0, count(seller, "/api/v1/contacts"));
        assertEquals(0, count(seller, "/api/v1/accounts"));
        assertEquals(0, count(seller, "/api/v1/opportunities"));

        // Eight sellers press "qualify" at once: one creates, the others get the same result.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit((Callable<Api.Response>) () -> qualify(seller, lead, "", body)));
        }
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            answers.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, answers.stream().filter(r -> r.status() == 201).count(), answers::toString);
        assertEquals(7, answers.stream().filter(r -> r.status() == 200 && "true".equals(r.header("idempotent-replayed"))).count(),
                answers::toString);
        Set<String> opportunityIds = new HashSet<>();
        answers.forEach(r -> opportunityIds.add(r.json().getJsonObject("opportunity").getString("id")));
        assertEquals(1, opportunityIds.size(), "every answer names the one opportunity");
        assertEquals(1, count(seller, "/api/v1/contacts"));
        assertEquals(1, count(seller, "/api/v1/accounts"));
        assertEquals(1, count(seller, "/api/v1/opportunities"));
        Api.Response retried = qualify(seller, lead, "", body);
        assertEquals(200, retried.status());
        assertEquals(opportunityIds.iterator().next(), retried.json().getJsonObject("opportunity").getString("id"));

        // The lead is qualified and read-only.
        Api.Response qualified = seller.get("/api/v1/leads/" + lead);
        assertEquals("QUALIFIED", qualified.json().getString("status"));
        // ... and links to what qualification made of it.
        JsonObject conversion = qualified.json().getJsonObject("conversion");
        assertNotNull(conversion, qualified::toString);
        assertEquals(retried.json().getJsonObject("contact").getString("id"), conversion.getString("contactId"));
        assertEquals(retried.json().getJsonObject("account").getString("id"), conversion.getString("accountId"));
        assertEquals(retried.json().getJsonObject("opportunity").getString("id"), conversion.getString("opportunityId"));
        assertTrue(conversion.getString("opportunityHref").endsWith("/api/v1/opportunities/"
                + conversion.getString("opportunityId")), conversion::toString);
        assertTrue(conversion.getString("contactHref").endsWith("/api/v1/contacts/" + conversion.getString("contactId")));
        assertTrue(conversion.getString("accountHref").endsWith("/api/v1/accounts/" + conversion.getString("accountId")));
        Api.Response edit = seller.patch("/api/v1/leads/" + lead, Json.createObjectBuilder().add("topic", "x").build(),
                ifMatch(qualified.etag()));
        assertEquals(409, edit.status(), edit::toString);
        assertEquals(409, seller.post("/api/v1/leads/" + lead + "/process/stage",
                Json.createObjectBuilder().add("stage", "develop").build()).status());

        // The opportunity carries the deal over; it has its own pipeline and can be won.
        String oppId = opportunityIds.iterator().next();
        Api.Response opp = seller.get("/api/v1/opportunities/" + oppId);
        assertEquals(200, opp.status(), opp::toString);
        assertEquals("CRM rollout", opp.json().getString("topic"));
        assertEquals(lead, opp.json().getString("leadId"));
        assertEquals("EUR", opp.json().getJsonObject("estimatedValue").getString("currency"));
        assertEquals(50000, opp.json().getJsonObject("budget").getJsonNumber("amount").intValue());
        assertEquals("2026-12-15", opp.json().getString("expectedCloseDate"));
        assertEquals("Dr. Eva Berg", opp.json().getJsonArray("stakeholders").getJsonObject(0).getString("name"));
        assertEquals("BigCRM Inc.", opp.json().getJsonArray("competitors").getJsonObject(0).getString("name"));
        assertEquals("PROSPECTING", opp.json().getString("stage"));
        Api.Response proposal = seller.patch("/api/v1/opportunities/" + oppId,
                Json.createObjectBuilder().add("stage", "PROPOSAL").build(), ifMatch(opp.etag()));
        assertEquals(200, proposal.status(), proposal::toString);
        Api.Response stale = seller.patch("/api/v1/opportunities/" + oppId,
                Json.createObjectBuilder().add("stage", "NEGOTIATION").build(), ifMatch(opp.etag()));
        assertEquals(412, stale.status());
        Api.Response won = seller.post("/api/v1/opportunities/" + oppId + "/win",
                Json.createObjectBuilder().add("reason", "Best fit").build());
        assertEquals(200, won.status(), won::toString);
        assertEquals("WON", won.json().getString("stage"));
        assertEquals(409, seller.post("/api/v1/opportunities/" + oppId + "/lose", JsonValue.EMPTY_JSON_OBJECT).status());

        // Contact and account are readable and editable with If-Match.
        String contactId = retried.json().getJsonObject("contact").getString("id");
        Api.Response contact = seller.get("/api/v1/contacts/" + contactId);
        assertEquals("p.kranz@kranz-maschinen.example", contact.json().getString("email"));
        assertEquals(retried.json().getJsonObject("account").getString("id"), contact.json().getString("accountId"));
        Api.Response renamed = seller.patch("/api/v1/contacts/" + contactId,
                Json.createObjectBuilder().add("jobTitle", "CEO").build(), ifMatch(contact.etag()));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("CEO", renamed.json().getString("jobTitle"));
        assertEquals(428, seller.patch("/api/v1/contacts/" + contactId,
                Json.createObjectBuilder().add("jobTitle", "CTO").build(), Map.of()).status());
        String accountId = retried.json().getJsonObject("account").getString("id");
        Api.Response account = seller.get("/api/v1/accounts/" + accountId);
        assertEquals("Kranz Maschinenbau GmbH", account.json().getString("name"));

        // Another tenant sees none of it.
        assertEquals(0, count(other, "/api/v1/contacts"));
        assertEquals(0, count(other, "/api/v1/accounts"));
        assertEquals(0, count(other, "/api/v1/opportunities"));
        assertEquals(404, other.get("/api/v1/contacts/" + contactId).status());
        assertEquals(404, other.get("/api/v1/accounts/" + accountId).status());
        assertEquals(404, other.get("/api/v1/opportunities/" + oppId).status());
        assertEquals(404, other.post("/api/v1/opportunities/" + oppId + "/lose", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(404, qualify(other, lead, "", JsonValue.EMPTY_JSON_OBJECT).status());
    }

    @Test
    void aMatchingAccountOrContactIsLinkedNotDuplicated() {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        String first = newLead(t.api(), lead("Vogel", "vogel@nordlicht.example", "Nordlicht AG", "https://nordlicht.example"));
        assertEquals(201, qualify(t.api(), first, "", JsonValue.EMPTY_JSON_OBJECT).status());
        String accountId = t.api().get("/api/v1/accounts").items().getJsonObject(0).getString("id");

        // Same company, written differently, another person.
        String second = newLead(t.api(), lead("Specht", "specht@nordlicht.example", "NORDLICHT, ag.", null));
        Api.Response dry = qualify(t.api(), second, "?dryRun=true", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals("LINKED", dry.json().getJsonObject("account").getString("action"), dry::toString);
        assertEquals(accountId, dry.json().getJsonObject("account").getString("id"));
        assertEquals("same company name", dry.json().getJsonObject("account").getString("matchedBy"));
        assertEquals("CREATED", dry.json().getJsonObject("contact").getString("action"));
        Api.Response done = qualify(t.api(), second, "", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, done.status(), done::toString);
        assertEquals("LINKED", done.json().getJsonObject("account").getString("action"));
        assertEquals(accountId, done.json().getJsonObject("account").getString("id"));

        // Another company name, the same website: linked; the same e-mail: the contact is linked.
        String third = newLead(t.api(), lead("Vogel", "VOGEL@nordlicht.example ", "Nordlicht Holding", "http://www.nordlicht.example/kontakt"));
        Api.Response linked = qualify(t.api(), third, "", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, linked.status(), linked::toString);
        assertEquals("same website", linked.json().getJsonObject("account").getString("matchedBy"));
        assertEquals("LINKED", linked.json().getJsonObject("contact").getString("action"));
        assertEquals(1, count(t.api(), "/api/v1/accounts"));
        assertEquals(2, count(t.api(), "/api/v1/contacts"));
        assertEquals(3, count(t.api(), "/api/v1/opportunities"));

        // Every page but the last names the next one in page.nextCursor and in Link rel=next.
        for (String list : List.of("/api/v1/contacts", "/api/v1/opportunities")) {
            Set<String> seen = new HashSet<>();
            String next = list + "?limit=1";
            int pages = 0;
            while (next != null) {
                Api.Response page = t.api().get(next);
                assertEquals(200, page.status(), page::toString);
                page.items().forEach(i -> seen.add(i.asJsonObject().getString("id")));
                assertEquals(1, page.json().getJsonObject("page").getInt("limit"));
                String cursor = page.json().getJsonObject("page").getString("nextCursor", null);
                String link = page.header("link");
                assertEquals(cursor == null, link == null, page::toString);
                if (link != null) {
                    assertTrue(link.contains("rel=\"next\"") && link.contains("cursor=" + cursor), link);
                }
                next = cursor == null ? null : list + "?limit=1&cursor=" + cursor;
                pages++;
            }
            assertEquals(list.endsWith("contacts") ? 2 : 3, seen.size(), list);
            assertEquals(seen.size(), pages, list);
        }
        // An open lead has no conversion member.
        assertNull(t.api().get("/api/v1/leads/" + newLead(t.api(), Fixtures.tradeFairLead("Fink")))
                .json().get("conversion"));
    }

    @Test
    void aVetoingConversionHandlerRollsEverythingBack() throws Exception {
        Api.Response installed = upload(Fixtures.platformAdmin(server), TEST_PLUGINS.resolve("conversion-veto.jar"));
        assertTrue(installed.status() == 201 || installed.status() == 200, installed::toString);
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        Api.Response enabled = t.api().post("/api/v1/extensions/conversion-veto/veto/enable");
        assertEquals(200, enabled.status(), enabled::toString);

        String vetoed = newLead(t.api(), lead("Rot", "rot@vetoed.example", "Vetoed Ltd", "https://vetoed.example"));
        Api.Response refused = qualify(t.api(), vetoed, "", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.header("content-type").startsWith("application/problem+json"));
        assertTrue(refused.json().getString("detail").contains("the credit check refused Vetoed Ltd"), refused::toString);
        assertEquals("OPEN", t.api().get("/api/v1/leads/" + vetoed).json().getString("status"));
        assertEquals(0, count(t.api(), "/api/v1/contacts"), "nothing half done");
        assertEquals(0, count(t.api(), "/api/v1/accounts"));
        assertEquals(0, count(t.api(), "/api/v1/opportunities"));

        // A dry run shows the handler's veto before anyone tries; it changes nothing. Other leads go through.
        Api.Response preview = qualify(t.api(), vetoed, "?dryRun=true", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, preview.status(), preview::toString);
        JsonObject handler = preview.json().getJsonArray("handlers").getJsonObject(0);
        assertEquals("conversion-veto", handler.getString("pluginId"), preview::toString);
        assertEquals("VETOES", handler.getString("decision"), preview::toString);
        assertEquals("the credit check refused Vetoed Ltd", handler.getString("reason"), preview::toString);
        assertEquals("OPEN", t.api().get("/api/v1/leads/" + vetoed).json().getString("status"));
        assertEquals(0, count(t.api(), "/api/v1/contacts"), "a dry run creates nothing");
        String fine = newLead(t.api(), lead("Gruen", "gruen@fine.example", "Fine GmbH", "https://fine.example"));
        assertEquals(201, qualify(t.api(), fine, "", JsonValue.EMPTY_JSON_OBJECT).status());
        // The tenant switches the handler off: the lead can be qualified.
        assertEquals(200, t.api().post("/api/v1/extensions/conversion-veto/veto/disable").status());
        assertEquals(201, qualify(t.api(), vetoed, "", JsonValue.EMPTY_JSON_OBJECT).status());
    }

    @Test
    void theWebhookPluginPostsTheQualification() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(LeadlineServer.OUTSIDE_HOST, 0), 0);
        hook.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            Fixtures.TenantAdmin t = Fixtures.newTenant(server);
            String path = "/api/v1/extensions/conversion-webhook/webhook";
            Api.Response off = t.api().get(path);
            assertEquals(200, off.status(), off::toString);
            assertEquals(false, off.json().getBoolean("enabled"), "off until the URL is set");
            Api.Response set = t.api().put(path + "/settings", Json.createObjectBuilder()
                    .add("url", "http://" + LeadlineServer.OUTSIDE_HOST + ":" + hook.getAddress().getPort() + "/hook")
                    .build(), Map.of());
            assertEquals(200, set.status(), set::toString);
            Api.Response on = t.api().post(path + "/enable");
            assertEquals(200, on.status(), on::toString);

            String lead = newLead(t.api(), lead("Hook", "hook@hook.example", "Hook GmbH", "https://hook.example"));
            Api.Response done = qualify(t.api(), lead, "", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(201, done.status(), done::toString);
            String posted = received.poll(20, TimeUnit.SECONDS);
            assertNotNull(posted, "the webhook was called");
            JsonObject json = Json.createReader(new java.io.StringReader(posted)).readObject();
            assertEquals("lead.qualified", json.getString("event"));
            assertEquals(lead, json.getString("leadId"));
            assertEquals(done.json().getJsonObject("opportunity").getString("id"), json.getString("opportunityId"));
            assertEquals("Hook GmbH", json.getJsonObject("lead").getString("companyName"));
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void aDisqualifiedLeadKeepsItsReasonAndCanBeReopened() {
        Api.Response reasons = seller.get("/api/v1/disqualification-reasons");
        assertEquals(List.of("LOST", "NO_BUDGET", "CANNOT_CONTACT", "NO_LONGER_INTERESTED", "CANCELLED"),
                reasons.json().getJsonArray("items").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertEquals(403, seller.post("/api/v1/disqualification-reasons",
                Json.createObjectBuilder().add("reason", "WENT_WITH_PARTNER").build()).status());
        assertEquals(400, admin.post("/api/v1/disqualification-reasons",
                Json.createObjectBuilder().add("reason", "went with partner").build()).status());
        Api.Response added = admin.post("/api/v1/disqualification-reasons",
                Json.createObjectBuilder().add("reason", "WENT_WITH_PARTNER").build());
        assertEquals(200, added.status(), added::toString);
        assertTrue(added.json().getJsonArray("items").toString().contains("WENT_WITH_PARTNER"));
        assertEquals(5, other.get("/api/v1/disqualification-reasons").json().getJsonArray("items").size(),
                "a tenant's reasons are its own");

        String lead = newLead(seller, Fixtures.tradeFairLead("Lost"));
        String base = "/api/v1/leads/" + lead;
        Api.Response bad = seller.post(base + "/disqualify", Json.createObjectBuilder().add("reason", "BORED").build());
        assertEquals(400, bad.status());
        assertNotNull(bad.fieldError("reason"));
        assertEquals(400, seller.post(base + "/disqualify", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(400, seller.post(base + "/disqualify", Json.createObjectBuilder().add("reason", "LOST")
                .add("note", "x".repeat(2001)).build()).status());
        Api.Response out = seller.post(base + "/disqualify", Json.createObjectBuilder().add("reason", "no_budget")
                .add("note", "Budget frozen until next year").build());
        assertEquals(200, out.status(), out::toString);
        assertEquals("DISQUALIFIED", out.json().getString("status"));
        assertEquals("NO_BUDGET", out.json().getJsonObject("disqualification").getString("reason"));
        Api.Response disqualification = seller.get(base + "/disqualification");
        assertEquals("Budget frozen until next year", disqualification.json().getString("note"));
        assertEquals(seller.get(base).etag(), disqualification.etag(), "the disqualification carries the lead's ETag");
        assertEquals(409, seller.post(base + "/disqualify", Json.createObjectBuilder().add("reason", "LOST").build()).status());
        assertEquals(409, qualify(seller, lead, "", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(404, other.post(base + "/reopen").status());

        Api.Response reopened = seller.post(base + "/reopen");
        assertEquals(200, reopened.status(), reopened::toString);
        assertEquals("OPEN", reopened.json().getString("status"));
        assertEquals(JsonValue.NULL, reopened.json().get("disqualification"));
        assertEquals(409, seller.post(base + "/reopen").status());
        Api.Response custom = seller.post(base + "/disqualify", Json.createObjectBuilder().add("reason", "WENT_WITH_PARTNER").build());
        assertEquals(200, custom.status(), custom::toString);
    }

    @Test
    void aDeletedLeadLeavesListsAndSearchesAndCanBeRestoredOrErased() {
        String lead = newLead(seller, lead("Loeschmann", "l@loesch.example", "Loesch GmbH", null));
        String base = "/api/v1/leads/" + lead;
        Api.Response read = seller.get(base);
        assertEquals(1, seller.get("/api/v1/leads?q=loeschmann").items().size());
        assertEquals(204, seller.delete(base, ifMatch(read.etag())).status());
        assertEquals(404, seller.get(base).status());
        assertEquals(0, seller.get("/api/v1/leads?q=loeschmann").items().size(), "gone from searches");
        assertTrue(seller.get("/api/v1/leads?limit=100").items().stream()
                .noneMatch(l -> l.asJsonObject().getString("id").equals(lead)), "gone from lists");

        assertEquals(403, seller.get("/api/v1/deleted-leads").status(), "the recycle bin is the administrator's");
        Api.Response bin = admin.get("/api/v1/deleted-leads");
        assertEquals(200, bin.status(), bin::toString);
        JsonObject deleted = bin.items().stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("id").equals(lead)).findFirst().orElseThrow();
        assertNotNull(deleted.getString("purgeAfter"));
        assertEquals(0, other.get("/api/v1/deleted-leads").items().size());
        assertEquals(404, other.post("/api/v1/deleted-leads/" + lead + "/restore").status());

        // The recycle bin is paged like every collection: newest deletion first, Link rel=next.
        String second = newLead(seller, lead("Loeschfrau", "f@loesch.example", "Loesch GmbH", null));
        assertEquals(204, seller.delete("/api/v1/leads/" + second, ifMatch(seller.get("/api/v1/leads/" + second).etag()))
                .status());
        Api.Response first = admin.get("/api/v1/deleted-leads?limit=1");
        assertEquals(200, first.status(), first::toString);
        assertEquals(List.of(second), first.items().stream().map(l -> l.asJsonObject().getString("id")).toList());
        String cursor = first.json().getJsonObject("page").getString("nextCursor");
        assertTrue(first.header("link").contains("rel=\"next\""), first::toString);
        Api.Response rest = admin.get("/api/v1/deleted-leads?limit=100&cursor=" + cursor);
        assertEquals(200, rest.status(), rest::toString);
        assertTrue(rest.items().stream().anyMatch(l -> l.asJsonObject().getString("id").equals(lead)), rest::toString);
        assertTrue(rest.items().stream().noneMatch(l -> l.asJsonObject().getString("id").equals(second)));
        assertEquals(400, admin.get("/api/v1/deleted-leads?cursor=zzz").status());

        Api.Response restored = admin.post("/api/v1/deleted-leads/" + lead + "/restore");
        assertEquals(200, restored.status(), restored::toString);
        assertEquals(seller.get(base).etag(), restored.etag(), "the restored lead carries its ETag");
        assertEquals(1, seller.get("/api/v1/leads?q=loeschmann").items().size());
        assertEquals(404, admin.post("/api/v1/deleted-leads/" + lead + "/restore").status(),
                "a lead that is not deleted cannot be restored");

        // Erasing at once: the lead and everything about the person are gone.
        assertEquals(201, seller.post(base + "/notes", Json.createObjectBuilder()
                .add("text", "Prefers calls in the morning").build()).status());
        assertEquals(403, seller.post(base + "/erase").status());
        assertEquals(404, other.post(base + "/erase").status());
        assertEquals(204, admin.post(base + "/erase").status());
        assertEquals(404, seller.get(base).status());
        assertEquals(404, seller.get(base + "/timeline").status());
        assertTrue(admin.get("/api/v1/deleted-leads").items().stream()
                .noneMatch(l -> l.asJsonObject().getString("id").equals(lead)));
        assertEquals(0, seller.get("/api/v1/leads?q=loeschmann").items().size());
        assertEquals(404, admin.post(base + "/erase").status());
    }

    @Test
    void badInputOnEveryNewEndpointGetsAProblem() {
        String lead = newLead(seller, Fixtures.tradeFairLead("Bad"));
        String q = "/api/v1/leads/" + lead + "/qualify";
        Api.Response flag = seller.post(q + "?dryRun=maybe", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, flag.status());
        assertNotNull(flag.fieldError("dryRun"), flag::toString);
        Api.Response currency = seller.post(q, Json.createObjectBuilder().add("opportunity", Json.createObjectBuilder()
                .add("estimatedValue", Json.createObjectBuilder().add("amount", -5).add("currency", "EURO"))
                .add("expectedCloseDate", "soon")).build());
        assertEquals(400, currency.status(), currency::toString);
        assertNotNull(currency.fieldError("opportunity.estimatedValue.amount"), currency::toString);
        assertNotNull(currency.fieldError("opportunity.estimatedValue.currency"), currency::toString);
        assertNotNull(currency.fieldError("opportunity.expectedCloseDate"), currency::toString);
        assertEquals(400, seller.post(q, Json.createObjectBuilder().add("bogus", 1).build()).status());
        assertEquals(400, seller.post(q, Json.createObjectBuilder().add("opportunity", "x").build()).status());
        assertEquals(400, seller.send("POST", q, "{", "application/json", Map.of()).status());
        assertEquals(412, seller.send("POST", q, "{}", "application/json", Map.of("If-Match", "\"99\"")).status());
        assertEquals(404, seller.post("/api/v1/leads/nope/qualify", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals("OPEN", seller.get("/api/v1/leads/" + lead).json().getString("status"), "nothing happened");

        assertEquals(400, seller.get("/api/v1/contacts?cursor=zzz").status());
        assertEquals(400, seller.get("/api/v1/opportunities?limit=-1").status());
        assertEquals(404, seller.get("/api/v1/accounts/" + "0".repeat(8)).status());
        Api.Response qualified = qualify(seller, lead, "", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, qualified.status(), qualified::toString);
        String contact = "/api/v1/contacts/" + qualified.json().getJsonObject("contact").getString("id");
        String etag = seller.get(contact).etag();
        Api.Response badContact = seller.patch(contact, Json.createObjectBuilder().add("email", "not-mail")
                .addNull("lastName").add("x", true).build(), ifMatch(etag));
        assertEquals(400, badContact.status(), badContact::toString);
        assertNotNull(badContact.fieldError("email"));
        assertNotNull(badContact.fieldError("lastName"));
        assertNotNull(badContact.fieldError("x"));
        String account = "/api/v1/accounts/" + qualified.json().getJsonObject("account").getString("id");
        Api.Response badAccount = seller.patch(account, Json.createObjectBuilder().add("country", "Germany")
                .add("name", "y".repeat(201)).build(), ifMatch(seller.get(account).etag()));
        assertEquals(400, badAccount.status());
        assertNotNull(badAccount.fieldError("country"));
        assertNotNull(badAccount.fieldError("name"));
        String opp = "/api/v1/opportunities/" + qualified.json().getJsonObject("opportunity").getString("id");
        Api.Response badOpp = seller.patch(opp, Json.createObjectBuilder().add("stage", "DREAMING")
                .add("estimatedValue", Json.createObjectBuilder().add("amount", "lots")).build(), ifMatch(seller.get(opp).etag()));
        assertEquals(400, badOpp.status(), badOpp::toString);
        assertNotNull(badOpp.fieldError("stage"));
        assertEquals(400, seller.post(opp + "/win", Json.createObjectBuilder().add("reason", 5).build()).status());
        assertEquals(400, seller.post("/api/v1/leads/" + lead + "/disqualify", Json.createObjectBuilder().add("reason", 5).build()).status());
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
