package org.leadline.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sellers' workspace in a real browser, one browser and one tenant for all: signing in and
 * back to where one was, the lead list, a new lead and its duplicate warning, the lead page with its
 * rating, recommended actions and process bar, editing with a concurrent change, closing (qualify,
 * disqualify, reopen, delete), German, and another tenant's lead. Every page visited passes axe-core
 * without serious or critical violations, and the page's Content-Security-Policy refuses nothing.
 */
class WorkspaceIT {

    static final LeadlineServer server = LeadlineServer.shared();
    static Fixtures.TenantAdmin tenant;
    static Browser browser;

    @BeforeAll
    static void setUp() {
        tenant = Fixtures.newTenant(server);
        // the seed rules: a trade-fair lead whose budget and need match is HOT and asks for a proposal
        Api.Response off = tenant.api().post("/api/v1/extensions/scoring-bant/bant/disable");
        assertEquals(200, off.status(), off::toString);
        Api.Response rules = tenant.api().put("/api/v1/qualification/rules", Fixtures.seedRules(), Map.of());
        assertEquals(201, rules.status(), rules::toString);
        browser = Browser.open();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String lead(JsonObject body) {
        Api.Response r = tenant.api().post("/api/v1/leads?allowDuplicate=true", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    /** Opens a page of the UI (a hash route), signing in first when the session asks for it. */
    private static void open(String route) {
        browser.openSignedIn(server.base(), tenant, route);
    }

    private static void noPolicyRefusals() {
        List<String> console = browser.console();
        assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")),
                "the page's policy refuses nothing it needs: " + console);
    }

    private static WebElement click(By by) {
        WebElement element = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(by));
        element.click();
        return element;
    }

    private static String text(By by) {
        return browser.visible(by).getText();
    }

    private static void type(By by, String value) {
        WebElement input = browser.visible(by);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    @Test
    void anEndedSessionLandsOnSignInAndReturnsToTheLead() {
        String id = lead(Fixtures.tradeFairLead("Returner"));
        open("/leads");
        // sign out: the cookie's session is revoked; opening a lead asks to sign in first
        click(By.xpath("//header//button[contains(., 'Sign out')]"));
        browser.visible(By.id("fld-password"));
        browser.get(server.base() + "/#/leads/" + id);
        browser.visible(By.id("fld-password"));
        assertTrue(browser.driver().getCurrentUrl().contains("return=%2Fleads%2F" + id)
                || browser.driver().getCurrentUrl().contains("return=/leads/" + id), browser.driver().getCurrentUrl());
        assertTrue(text(By.cssSelector(".sign-in")).contains("Sign in again"));
        browser.assertAccessible("sign-in");
        browser.screenshot("sign-in");
        browser.signIn(tenant);
        browser.waitForText(By.cssSelector(".lead-header h1"), "Anna Returner");
        noPolicyRefusals();
    }

    @Test
    void aTradeFairLeadWhoseBudgetAndNeedMatchShowsHotAndAProposalFirst() {
        String id = lead(Fixtures.tradeFairLead("Fairgoer"));
        open("/leads/" + id);
        browser.waitForText(By.cssSelector(".lead-header h1"), "Anna Fairgoer");
        assertEquals("Hot", text(By.cssSelector("#rating .badge")));
        assertTrue(text(By.cssSelector("#rating .score")).contains("70"));
        click(By.cssSelector("#rating summary"));
        assertTrue(text(By.cssSelector("#rating .reasons")).contains("Budget and need match"),
                text(By.cssSelector("#rating .reasons")));
        // the recommended actions come first on the page, before the process and the data
        WebElement first = browser.visible(By.cssSelector(".recommendations .rec"));
        assertTrue(first.getText().startsWith("Send a proposal"), first.getText());
        assertTrue(first.getText().contains("High priority"), first.getText());
        Boolean before = (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return !!(document.querySelector('.recommendations').compareDocumentPosition("
                        + "document.querySelector('.process')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        assertTrue(before, "recommended actions above the process bar");
        browser.assertAccessible("lead page");
        browser.screenshot("lead-page");
        noPolicyRefusals();

        // done: the action leaves the list and shows on the timeline
        click(By.xpath("//li[contains(@class,'rec')][contains(., 'Send a proposal')]//button[contains(., 'Done')]"));
        browser.waitForText(By.cssSelector(".recommendations"), "Nothing recommended");
        browser.waitForText(By.cssSelector(".timeline .entries"), "Done: Send a proposal");
    }

    @Test
    void theListShowsMyOpenLeadsWithRatingAndFiltersAndExports() {
        lead(Fixtures.tradeFairLead("Listed"));
        lead(Fixtures.minimalLead("Coldcase"));
        open("/leads");
        browser.waitForText(By.cssSelector("table.leads tbody"), "Anna Listed");
        WebElement row = browser.visible(By.xpath("//tr[contains(., 'Anna Listed')]"));
        assertTrue(row.getText().replaceAll("\\s+", " ").contains("Hot 70"), row.getText());
        assertTrue(row.getText().contains("ACME GmbH"), row.getText());
        browser.assertAccessible("lead list");
        browser.screenshot("lead-list");

        new Select(browser.visible(By.id("filter-rating"))).selectByValue("HOT");
        browser.waitForText(By.cssSelector(".list-foot"), "leads shown");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                !d.findElement(By.cssSelector("table.leads tbody")).getText().contains("Coldcase"));
        assertTrue(browser.driver().getCurrentUrl().contains("rating=HOT"), browser.driver().getCurrentUrl());
        String export = browser.visible(By.xpath("//a[contains(., 'Export CSV')]")).getAttribute("href");
        assertTrue(export.contains("/api/v1/leads/export?") && export.contains("rating=HOT")
                && export.contains("status=OPEN") && export.contains("ownerId=me"), export);

        type(By.id("filter-q"), "listed");
        click(By.xpath("//form[@role='search']//button"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("table.leads tbody tr")).size() == 1);
        assertTrue(text(By.cssSelector("table.leads tbody")).contains("Anna Listed"));
    }

    @Test
    void aNewLeadWarnsOfADuplicateAndOpensTheExistingOrCreatesAnyway() {
        String existing = lead(Fixtures.tradeFairLead("Twin"));
        open("/leads/new");
        browser.visible(By.id("new-lastName"));
        browser.assertAccessible("new lead");
        // the API's field errors land next to their fields
        click(By.xpath("//button[contains(., 'Create lead')]"));
        assertFalse(browser.visible(By.id("new-lastName-error")).getText().isBlank());
        assertEquals("true", browser.driver().findElement(By.id("new-lastName")).getAttribute("aria-invalid"));

        type(By.id("new-lastName"), "Twin");
        type(By.id("new-email"), "twin@acme.example");
        click(By.xpath("//button[contains(., 'Create lead')]"));
        browser.visible(By.cssSelector("dialog#duplicates"));
        assertTrue(text(By.cssSelector("dialog#duplicates")).contains("same e-mail"));
        browser.assertAccessible("duplicate warning");
        browser.screenshot("new-lead-duplicates");
        click(By.xpath("//dialog//a[contains(., 'Open')]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("/leads/" + existing));

        open("/leads/new");
        type(By.id("new-lastName"), "Twin");
        type(By.id("new-email"), "twin@acme.example");
        click(By.xpath("//button[contains(., 'Create lead')]"));
        click(By.xpath("//dialog//button[contains(., 'Create anyway')]"));
        browser.waitForText(By.cssSelector(".lead-header h1"), "Twin");
        assertFalse(browser.driver().getCurrentUrl().contains(existing));
    }

    @Test
    void theFlagMovesToDevelopOnlyOnceTheCriteriaAreMet() {
        String id = lead(Fixtures.tradeFairLead("Stager"));
        open("/leads/" + id);
        browser.waitForText(By.cssSelector(".stages li[aria-current='step']"), "Qualify");
        // what is missing is shown before the seller tries
        assertTrue(text(By.id("stage-missing")).contains("The need was confirmed with the lead"));
        click(By.id("next-stage"));
        browser.waitForText(By.id("stage-missing"), "The need was confirmed with the lead");
        assertTrue(text(By.cssSelector(".stages li[aria-current='step']")).contains("Qualify"), "the flag stays");

        click(By.cssSelector(".checks input[type=checkbox]"));
        browser.waitForText(By.cssSelector(".stage-move"), "Everything needed is there");
        click(By.id("next-stage"));
        browser.waitForText(By.cssSelector(".stages li[aria-current='step']"), "Develop");
        assertEquals("develop", tenant.api().get("/api/v1/leads/" + id).json().getString("stage"));
        browser.assertAccessible("lead page, develop");
        browser.screenshot("lead-page-develop");
        click(By.id("previous-stage"));
        browser.waitForText(By.cssSelector(".stages li[aria-current='step']"), "Qualify");
    }

    @Test
    void qualifyingShowsThePreviewThenLinksToTheCreatedRecords() {
        String id = lead(Fixtures.tradeFairLead("Qualifier"));
        open("/leads/" + id);
        click(By.id("qualify"));
        WebElement preview = browser.visible(By.id("qualify-preview"));
        assertTrue(preview.getText().contains("Contact: will be created"), preview.getText());
        assertTrue(preview.getText().contains("Account: will be created"), preview.getText());
        assertTrue(preview.getText().contains("Opportunity"), preview.getText());
        assertEquals("OPEN", tenant.api().get("/api/v1/leads/" + id).json().getString("status"), "a preview changes nothing");
        browser.assertAccessible("qualify preview");
        browser.screenshot("qualify-preview");
        click(By.id("qualify-confirm"));
        WebElement converted = browser.visible(By.cssSelector(".converted"));
        JsonObject conversion = tenant.api().get("/api/v1/leads/" + id).json().getJsonObject("conversion");
        assertTrue(converted.findElement(By.linkText("Contact")).getAttribute("href")
                .endsWith(conversion.getString("contactId")));
        assertTrue(converted.findElement(By.linkText("Account")).getAttribute("href")
                .endsWith(conversion.getString("accountId")));
        assertTrue(converted.findElement(By.linkText("Opportunity")).getAttribute("href")
                .endsWith(conversion.getString("opportunityId")));
        // a qualified lead is read-only
        assertTrue(browser.driver().findElements(By.cssSelector("[id^='edit-']")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("delete")).isEmpty());
        browser.assertAccessible("qualified lead");
        browser.screenshot("lead-qualified");
        // the links lead to the created records
        click(By.linkText("Opportunity"));
        browser.waitForText(By.cssSelector("main h1"), "CRM for the sales team");
        assertTrue(text(By.cssSelector("main")).contains("Prospecting"));
        browser.assertAccessible("opportunity");
        browser.screenshot("opportunity");
        click(By.xpath("//dt[.='Contact']/following-sibling::dd/a"));
        browser.waitForText(By.cssSelector("main h1"), "Anna Qualifier");
        browser.screenshot("contact");
        click(By.xpath("//dt[.='Account']/following-sibling::dd/a"));
        browser.waitForText(By.cssSelector("main h1"), "ACME GmbH");
        browser.screenshot("account");
    }

    @Test
    void aContactAndAnOpportunityAreEditedOnTheirPages() {
        String id = lead(Fixtures.tradeFairLead("Editable"));
        Api.Response qualified = tenant.api().post("/api/v1/leads/" + id + "/qualify", Json.createObjectBuilder()
                .add("opportunity", Json.createObjectBuilder().add("topic", "Fleet tracking")).build());
        assertEquals(201, qualified.status(), qualified::toString);
        String contact = qualified.json().getJsonObject("contact").getString("id");
        String opportunity = qualified.json().getJsonObject("opportunity").getString("id");

        open("/contacts/" + contact);
        click(By.id("edit"));
        type(By.id("edit-jobTitle"), "Chief Revenue Officer");
        type(By.id("edit-email"), "not an address");
        click(By.id("edit-save"));
        // the API's field error next to its field
        assertTrue(text(By.id("edit-email-error")).contains("e-mail address"), text(By.id("edit-email-error")));
        assertEquals("edit-email-error", browser.driver().findElement(By.id("edit-email")).getAttribute("aria-describedby"));
        browser.assertAccessible("contact being edited");
        type(By.id("edit-email"), "anna.editable@acme.example");
        click(By.id("edit-save"));
        browser.waitForText(By.cssSelector(".data-section"), "Chief Revenue Officer");
        JsonObject stored = tenant.api().get("/api/v1/contacts/" + contact).json();
        assertEquals("anna.editable@acme.example", stored.getString("email"));

        open("/opportunities/" + opportunity);
        click(By.id("edit"));
        type(By.id("edit-estimatedValue-amount"), "64000");
        click(By.id("edit-save"));
        browser.waitForText(By.cssSelector(".data-section"), "64,000.00");
        assertEquals(64000, tenant.api().get("/api/v1/opportunities/" + opportunity).json()
                .getJsonObject("estimatedValue").getJsonNumber("amount").intValue());
    }

    @Test
    void thePipelineMovesAnOpportunityFromTheKeyboardAndWinsIt() {
        String id = lead(Fixtures.tradeFairLead("Piper"));
        Api.Response q = tenant.api().post("/api/v1/leads/" + id + "/qualify", Json.createObjectBuilder()
                .add("opportunity", Json.createObjectBuilder().add("topic", "Piper deal")).build());
        assertEquals(201, q.status(), q::toString);
        String opportunity = q.json().getJsonObject("opportunity").getString("id");
        open("/pipeline");
        By card = By.xpath("//li[contains(@class,'deal')][contains(., 'Piper deal')]");
        browser.waitForText(By.xpath("//section[@data-stage='PROSPECTING']"), "Piper deal");
        browser.assertAccessible("pipeline");
        browser.screenshot("pipeline");
        new Select(browser.visible(By.id("move-" + opportunity))).selectByValue("PROPOSAL");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> "PROPOSAL".equals(
                tenant.api().get("/api/v1/opportunities/" + opportunity).json().getString("stage")));
        browser.waitForText(By.xpath("//section[@data-stage='PROPOSAL']"), "Piper deal");
        // losing asks for the reason; cancelling leaves the deal where it was
        new Select(browser.visible(By.id("move-" + opportunity))).selectByValue("LOST");
        browser.visible(By.cssSelector("dialog#closing-dialog"));
        assertTrue(text(By.id("closing-dialog-title")).contains("Lose"), text(By.id("closing-dialog-title")));
        browser.assertAccessible("pipeline close dialog");
        browser.driver().findElement(By.xpath("//dialog[@id='closing-dialog']//button[@type='button']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("dialog#closing-dialog")).isEmpty());
        assertEquals("PROPOSAL", new Select(browser.visible(By.id("move-" + opportunity))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("PROPOSAL", tenant.api().get("/api/v1/opportunities/" + opportunity).json().getString("stage"));
        // winning with the reason the API keeps
        new Select(browser.visible(By.id("move-" + opportunity))).selectByValue("WON");
        type(By.id("close-reason"), "Best fit for the committee");
        browser.screenshot("pipeline-close");
        click(By.id("close-confirm"));
        browser.waitForText(By.xpath("//section[@data-stage='WON']"), "Best fit for the committee");
        JsonObject won = tenant.api().get("/api/v1/opportunities/" + opportunity).json();
        assertEquals("WON", won.getString("stage"));
        assertEquals("Best fit for the committee", won.getString("closeReason"));
        assertTrue(browser.driver().findElements(By.id("move-" + opportunity)).isEmpty(), "a won deal stays won");
        assertTrue(browser.visible(card).isDisplayed());
    }

    @Test
    void theDashboardDrawsTheTenantsFiguresWithTheirNumbers() {
        lead(Fixtures.tradeFairLead("Charted"));
        open("/dashboard");
        browser.visible(By.cssSelector("canvas#by-rating"));
        assertTrue(text(By.cssSelector(".dashboard .total")).matches("\\d+ leads"), text(By.cssSelector(".dashboard .total")));
        click(By.xpath("//section[@aria-labelledby='by-source-title']//summary"));
        assertTrue(text(By.xpath("//section[@aria-labelledby='by-source-title']//table")).contains("Trade fair"));
        Number drawn = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.querySelectorAll('.chart canvas[width]').length");
        assertEquals(7, drawn.intValue(), "seven charts drawn");
        browser.assertAccessible("dashboard");
        browser.screenshot("dashboard");
        noPolicyRefusals();
    }

    @Test
    void disqualifyingWithAReasonAndReopening() {
        String id = lead(Fixtures.tradeFairLead("Doubter"));
        open("/leads/" + id);
        click(By.id("disqualify"));
        new Select(browser.visible(By.id("disqualify-reason"))).selectByValue("NO_BUDGET");
        type(By.id("disqualify-note"), "Budget frozen until next year");
        browser.assertAccessible("disqualify dialog");
        click(By.id("disqualify-confirm"));
        browser.waitForText(By.cssSelector(".lead-header .status"), "Disqualified");
        assertEquals("NO_BUDGET", tenant.api().get("/api/v1/leads/" + id + "/disqualification").json().getString("reason"));
        click(By.id("reopen"));
        browser.waitForText(By.cssSelector(".lead-header .status"), "Open");
        assertEquals("OPEN", tenant.api().get("/api/v1/leads/" + id).json().getString("status"));
    }

    @Test
    void deletingAsksFirst() {
        String id = lead(Fixtures.tradeFairLead("Goner"));
        open("/leads/" + id);
        click(By.id("delete"));
        browser.visible(By.id("delete-confirm"));
        browser.assertAccessible("delete dialog");
        click(By.xpath("//dialog[@id='delete-dialog']//button[contains(., 'Cancel')]"));
        assertEquals(200, tenant.api().get("/api/v1/leads/" + id).status());
        click(By.id("delete"));
        click(By.id("delete-confirm"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("#/leads?"));
        assertTrue(List.of(404, 410).contains(tenant.api().get("/api/v1/leads/" + id).status()));

        // the administrator restores it from the recycle bin
        click(By.xpath("//p[contains(@class,'notice')]//a[contains(., 'Recycle bin')]"));
        browser.waitForText(By.cssSelector("table.leads tbody"), "Anna Goner");
        browser.assertAccessible("recycle bin");
        browser.screenshot("recycle-bin");
        click(By.xpath("//tr[contains(., 'Anna Goner')]//button[contains(., 'Restore')]"));
        browser.waitForText(By.cssSelector(".lead-header h1"), "Anna Goner");
        assertEquals(200, tenant.api().get("/api/v1/leads/" + id).status());
    }

    @Test
    void aConcurrentEditShowsTheDialogAndKeepsWhatWasTyped() {
        String id = lead(Fixtures.tradeFairLead("Racer"));
        open("/leads/" + id);
        click(By.id("edit-contact"));
        type(By.id("edit-person-jobTitle"), "Chief Revenue Officer");
        // meanwhile a colleague changes the lead
        Api.Response theirs = tenant.api().send("PATCH", "/api/v1/leads/" + id, "{\"topic\": \"Changed elsewhere\"}",
                "application/merge-patch+json", Map.of("If-Match", "\"1\""));
        assertEquals(200, theirs.status(), theirs::toString);
        click(By.xpath("//section[.//h2[@id='sec-contact']]//button[@type='submit']"));
        WebElement dialog = browser.visible(By.cssSelector("dialog#conflict"));
        assertTrue(dialog.getText().contains("Someone else changed this lead"), dialog.getText());
        browser.assertAccessible("conflict dialog");
        click(By.id("conflict-reload"));
        browser.waitForText(By.cssSelector(".lead-header"), "Changed elsewhere");
        assertEquals("Chief Revenue Officer", browser.visible(By.id("edit-person-jobTitle")).getAttribute("value"),
                "what the seller typed is kept");
        click(By.xpath("//section[.//h2[@id='sec-contact']]//button[@type='submit']"));
        browser.waitForText(By.id("sec-contact"), "Contact");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                "Chief Revenue Officer".equals(tenant.api().get("/api/v1/leads/" + id).json()
                        .getJsonObject("person").getString("jobTitle")));
        assertEquals("Changed elsewhere", tenant.api().get("/api/v1/leads/" + id).json().getString("topic"));
    }

    @Test
    void stakeholdersAndCompetitorsAreAddedOnTheLeadPage() {
        String id = lead(Fixtures.tradeFairLead("Partied"));
        open("/leads/" + id);
        click(By.xpath("//summary[contains(., 'Add stakeholder')]"));
        type(By.id("stakeholder-name"), "Dr. Weber");
        new Select(browser.visible(By.id("stakeholder-attitude"))).selectByValue("SUPPORTIVE");
        click(By.xpath("//button[@type='submit'][contains(., 'Add stakeholder')]"));
        browser.waitForText(By.cssSelector(".parties"), "Dr. Weber Decision maker");
        click(By.xpath("//summary[contains(., 'Add competitor')]"));
        click(By.xpath("//button[@type='submit'][contains(., 'Add competitor')]"));
        assertFalse(browser.visible(By.id("competitor-name-error")).getText().isBlank(), "the name is required");
        type(By.id("competitor-name"), "Spreadsheet Corp");
        click(By.xpath("//button[@type='submit'][contains(., 'Add competitor')]"));
        browser.waitForText(By.cssSelector(".parties"), "Spreadsheet Corp");
        assertEquals(1, tenant.api().get("/api/v1/leads/" + id + "/competitors").items().size());
        browser.assertAccessible("stakeholders and competitors");
    }

    @Test
    void theTimelineTakesAnInteractionANoteAndAPostAndFiltersByKind() {
        String id = lead(Fixtures.tradeFairLead("Chatty"));
        open("/leads/" + id);
        click(By.xpath("//summary[contains(., 'Log an interaction')]"));
        new Select(browser.visible(By.id("log-medium"))).selectByValue("MEETING");
        type(By.id("log-purpose"), "Demo at their office");
        type(By.id("log-content"), "They want the mobile app too");
        click(By.xpath("//button[@type='submit'][contains(., 'Log interaction')]"));
        browser.waitForText(By.cssSelector(".timeline .entries"), "Demo at their office");
        click(By.xpath("//summary[contains(., 'Add a note')]"));
        type(By.id("note-text"), "Call back after the board meeting");
        click(By.xpath("//button[@type='submit'][contains(., 'Add note')]"));
        browser.waitForText(By.cssSelector(".timeline .entries"), "Call back after the board meeting");
        click(By.xpath("//summary[contains(., 'Add a social post')]"));
        type(By.id("post-text"), "Looking for a CRM, any advice?");
        click(By.xpath("//button[@type='submit'][contains(., 'Add post')]"));
        browser.waitForText(By.cssSelector(".timeline .entries"), "Looking for a CRM");
        browser.assertAccessible("timeline");

        new Select(browser.visible(By.id("timeline-kind"))).selectByValue("NOTE");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                !d.findElement(By.cssSelector(".timeline")).getText().contains("Demo at their office"));
        assertTrue(text(By.cssSelector(".timeline .entries")).contains("Call back after the board meeting"));
    }

    @Test
    void aNoteIsEditedInPlaceAndKeepsItsEarlierText() {
        String id = lead(Fixtures.tradeFairLead("Noted"));
        assertEquals(201, tenant.api().post("/api/v1/leads/" + id + "/notes", Json.createObjectBuilder()
                .add("text", "Budget approved in March").build()).status());
        open("/leads/" + id);
        browser.waitForText(By.cssSelector(".timeline .entries"), "Budget approved in March");
        click(By.cssSelector(".entry.note button[aria-label='Edit the note']"));
        WebElement text = browser.visible(By.cssSelector(".entry.note textarea"));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        text.sendKeys("Budget approved in April");
        click(By.cssSelector(".entry.note form button[type='submit']"));
        browser.waitForText(By.cssSelector(".timeline .entries"), "Budget approved in April");
        click(By.xpath("//li[contains(@class,'note')]//button[contains(., 'Earlier versions (1)')]"));
        browser.waitForText(By.cssSelector(".entry.note .note-history"), "Budget approved in March");
        assertTrue(text(By.cssSelector(".entry.note .note-history")).contains("replaced by Me"),
                text(By.cssSelector(".entry.note .note-history")));
        browser.assertAccessible("note with its history");
    }

    @Test
    void theTimelineIsFilteredByANamedColleague() {
        String id = lead(Fixtures.tradeFairLead("Shared"));
        Fixtures.User colleague = Fixtures.newUser(server, tenant, "SALES");
        assertEquals(201, colleague.api().post("/api/v1/leads/" + id + "/notes", Json.createObjectBuilder()
                .add("text", "Spoke to their CFO at the fair").build()).status());
        assertEquals(201, tenant.api().post("/api/v1/leads/" + id + "/notes", Json.createObjectBuilder()
                .add("text", "Sent the brochure").build()).status());
        open("/leads/" + id);
        browser.waitForText(By.cssSelector(".timeline .entries"), "Spoke to their CFO");
        assertTrue(text(By.cssSelector(".timeline .entries")).contains("Sent the brochure"));
        new Select(browser.visible(By.id("timeline-employee"))).selectByVisibleText("By User " + colleague.username());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                !d.findElement(By.cssSelector(".timeline")).getText().contains("Sent the brochure"));
        assertTrue(text(By.cssSelector(".timeline .entries")).contains("Spoke to their CFO"));
        assertTrue(text(By.cssSelector(".timeline .entries")).contains("User " + colleague.username()),
                "the colleague is named on the entry");
        browser.assertAccessible("timeline filtered by a colleague");
    }

    @Test
    void aFieldProblemIsShownNextToItsField() {
        String id = lead(Fixtures.tradeFairLead("Typo"));
        open("/leads/" + id);
        click(By.id("edit-contact"));
        type(By.id("edit-person-email"), "not-an-address");
        click(By.xpath("//section[.//h2[@id='sec-contact']]//button[@type='submit']"));
        browser.waitForText(By.id("edit-person-email-error"), "e-mail");
        browser.assertAccessible("field error");
    }

    @Test
    void theGermanUiShowsGermanTextsAndFormats() {
        String id = lead(Fixtures.tradeFairLead("Deutsch"));
        open("/leads/" + id);
        try {
            new Select(browser.visible(By.id("locale"))).selectByValue("de");
            browser.waitForText(By.cssSelector(".lead-header"), "Heiß");
            assertTrue(text(By.cssSelector(".lead-close")).contains("Qualifizieren"));
            assertTrue(text(By.id("sec-qualification")).contains("Qualifizierung"));
            // 50000 EUR in German: "50.000,00 €"
            String data = text(By.cssSelector(".lead-data")).replace('\u00a0', ' ');
            assertTrue(data.contains("50.000,00 €"), data);
            // the built-in process's stages in German from the bundles (the process plugin names them in English)
            browser.waitForText(By.cssSelector(".stages"), "Entwickeln");
            String stages = text(By.cssSelector(".stages"));
            assertTrue(stages.contains("Qualifizieren") && stages.contains("Anbieten") && stages.contains("Abschließen")
                    && !stages.contains("Develop"), stages);
            assertTrue(text(By.cssSelector(".stage-detail h3")).startsWith("Qualifizieren"));
            // its steps, checklist and what is missing to move on too, from the bundles (the plugin gives English)
            String detail = text(By.cssSelector(".stage-detail"));
            assertTrue(detail.contains("Budget, Bedarf, Kaufzeitraum und Entscheider herausfinden")
                    && detail.contains("Der Bedarf wurde mit dem Lead bestätigt")
                    && !detail.contains("The need was confirmed") && !detail.contains("Find out budget"), detail);
            assertTrue(text(By.id("stage-missing")).contains("„Der Bedarf wurde mit dem Lead bestätigt“ muss abgehakt sein"),
                    text(By.id("stage-missing")));
            assertEquals("de", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            browser.assertAccessible("lead page in German");
            browser.screenshot("lead-page-de");
            // remembered
            browser.driver().navigate().refresh();
            browser.waitForText(By.cssSelector("header"), "Abmelden");
            open("/leads");
            browser.waitForText(By.cssSelector("h1"), "Leads");
            assertTrue(text(By.cssSelector(".page-head")).contains("Neuer Lead"));
        } finally {
            new Select(browser.visible(By.id("locale"))).selectByValue("en");
            browser.waitForText(By.cssSelector("header"), "Sign out");
        }
    }

    @Test
    void aBrowserThatPrefersGermanGetsTheGermanUi() {
        try (Browser german = Browser.open("de-DE,de,en")) {
            german.get(server.base() + "/");
            german.waitForText(By.cssSelector(".sign-in"), "Bei Leadline anmelden");
            assertEquals("de", german.driver().findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(german.visible(By.cssSelector("label[for='fld-password']")).getText().startsWith("Passwort"));
            german.assertAccessible("sign-in in German");
        }
    }

    @Test
    void anotherTenantsLeadIsNotFound() {
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        String theirs = other.api().post("/api/v1/leads", Fixtures.tradeFairLead("Foreign")).json().getString("id");
        open("/leads/" + theirs);
        browser.waitForText(By.cssSelector("main"), "This lead was not found");
        assertFalse(text(By.cssSelector("main")).contains("Foreign"));
        browser.assertAccessible("not found");
    }
}
