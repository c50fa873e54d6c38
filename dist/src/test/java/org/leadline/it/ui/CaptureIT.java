package org.leadline.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 * Capture in a real browser: an e-mail dropped on the page becomes a lead; a CSV file goes through
 * the import wizard (the columns mapped automatically and corrected by hand, the dry run, the run
 * with its progress and the error report); two leads of the same person are merged field by field
 * after the merge's dry run. Every screen passes axe-core without serious or critical violations.
 */
class CaptureIT {

    static final LeadlineServer server = LeadlineServer.shared();
    static Fixtures.TenantAdmin tenant;
    static Browser browser;

    @BeforeAll
    static void setUp() {
        tenant = Fixtures.newTenant(server);
        browser = Browser.open();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void open(String route) {
        open(browser, route);
    }

    private static void open(Browser b, String route) {
        open(b, tenant, route);
    }

    private static void open(Browser b, Fixtures.TenantAdmin tenant, String route) {
        b.openSignedIn(server.base(), tenant, route);
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

    private static void noPolicyRefusals() {
        List<String> console = browser.console();
        assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")),
                "the page's policy refuses nothing it needs: " + console);
    }

    private static String lead(JsonObject body) {
        Api.Response r = tenant.api().post("/api/v1/leads?allowDuplicate=true", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    @Test
    void anEmailDroppedOnThePageBecomesALead() {
        open("/capture");
        String eml = "From: Petra Lindqvist <petra.lindqvist@nordlicht-moebel.example>\r\n"
                + "To: vertrieb@leadline.example\r\nSubject: Offer for 40 office chairs\r\n"
                + "Date: Thu, 3 Dec 2026 09:12:00 +0100\r\nMessage-ID: <drop-1@nordlicht-moebel.example>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Guten Tag,\r\n\r\nwir brauchen ein Angebot für 40 ergonomische Bürostühle.\r\n\r\n"
                + "Mit freundlichen Grüßen\r\nPetra Lindqvist\r\nEinkaufsleiterin\r\nNordlicht Möbel GmbH\r\n"
                + "Tel.: +49 40 1234567\r\n";
        // Drop the file as the user's file manager would: a drop event carrying it.
        browser.visible(By.id("mail-file-zone"));
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const zone = document.getElementById('mail-file-zone');
                const data = new DataTransfer();
                data.items.add(new File([arguments[0]], 'anfrage.eml', {type: 'message/rfc822'}));
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """, eml);
        browser.waitForText(By.id("mail-result"), "Lead created");
        String result = text(By.id("mail-result"));
        assertTrue(result.contains("Nordlicht"), result);
        assertTrue(result.contains("petra.lindqvist@nordlicht-moebel.example"), result);
        browser.assertAccessible("capture with an e-mail taken in");
        browser.screenshot("capture-email");

        click(By.id("mail-lead"));
        browser.waitForText(By.cssSelector(".lead-header h1"), "Petra Lindqvist");
        String id = browser.driver().getCurrentUrl().replaceAll(".*#/leads/", "");
        JsonObject stored = tenant.api().get("/api/v1/leads/" + id).json();
        assertEquals("EMAIL", stored.getJsonObject("origin").getString("source"));
        assertEquals("Offer for 40 office chairs", stored.getString("topic"));

        // The same file again is recognised: nothing is stored twice.
        open("/capture");
        browser.visible(By.id("mail-file-zone"));
        Path file = write("anfrage.eml", eml);
        browser.driver().findElement(By.id("mail-file")).sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(By.id("mail-result"), "taken in before");
        noPolicyRefusals();
    }

    @Test
    void theCsvWizardMapsDryRunsImportsWithProgressAndReportsErrors() {
        StringBuilder csv = new StringBuilder("Vorname;Nachname;Firma;E-Mail;Land;Kommentar\r\n");
        int rows = 240;
        for (int i = 1; i <= rows; i++) {
            String country = i == 7 ? "Atlantis" : "Deutschland";
            String last = i == 11 ? "" : "Import" + i;
            csv.append("Jana;").append(last).append(";Werk ").append(i).append(" AG;jana").append(i)
                    .append("@werk").append(i).append(".example;").append(country).append(";Messe Hannover, Stand ")
                    .append(i).append("\r\n");
        }
        Path file = write("messe-hannover.csv", csv.toString());
        open("/capture");
        new Select(browser.visible(By.id("import-policy"))).selectByValue("SKIP");
        browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());

        // The columns as the server mapped them: "Kommentar" has no field yet.
        WebElement comment = browser.visible(By.cssSelector("select[data-column='Kommentar']"));
        assertEquals("", new Select(comment).getFirstSelectedOption().getAttribute("value"));
        assertEquals("lastName", new Select(browser.driver().findElement(By.cssSelector("select[data-column='Nachname']")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals("238", text(By.cssSelector("#dry-summary [data-kind='create'] strong")));
        assertEquals("2", text(By.cssSelector("#dry-summary [data-kind='error'] strong")));
        String dryRows = text(By.id("dry-rows"));
        assertTrue(dryRows.contains("Land: must be a country") && dryRows.contains("Nachname: is required"), dryRows);

        // The user gives "Kommentar" a field and tries the dry run again: the column now goes to the description.
        new Select(comment).selectByValue("description");
        assertEquals("1", browser.driver().findElement(By.id("dry-summary")).getAttribute("data-run"));
        click(By.id("import-dry-run"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                By.id("dry-summary"), "data-run", "2"));
        assertEquals("description", new Select(browser.visible(By.cssSelector("select[data-column='Kommentar']")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals(0, tenant.api().get("/api/v1/leads?source=IMPORT&limit=5").json().getJsonArray("items").size(),
                "a dry run stores nothing");
        browser.assertAccessible("import wizard: columns and dry run");
        browser.screenshot("import-wizard");

        click(By.id("import-run"));
        WebElement bar = browser.visible(By.id("import-bar"));
        assertEquals(String.valueOf(rows), bar.getAttribute("max"), "the dry run counted the rows the bar goes to");
        browser.waitForText(By.cssSelector("#import-progress label"), "The import is done");
        assertEquals(String.valueOf(rows), browser.driver().findElement(By.id("import-bar")).getAttribute("value"));
        assertEquals("238", text(By.cssSelector("#import-counts [data-kind='created'] strong")));
        assertEquals("2", text(By.cssSelector("#import-counts [data-kind='failed'] strong")));
        browser.assertAccessible("import wizard: done");
        browser.screenshot("import-done");

        // The error report is the API's CSV, downloaded with the session.
        WebElement report = browser.visible(By.id("import-errors"));
        String csvReport = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);",
                report.getAttribute("href"));
        assertTrue(csvReport.startsWith("row,field,reason"), csvReport);
        assertTrue(csvReport.contains("8,Land,") && csvReport.contains("12,Nachname,"), csvReport);

        JsonObject imported = tenant.api().get("/api/v1/leads?q=" + Api.q("jana5@werk5.example")).json();
        assertEquals(1, imported.getJsonArray("items").size(), imported::toString);
        JsonObject five = tenant.api().get("/api/v1/leads/" + imported.getJsonArray("items").getJsonObject(0).getString("id")).json();
        assertEquals("Messe Hannover, Stand 5", five.getString("description"), "the column mapped by hand was imported");
        noPolicyRefusals();
    }

    @Test
    void aFileWithoutALastNameColumnIsMappedByHand() {
        String content = "Vorname;Wer;Firma;E-Mail\r\nUte;Handmapped1;Werk A;ute1@handmapped.example\r\n"
                + "Uwe;Handmapped2;Werk B;uwe2@handmapped.example\r\nUlla;Handmapped3;Werk C;ulla3@handmapped.example\r\n";
        // The API's refusal carries the mapping so far, with every lead field to choose from.
        Api.Response refused = tenant.api().sendBytes("POST", "/api/v1/imports?dryRun=true",
                content.getBytes(StandardCharsets.UTF_8), "text/csv", java.util.Map.of());
        assertEquals(400, refused.status(), refused::toString);
        JsonObject mapping = refused.json().getJsonObject("mapping");
        assertTrue(mapping.getJsonArray("unmapped").getString(0).equals("Wer"), mapping::toString);
        assertTrue(mapping.getJsonArray("fields").stream().anyMatch(f -> f.toString().equals("\"lastName\"")),
                mapping::toString);
        assertEquals("mapping", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Path file = write("ohne-nachname.csv", content);
        open("/capture");
        browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(By.id("mapping-error"), "lastName");
        WebElement who = browser.visible(By.cssSelector("select[data-column='Wer']"));
        assertEquals("", new Select(who).getFirstSelectedOption().getAttribute("value"));
        assertTrue(new Select(who).getOptions().size() > 20, "every lead field to choose");
        assertTrue(browser.driver().findElements(By.id("import-run")).isEmpty(), "no import before a dry run succeeds");
        browser.assertAccessible("import wizard: no last-name column");
        browser.screenshot("import-map-by-hand");

        new Select(who).selectByValue("lastName");
        click(By.id("import-dry-run"));
        browser.waitForText(By.cssSelector("#dry-summary [data-kind='create'] strong"), "3");
        assertTrue(browser.driver().findElements(By.id("mapping-error")).isEmpty());
        click(By.id("import-run"));
        browser.waitForText(By.cssSelector("#import-progress label"), "The import is done");
        assertEquals("3", text(By.cssSelector("#import-counts [data-kind='created'] strong")));
        JsonObject imported = tenant.api().get("/api/v1/leads?q=" + Api.q("uwe2@handmapped.example")).json();
        assertEquals(1, imported.getJsonArray("items").size(), imported::toString);
        assertTrue(imported.toString().contains("Handmapped2"), imported::toString);
        noPolicyRefusals();
    }

    @Test
    void theMergeScreenChoosesFieldByFieldShowsTheDryRunAndMerges() {
        String keep = lead(Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("firstName", "Tomas").add("lastName", "Berger")
                        .add("email", "t.berger@kranbau.example").add("jobTitle", "Buyer"))
                .add("company", Json.createObjectBuilder().add("name", "Kranbau Nord"))
                .add("origin", Json.createObjectBuilder().add("source", "TRADE_FAIR")).build());
        String other = lead(Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("firstName", "Tomas").add("lastName", "Berger")
                        .add("email", "t.berger@kranbau.example").add("jobTitle", "Head of Purchasing")
                        .add("businessPhone", "+49 40 555 0101"))
                .add("company", Json.createObjectBuilder().add("name", "Kranbau Nord GmbH"))
                .add("origin", Json.createObjectBuilder().add("source", "EMAIL")).build());
        Api.Response note = tenant.api().post("/api/v1/leads/" + other + "/notes",
                Json.createObjectBuilder().add("text", "Wants a call back on Friday").build());
        assertEquals(201, note.status(), note::toString);

        open("/leads/" + keep);
        click(By.id("lead-duplicates-title"));
        WebElement duplicates = browser.visible(By.id("lead-duplicates"));
        assertTrue(duplicates.getText().contains("Tomas Berger"), duplicates.getText());
        click(By.cssSelector("#lead-duplicates a.merge-link"));

        // Field by field: the job title and the company's name from the other lead.
        WebElement jobTitle = browser.visible(By.cssSelector(
                "input[data-field='person.jobTitle'][data-lead='" + other + "']"));
        assertTrue(browser.driver().findElement(By.cssSelector(
                "input[data-field='person.jobTitle'][data-lead='" + keep + "']")).isSelected());
        jobTitle.sendKeys(Keys.SPACE);
        click(By.cssSelector("label[for='" + browser.driver().findElement(By.cssSelector(
                "input[data-field='company.name'][data-lead='" + other + "']")).getAttribute("id") + "']"));
        click(By.id("merge-preview"));
        WebElement preview = browser.visible(By.id("merge-result"));
        assertEquals("Head of Purchasing", text(By.cssSelector("#merge-result dd[data-field='person.jobTitle']")));
        assertEquals("Kranbau Nord GmbH", text(By.cssSelector("#merge-result dd[data-field='company.name']")));
        assertEquals("+49 40 555 0101", text(By.cssSelector("#merge-result dd[data-field='person.businessPhone']")),
                "a field only the other lead has is taken from it");
        assertTrue(text(By.id("merge-moves")).contains("Notes: 1"), preview.getText());
        assertEquals("Buyer", tenant.api().get("/api/v1/leads/" + keep).json().getJsonObject("person").getString("jobTitle"),
                "the preview changes nothing");
        browser.assertAccessible("merge screen");
        browser.screenshot("merge");

        click(By.id("merge-confirm"));
        browser.waitForText(By.cssSelector(".lead-header"), "Head of Purchasing");
        assertTrue(browser.driver().getCurrentUrl().contains("#/leads/" + keep), browser.driver().getCurrentUrl());
        JsonObject survivor = tenant.api().get("/api/v1/leads/" + keep).json();
        assertEquals("Kranbau Nord GmbH", survivor.getJsonObject("company").getString("name"));
        assertTrue(browser.driver().findElements(By.id("lead-duplicates")).isEmpty(), "no duplicate is left");
        Api.Response gone = tenant.api().get("/api/v1/leads/" + other);
        assertTrue(gone.status() == 301 || gone.status() == 409, gone::toString);
        noPolicyRefusals();
    }

    @Test
    void theCapturePageSpeaksGerman() {
        try (Browser german = Browser.open("de-DE,de")) {
            open(german, "/capture");
            german.waitForText(By.cssSelector(".capture h1"), "Leads erfassen");
            String page = german.visible(By.cssSelector(".capture")).getText();
            assertTrue(page.contains("Aus einer E-Mail") && page.contains("CSV-Datei importieren")
                    && page.contains("Hochladen"), page);
            assertFalse(page.contains("Import a CSV file"), page);
            german.assertAccessible("capture in German");
            german.screenshot("capture-de");
        }
    }

    @Test
    void theDashboardDrawsTheFunnelAndTheTimeInStageWithTheirFigures() {
        // A tenant of its own, so that every figure is known.
        Fixtures.TenantAdmin own = Fixtures.newTenant(server);
        Api api = own.api();
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("Funnel-A", "Funnel-B", "Funnel-C")) {
            Api.Response r = api.post("/api/v1/leads?allowDuplicate=true", Fixtures.tradeFairLead(name));
            assertEquals(201, r.status(), r::toString);
            ids.add(r.json().getString("id"));
        }
        for (String id : ids.subList(0, 2)) {
            assertEquals(200, api.post("/api/v1/leads/" + id + "/process/checklist", Json.createObjectBuilder()
                    .add("stage", "qualify").add("item", "The need was confirmed with the lead").add("done", true)
                    .build()).status());
            assertEquals(200, api.post("/api/v1/leads/" + id + "/process/stage",
                    Json.createObjectBuilder().add("stage", "develop").build()).status());
        }
        Api.Response qualified = api.post("/api/v1/leads/" + ids.get(0) + "/qualify", Json.createObjectBuilder()
                .add("opportunity", Json.createObjectBuilder().add("topic", "Funnel deal")).build());
        assertEquals(201, qualified.status(), qualified::toString);
        assertEquals(200, api.post("/api/v1/opportunities/" + qualified.json().getJsonObject("opportunity")
                .getString("id") + "/win", Json.createObjectBuilder().add("reason", "Best fit").build()).status());

        try (Browser own_ = Browser.open()) {
            open(own_, own, "/dashboard");
            own_.visible(By.cssSelector("canvas#funnel"));
            own_.visible(By.cssSelector("canvas#time-in-stage"));
            for (String id : List.of("funnel", "time-in-stage")) {
                own_.driver().findElement(By.xpath("//section[@aria-labelledby='" + id + "-title']//summary")).click();
            }
            List<String> funnel = own_.driver().findElements(By.cssSelector(
                    "section[aria-labelledby='funnel-title'] table tr")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("Qualify 3", "Develop 2", "Propose 0", "Close 0", "Won 1"), funnel);
            List<String> times = own_.driver().findElements(By.cssSelector(
                    "section[aria-labelledby='time-in-stage-title'] table th")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("Qualify"), times, "two stays in the first stage ended; none elsewhere");
            Number drawn = (Number) ((JavascriptExecutor) own_.driver()).executeScript(
                    "return document.querySelectorAll('.chart canvas[width]').length");
            assertEquals(7, drawn.intValue(), "seven charts drawn");
            own_.assertAccessible("dashboard with funnel");
            own_.screenshot("dashboard-funnel");
        }
    }

    private static Path write(String name, String content) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "capture-files"));
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
