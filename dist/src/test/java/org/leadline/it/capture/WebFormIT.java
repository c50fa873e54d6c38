package org.leadline.it.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A company's contact form on its homepage sends leads straight into Leadline: the administrator
 * sets the form up, visitors post it from the company's site without a login, and bots, floods and
 * double clicks do not turn into leads.
 */
class WebFormIT {

    private static final String SITE = "https://www.acme.example";

    private static LeadlineServer server;
    private static Fixtures.TenantAdmin tenant;
    private static Api admin;
    private static Api otherAdmin;
    private static Api visitor;

    @BeforeAll
    static void aTenantWithItsHomepage() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        admin = tenant.api();
        otherAdmin = Fixtures.newTenant(server).api();
        visitor = server.api();
    }

    /** The contact form: name, e-mail, company, message; WEB leads from the homepage. */
    private static JsonObjectBuilder contactForm(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("fields", Json.createArrayBuilder()
                        .add(field("first_name", "firstName", false, 100))
                        .add(field("last_name", "lastName", true, 100))
                        .add(field("mail", "email", true, 254))
                        .add(field("company", "companyName", false, 200))
                        .add(field("message", null, false, 2000)))
                .add("source", "HOMEPAGE")
                .add("sourceDetail", "Contact page")
                .add("allowedOrigins", Json.createArrayBuilder().add(SITE))
                .add("honeypotField", "website_url")
                .add("minFillSeconds", 0);
    }

    private static JsonObject field(String name, String leadField, boolean required, int maxLength) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("required", required).add("maxLength", maxLength);
        return (leadField == null ? b.addNull("leadField") : b.add("leadField", leadField)).build();
    }

    private static JsonObject create(Api as, JsonObjectBuilder form) {
        Api.Response r = as.post("/api/v1/webforms", form.build());
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    private static String publicPath(JsonObject form) {
        return "/api/v1/public/forms/" + form.getString("formKey");
    }

    private static String urlencoded(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> Api.q(e.getKey()) + "=" + Api.q(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Api.Response postForm(JsonObject form, Map<String, String> fields) {
        return visitor.send("POST", publicPath(form), urlencoded(fields), "application/x-www-form-urlencoded",
                Map.of("Origin", SITE));
    }

    private static Api.Response postJson(JsonObject form, JsonObject body) {
        return visitor.send("POST", publicPath(form), body.toString(), "application/json", Map.of("Origin", SITE));
    }

    private static List<JsonObject> leadsNamed(Api as, String lastName) {
        Api.Response r = as.get("/api/v1/leads?q=" + Api.q(lastName));
        assertEquals(200, r.status(), r::toString);
        return r.items().stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getJsonObject("person").getString("lastName").equals(lastName)).toList();
    }

    private static JsonObject statistics(JsonObject form) {
        Api.Response r = admin.get("/api/v1/webforms/" + form.getString("id"));
        assertEquals(200, r.status(), r::toString);
        return r.json().getJsonObject("statistics");
    }

    private static Map<String, String> visitorNamed(String lastName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("first_name", "Jana");
        m.put("last_name", lastName);
        m.put("mail", lastName.toLowerCase() + "@customer.example");
        m.put("company", "Customer AG");
        m.put("message", "Please call me about the premium plan");
        m.put("newsletter", "yes");
        return m;
    }

    @Test
    void aFormIsCreatedReadReplacedAndDeletedWithItsVersion() {
        JsonObject form = create(admin, contactForm("Contact"));
        assertEquals("Contact", form.getString("name"));
        assertEquals("HOMEPAGE", form.getString("source"));
        assertEquals(List.of(SITE), form.getJsonArray("allowedOrigins").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(form.getString("formKey").length() >= 32, "the key is long and random");
        assertNotEquals(form.getString("id"), form.getString("formKey"));
        assertEquals(tenant.userId(), form.getString("ownerId"));
        assertEquals(0, form.getJsonObject("statistics").getInt("submissions"));
        String path = "/api/v1/webforms/" + form.getString("id");

        Api.Response read = admin.get(path);
        assertEquals(200, read.status(), read::toString);
        String etag = read.etag();
        assertNotNull(etag);
        assertTrue(admin.get("/api/v1/webforms").items().stream()
                .anyMatch(v -> v.asJsonObject().getString("id").equals(form.getString("id"))));
        create(admin, contactForm("Brochure request"));
        create(admin, contactForm("Another form"));
        List<String> forms = allForms(admin, 100);
        assertTrue(forms.size() >= 3, forms::toString);
        assertEquals(forms.stream().sorted().toList(), forms, "by name");
        assertEquals(forms, allForms(admin, 1), "pages of one form walk the same list");

        JsonObject changed = contactForm("Contact (new)").add("enabled", false).build();
        assertEquals(428, admin.put(path, changed, Map.of()).status(), "If-Match is required");
        Api.Response replaced = admin.put(path, changed, Map.of("If-Match", etag));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("Contact (new)", replaced.json().getString("name"));
        assertEquals(false, replaced.json().getBoolean("enabled"));
        assertEquals(412, admin.put(path, changed, Map.of("If-Match", etag)).status(), "a stale version is refused");
        assertEquals(404, visitor.get(publicPath(form)).status(), "a disabled form takes nothing");

        Api.Response rotated = admin.send("POST", path + "/rotate-key", null, null, Map.of("If-Match", replaced.etag()));
        assertEquals(200, rotated.status(), rotated::toString);
        assertNotEquals(form.getString("formKey"), rotated.json().getString("formKey"));

        assertEquals(204, admin.delete(path, Map.of("If-Match", rotated.etag())).status());
        assertEquals(404, admin.get(path).status());
    }

    @Test
    void aFormThatCannotWorkIsRefusedNamingEachField() {
        JsonObject bad = Json.createObjectBuilder()
                .add("fields", Json.createArrayBuilder()
                        .add(field("last_name", "lastName", false, 100))
                        .add(field("x", "shoeSize", false, 100))
                        .add(field("last_name", "email", false, 0)))
                .add("source", "NEWSPAPER")
                .add("allowedOrigins", Json.createArrayBuilder().add("https://www.acme.example/contact").add("ftp://acme.example"))
                .add("redirectUrl", "/thanks")
                .add("honeypotField", "1bad")
                .add("perIpPerMinute", 0)
                .add("colour", "blue")
                .build();
        Api.Response r = admin.post("/api/v1/webforms", bad);
        assertEquals(400, r.status(), r::toString);
        assertEquals("/problems/validation", r.problemType());
        assertEquals("is required", r.fieldError("name"));
        assertNotNull(r.fieldError("fields[0].required"), "the last name must be required");
        assertNotNull(r.fieldError("fields[1].leadField"));
        assertNotNull(r.fieldError("fields[2].name"), "field names are unique");
        assertNotNull(r.fieldError("fields[2].maxLength"));
        assertNotNull(r.fieldError("source"));
        assertNotNull(r.fieldError("allowedOrigins[0]"), "an origin has no path");
        assertNotNull(r.fieldError("allowedOrigins[1]"));
        assertNotNull(r.fieldError("redirectUrl"));
        assertNotNull(r.fieldError("honeypotField"));
        assertNotNull(r.fieldError("perIpPerMinute"));
        assertEquals("is not a known field", r.fieldError("colour"));

        Api.Response noLastName = admin.post("/api/v1/webforms", Json.createObjectBuilder().add("name", "x")
                .add("fields", Json.createArrayBuilder().add(field("mail", "email", true, 100))).build());
        assertEquals(400, noLastName.status(), noLastName::toString);
        assertNotNull(noLastName.fieldError("fields"));

        Api.Response foreignOwner = admin.post("/api/v1/webforms", contactForm("x")
                .add("ownerId", "00000000-0000-0000-0000-000000000000").build());
        assertEquals(400, foreignOwner.status(), foreignOwner::toString);
        assertEquals("is not a user of this tenant", foreignOwner.fieldError("ownerId"));

        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        assertEquals(403, seller.api().post("/api/v1/webforms", contactForm("x").build()).status(),
                "only the tenant administrator sets up forms");
        assertEquals(401, visitor.get("/api/v1/webforms").status());
    }

    @Test
    void aVisitorsFormPostBecomesAHomepageLeadWithTheSubmissionOnItsTimeline() {
        JsonObject form = create(admin, contactForm("Contact us"));
        Api.Response described = visitor.get(publicPath(form), Map.of("Origin", SITE));
        assertEquals(200, described.status(), described::toString);
        assertEquals(SITE, described.header("Access-Control-Allow-Origin"));
        assertEquals("website_url", described.json().getString("honeypotField"));
        assertEquals(5, described.json().getJsonArray("fields").size());
        assertEquals("_token", described.json().getString("tokenField"));

        String lastName = LeadlineServer.unique("Novak");
        Map<String, String> post = visitorNamed(lastName);
        post.put("_token", described.json().getString("token"));
        post.put("website_url", "");
        Api.Response r = postForm(form, post);
        assertEquals(202, r.status(), r::toString);
        assertEquals(SITE, r.header("Access-Control-Allow-Origin"));
        assertNotNull(r.json().getString("submissionId"));

        List<JsonObject> leads = leadsNamed(admin, lastName);
        assertEquals(1, leads.size());
        JsonObject lead = leads.get(0);
        assertEquals("Jana", lead.getJsonObject("person").getString("firstName"));
        assertEquals(lastName.toLowerCase() + "@customer.example", lead.getJsonObject("person").getString("email"));
        assertEquals("Customer AG", lead.getJsonObject("company").getString("name"));
        assertEquals("HOMEPAGE", lead.getJsonObject("origin").getString("source"));
        assertEquals("Contact page", lead.getJsonObject("origin").getString("detail"));
        assertEquals(tenant.userId(), lead.getString("ownerId"), "the form's owner works the lead");
        String description = lead.getString("description");
        assertTrue(description.contains("message: Please call me about the premium plan"), description);
        assertTrue(description.contains("newsletter: yes"), "fields the form does not know are kept: " + description);

        Api.Response timeline = admin.get("/api/v1/leads/" + lead.getString("id") + "/timeline?kind=INTERACTION");
        assertEquals(200, timeline.status(), timeline::toString);
        assertEquals(1, timeline.items().size());
        JsonObject item = timeline.items().getJsonObject(0).getJsonObject("item");
        assertEquals("Web form submitted: Contact us", item.getString("purpose"));
        assertEquals("INBOUND", item.getString("direction"));
        String text = item.getJsonObject("content").getString("text");
        assertTrue(text.contains("last_name: " + lastName) && text.contains("newsletter: yes"), text);
        assertTrue(!text.contains("_token"), "the token is not content");

        JsonObject stats = statistics(form);
        assertEquals(1, stats.getInt("submissions"));
        assertEquals(1, stats.getInt("leadsCreated"));
    }

    @Test
    void aKnownVisitorUnderTheRejectPolicyJoinsTheExistingLeadsTimelineInsteadOfMakingASecondLead() {
        Fixtures.TenantAdmin strict = Fixtures.newTenant(server);
        assertEquals(200, strict.api().put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "REJECT").build(), Map.of()).status());
        JsonObject form = create(strict.api(), contactForm("Strict contact"));
        String lastName = LeadlineServer.unique("Kowalski");
        Map<String, String> first = visitorNamed(lastName);
        assertEquals(202, postForm(form, first).status());
        Map<String, String> again = visitorNamed(lastName);
        again.put("message", "Any news about my request?");
        Api.Response second = postForm(form, again);
        assertEquals(202, second.status(), second::toString);

        List<JsonObject> leads = leadsNamed(strict.api(), lastName);
        assertEquals(1, leads.size(), "the second submission made no second lead");
        Api.Response timeline = strict.api().get("/api/v1/leads/" + leads.get(0).getString("id")
                + "/timeline?kind=INTERACTION");
        assertEquals(2, timeline.items().size(), timeline::toString);
        assertTrue(timeline.items().getJsonObject(0).getJsonObject("item").getJsonObject("content")
                .getString("text").contains("Any news about my request?"), timeline::toString);
        // the tenant with the default policy (WARN) still gets a lead per new submission
        assertTrue(leadsNamed(admin, lastName).isEmpty(), "other tenants see nothing of it");
    }

    @Test
    void aJsonPostCreatesALeadAndABrowserPostIsRedirected() {
        JsonObject form = create(admin, contactForm("Campaign").add("source", "CAMPAIGN")
                .add("sourceDetail", "Spring campaign 2027").add("redirectUrl", SITE + "/thanks"));
        String lastName = LeadlineServer.unique("Kowalski");
        Api.Response json = postJson(form, Json.createObjectBuilder().add("first_name", "Piotr").add("last_name", lastName)
                .add("mail", "piotr@customer.example").add("interests", Json.createArrayBuilder().add("CRM").add("ERP")).build());
        assertEquals(202, json.status(), "JSON clients get an answer, not a redirect: " + json);
        JsonObject lead = leadsNamed(admin, lastName).get(0);
        assertEquals("CAMPAIGN", lead.getJsonObject("origin").getString("source"));
        assertEquals("Spring campaign 2027", lead.getJsonObject("origin").getString("detail"));
        assertTrue(lead.getString("description").contains("interests: CRM, ERP"), lead.toString());

        String browserName = LeadlineServer.unique("Dubois");
        Api.Response browser = postForm(form, visitorNamed(browserName));
        assertEquals(303, browser.status(), browser::toString);
        assertEquals(SITE + "/thanks", browser.header("Location"));
        assertEquals(1, leadsNamed(admin, browserName).size());
    }

    @Test
    void aBadPostIsRefusedNamingTheFormField() {
        JsonObject form = create(admin, contactForm("Strict"));
        String lastName = LeadlineServer.unique("Missing");
        Map<String, String> noMail = visitorNamed(lastName);
        noMail.remove("mail");
        noMail.put("message", "x".repeat(2001));
        Api.Response r = postForm(form, noMail);
        assertEquals(400, r.status(), r::toString);
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals("is required", r.fieldError("mail"));
        assertEquals("must be at most 2000 characters", r.fieldError("message"));

        Map<String, String> badMail = visitorNamed(lastName);
        badMail.put("mail", "not an address");
        Api.Response invalid = postForm(form, badMail);
        assertEquals(400, invalid.status(), invalid::toString);
        assertNotNull(invalid.fieldError("mail"), "the lead's rule is told as the form field: " + invalid);

        Api.Response malformed = visitor.send("POST", publicPath(form), "{\"last_name\": ", "application/json", Map.of());
        assertEquals(400, malformed.status(), malformed::toString);
        Api.Response nested = postJson(form, Json.createObjectBuilder().add("last_name", Json.createObjectBuilder()).build());
        assertEquals(400, nested.status(), nested::toString);
        assertNotNull(nested.fieldError("last_name"));
        Api.Response xml = visitor.send("POST", publicPath(form), "<lead/>", "application/xml", Map.of());
        assertEquals(415, xml.status(), xml::toString);
        Api.Response huge = visitor.send("POST", publicPath(form), "a=" + "x".repeat(70_000),
                "application/x-www-form-urlencoded", Map.of());
        assertEquals(413, huge.status(), huge::toString);

        assertEquals(0, leadsNamed(admin, lastName).size(), "nothing half-written");
        assertEquals(4, statistics(form).getInt("invalid"), "the bad posts whose content was read");
        assertEquals(404, visitor.get("/api/v1/public/forms/no-such-form").status());
    }

    @Test
    void aBotFillingTheHoneypotIsAnsweredAsIfTakenButMakesNoLead() {
        JsonObject form = create(admin, contactForm("Honeypot").add("redirectUrl", SITE + "/thanks"));
        String lastName = LeadlineServer.unique("Bot");
        Map<String, String> post = visitorNamed(lastName);
        post.put("website_url", "http://spam.example");
        Api.Response r = postForm(form, post);
        assertEquals(303, r.status(), r::toString);
        assertEquals(SITE + "/thanks", r.header("Location"));
        Api.Response json = postJson(form, Json.createObjectBuilder().add("last_name", lastName)
                .add("mail", "bot@spam.example").add("website_url", "x").build());
        assertEquals(202, json.status(), json::toString);
        assertEquals(0, leadsNamed(admin, lastName).size());
        JsonObject stats = statistics(form);
        assertEquals(2, stats.getInt("spamHoneypot"));
        assertEquals(0, stats.getInt("leadsCreated"));
    }

    @Test
    void aFormSentFasterThanAHumanCanFillItIsRefused() throws InterruptedException {
        JsonObject form = create(admin, contactForm("Timed").add("minFillSeconds", 2));
        String lastName = LeadlineServer.unique("Speedy");
        Map<String, String> post = visitorNamed(lastName);
        Api.Response noToken = postForm(form, post);
        assertEquals(400, noToken.status(), noToken::toString);
        assertNotNull(noToken.fieldError("_token"));

        post.put("_token", visitor.get(publicPath(form)).json().getString("token"));
        Api.Response fast = postForm(form, post);
        assertEquals(400, fast.status(), fast::toString);
        assertTrue(fast.fieldError("_token").contains("at least 2 s"), fast::toString);

        Map<String, String> forged = new LinkedHashMap<>(post);
        forged.put("_token", "1000." + post.get("_token").substring(post.get("_token").indexOf('.') + 1));
        assertEquals(400, postForm(form, forged).status(), "an earlier time cannot be forged");

        Thread.sleep(2100);
        Api.Response human = postForm(form, post);
        assertEquals(202, human.status(), human::toString);
        assertEquals(1, leadsNamed(admin, lastName).size());
        JsonObject stats = statistics(form);
        assertEquals(1, stats.getInt("spamTooFast"));
        assertEquals(1, stats.getInt("leadsCreated"));
    }

    @Test
    void aDoubleSubmitMakesOneLeadAndGetsTheSameAnswer() {
        JsonObject form = create(admin, contactForm("Double"));
        String lastName = LeadlineServer.unique("Twice");
        Api.Response first = postForm(form, visitorNamed(lastName));
        Api.Response second = postForm(form, visitorNamed(lastName));
        assertEquals(202, first.status(), first::toString);
        assertEquals(202, second.status(), second::toString);
        assertEquals(first.json().getString("submissionId"), second.json().getString("submissionId"));
        assertEquals(1, leadsNamed(admin, lastName).size());

        Map<String, String> changed = visitorNamed(lastName);
        changed.put("message", "A second, different question");
        Api.Response third = postForm(form, changed);
        assertNotEquals(first.json().getString("submissionId"), third.json().getString("submissionId"));
        assertEquals(2, leadsNamed(admin, lastName).size(), "different content is a new submission");
        JsonObject stats = statistics(form);
        assertEquals(3, stats.getInt("submissions"));
        assertEquals(1, stats.getInt("duplicates"));
        assertEquals(2, stats.getInt("leadsCreated"));
    }

    @Test
    void aDoubleClickSendingTwoPostsAtOnceMakesOneLead() throws Exception {
        JsonObject form = create(admin, contactForm("Double click").add("perIpPerMinute", 100));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                String lastName = LeadlineServer.unique("Clicker");
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Api.Response>> posts = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    posts.add(pool.submit(() -> {
                        start.await();
                        return postForm(form, visitorNamed(lastName));
                    }));
                }
                start.countDown();
                java.util.Set<String> answers = new java.util.HashSet<>();
                for (var p : posts) {
                    Api.Response r = p.get();
                    assertEquals(202, r.status(), r::toString);
                    answers.add(r.json().getString("submissionId"));
                }
                assertEquals(1, answers.size(), "every click gets the same answer");
                assertEquals(1, leadsNamed(admin, lastName).size());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject stats = statistics(form);
        assertEquals(12, stats.getInt("submissions"));
        assertEquals(3, stats.getInt("leadsCreated"));
        assertEquals(9, stats.getInt("duplicates"));
    }

    @Test
    void aFloodIsAnsweredWith429AndRetryAfter() throws InterruptedException {
        JsonObject form = create(admin, contactForm("Limited").add("perIpPerMinute", 3));
        // The limits count in minute windows: start early in one so that all posts fall into it.
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 40_000) {
            Thread.sleep(60_000 - intoMinute + 500);
        }
        String lastName = LeadlineServer.unique("Flood");
        for (int i = 0; i < 3; i++) {
            Map<String, String> post = visitorNamed(lastName);
            post.put("message", "question " + i);
            assertEquals(202, postForm(form, post).status());
        }
        Api.Response limited = postForm(form, visitorNamed(lastName));
        assertEquals(429, limited.status(), limited::toString);
        assertEquals("/problems/rate-limited", limited.problemType());
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(3, leadsNamed(admin, lastName).size());
        assertEquals(1, statistics(form).getInt("rateLimited"));

        JsonObject busyForm = create(admin, contactForm("Busy").add("perFormPerMinute", 1));
        assertEquals(202, postForm(busyForm, visitorNamed(LeadlineServer.unique("First"))).status());
        assertEquals(429, postForm(busyForm, visitorNamed(LeadlineServer.unique("Second"))).status(),
                "the form's own limit holds for every visitor together");
        assertEquals(202, postForm(create(admin, contactForm("Other")), visitorNamed(LeadlineServer.unique("Elsewhere"))).status(),
                "another form is not limited by these");
    }

    @Test
    void onlyTheFormsOwnSitesMayUseItFromABrowser() {
        JsonObject form = create(admin, contactForm("Cors"));
        Api.Response allowed = visitor.send("OPTIONS", publicPath(form), null, null,
                Map.of("Origin", SITE, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        assertEquals(204, allowed.status(), allowed::toString);
        assertEquals(SITE, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Methods").contains("POST"));

        Api.Response refused = visitor.send("OPTIONS", publicPath(form), null, null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertEquals(403, refused.status(), refused::toString);
        assertNull(refused.header("Access-Control-Allow-Origin"));

        String lastName = LeadlineServer.unique("Elsewhere");
        Api.Response foreign = visitor.send("POST", publicPath(form), urlencoded(visitorNamed(lastName)),
                "application/x-www-form-urlencoded", Map.of("Origin", "https://evil.example"));
        assertEquals(403, foreign.status(), foreign::toString);
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        Api.Response foreignReferer = visitor.send("POST", publicPath(form), urlencoded(visitorNamed(lastName)),
                "application/x-www-form-urlencoded", Map.of("Referer", "https://evil.example/contact.html"));
        assertEquals(403, foreignReferer.status(), foreignReferer::toString);
        assertEquals(0, leadsNamed(admin, lastName).size());

        Api.Response ownPage = visitor.send("POST", publicPath(form), urlencoded(visitorNamed(lastName)),
                "application/x-www-form-urlencoded", Map.of("Referer", SITE + "/contact.html"));
        assertEquals(202, ownPage.status(), ownPage::toString);
        assertEquals(1, leadsNamed(admin, lastName).size());
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheFormAndItsLeadsStayHome() {
        JsonObject form = create(admin, contactForm("Mine"));
        String path = "/api/v1/webforms/" + form.getString("id");
        String etag = admin.get(path).etag();
        assertEquals(404, otherAdmin.get(path).status());
        assertEquals(404, otherAdmin.put(path, contactForm("Theirs").build(), Map.of("If-Match", etag)).status());
        assertEquals(404, otherAdmin.delete(path, Map.of("If-Match", etag)).status());
        assertTrue(otherAdmin.get("/api/v1/webforms").items().stream()
                .noneMatch(v -> v.asJsonObject().getString("id").equals(form.getString("id"))));
        assertEquals("Mine", admin.get(path).json().getString("name"));

        String lastName = LeadlineServer.unique("Homebound");
        assertEquals(202, postForm(form, visitorNamed(lastName)).status());
        assertEquals(1, leadsNamed(admin, lastName).size());
        assertEquals(0, leadsNamed(otherAdmin, lastName).size());
    }

    @Test
    void aDisabledTenantsFormsTakeNothing() {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        JsonObject form = create(t.api(), contactForm("Closing down"));
        assertEquals(200, visitor.get(publicPath(form)).status());
        Api.Response disabled = Fixtures.platformAdmin(server).patch("/api/v1/tenants/" + t.tenantId(),
                Json.createObjectBuilder().add("status", "DISABLED").build(), Map.of());
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(404, visitor.get(publicPath(form)).status());
        assertEquals(404, postForm(form, visitorNamed(LeadlineServer.unique("Late"))).status());
    }

    @Test
    void withoutTheWebFormSourceATenantHasNoForms() {
        Fixtures.TenantAdmin t = Fixtures.newTenant(server);
        JsonObject form = create(t.api(), contactForm("Before"));
        Api.Response off = t.api().send("POST", "/api/v1/extensions/source-webform/webform/disable", null, null, Map.of());
        assertEquals(200, off.status(), off::toString);

        Api.Response refused = t.api().post("/api/v1/webforms", contactForm("After").build());
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.json().getString("detail").contains("source-webform"), refused::toString);
        String lastName = LeadlineServer.unique("Unheard");
        Api.Response post = postForm(form, visitorNamed(lastName));
        assertEquals(409, post.status(), post::toString);
        assertEquals(0, leadsNamed(t.api(), lastName).size());

        assertEquals(200, t.api().send("POST", "/api/v1/extensions/source-webform/webform/enable", null, null, Map.of()).status());
        assertEquals(202, postForm(form, visitorNamed(lastName)).status());
        assertEquals(1, leadsNamed(t.api(), lastName).size());
    }

    /** Every form of the tenant by walking the pages, checking each page's Link. */
    private static List<String> allForms(Api api, int limit) {
        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/webforms?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page::toString);
            page.items().forEach(f -> names.add(f.asJsonObject().getString("name") + "/" + f.asJsonObject().getString("id")));
            JsonObject info = page.json().getJsonObject("page");
            cursor = info.containsKey("nextCursor") ? info.getString("nextCursor") : null;
            assertEquals(cursor != null, page.header("link") != null, page::toString);
        } while (cursor != null && names.size() < 1000);
        return names;
    }
}
