package org.leadline.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The interactive API reference in a real browser: it renders the served document from the
 * WebJar's Swagger UI under the page's Content-Security-Policy, and a reader who signs in through
 * the login operation can try a call that needs the session.
 */
class ReferencePageIT {

    static final LeadlineServer server = LeadlineServer.shared();

    @Test
    void aReaderSignsInOnThePageAndTriesACall() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        try (Browser browser = Browser.open()) {
            browser.get(server.base() + "/api-docs/");
            browser.visible(By.cssSelector("#operations-tag-Leads"));
            assertTrue(browser.driver().findElements(By.cssSelector(".opblock-tag")).size() >= 15,
                    "every feature's operations are there");
            assertTrue(browser.driver().getTitle().contains("Leadline"), browser.driver().getTitle());
            browser.visible(By.cssSelector("#operations-tag-Leads")).click();
            browser.visible(By.cssSelector("#operations-Leads-createLead"));
            browser.visible(By.cssSelector("#operations-tag-Authentication")).click();

            // before signing in, a call that needs the session is refused
            assertEquals("401", tryOut(browser, "Authentication-getCurrentUser", null));

            String login = "{\"tenant\": \"" + tenant.slug() + "\", \"username\": \"" + tenant.username()
                    + "\", \"password\": \"" + tenant.password() + "\"}";
            assertEquals("200", tryOut(browser, "Authentication-login", login));
            collapse(browser, "Authentication-login");

            String status = tryOut(browser, "Authentication-getCurrentUser", null);
            String answer = browser.visible(By.cssSelector("#operations-Authentication-getCurrentUser "
                    + ".live-responses-table .response-col_description pre")).getText();
            assertEquals("200", status, answer);
            assertTrue(answer.contains("\"username\": \"" + tenant.username() + "\""), answer);
            assertTrue(answer.contains("TENANT_ADMIN"), answer);

            List<String> console = browser.console();
            assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")),
                    "nothing the page needs is refused by its policy: " + console);
        }
    }

    /** Opens an operation, tries it out with {@code body} (null: none) and answers the status shown. */
    private static String tryOut(Browser browser, String operation, String body) {
        String op = "#operations-" + operation;
        WebElement block = browser.visible(By.cssSelector(op));
        if (!block.getAttribute("class").contains("is-open")) {
            browser.visible(By.cssSelector(op + " .opblock-summary-control")).click();
        }
        List<WebElement> tryOut = browser.driver().findElements(By.cssSelector(op + " .try-out__btn"));
        if (!tryOut.isEmpty() && tryOut.get(0).getText().contains("Try it out")) {
            tryOut.get(0).click();
        }
        if (body != null) {
            WebElement text = browser.visible(By.cssSelector(op + " textarea.body-param__text"));
            text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            text.sendKeys(body);
        }
        By status = By.cssSelector(op + " .live-responses-table .response .response-col_status");
        // An operation tried before shows its last answer until the new one arrives: clear it first.
        List<WebElement> before = browser.driver().findElements(status);
        if (!before.isEmpty()) {
            browser.visible(By.cssSelector(op + " .btn-clear")).click();
            browser.gone(before.get(0));
        }
        browser.visible(By.cssSelector(op + " .btn.execute")).click();
        return browser.visible(status).getText().strip().split("\\s+")[0];
    }

    private static void collapse(Browser browser, String operation) {
        browser.visible(By.cssSelector("#operations-" + operation + " .opblock-summary-control")).click();
    }
}
