package org.leadline.it.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven through Debian's chromedriver, for the browser tests. Where either
 * is not installed (a developer's machine), the test is skipped with a message; {@code .ci/run}
 * installs both, so CI always runs them.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("leadline.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("leadline.it.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new headless browser with an empty profile; skips the test when chromium is not installed. */
    public static Browser open() {
        return open(null);
    }

    /**
     * A new headless browser whose preferred languages are {@code languages} (e.g. "de-DE,de"), as
     * {@code navigator.languages} reports them; null: the browser's default.
     */
    public static Browser open(String languages) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "); .ci/run installs them");
        try {
            Path profile = Files.createTempDirectory("leadline-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // the machine's network is closed: no background connections, no updates, no sync
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            if (languages != null) {
                options.addArguments("--lang=" + languages.split(",")[0]);
                options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /**
     * Opens a page of the UI (a hash route) on the server at {@code base}, signing in as the
     * tenant's administrator first when the page asks for it, and waits until the page is there.
     */
    public void openSignedIn(String base, org.leadline.it.Fixtures.TenantAdmin tenant, String route) {
        driver.get("about:blank");
        driver.get(base + "/#" + route);
        WebElement page = visible(By.cssSelector("main > *"));
        if ("ll-sign-in".equals(page.getTagName())) {
            signIn(tenant);
        }
    }

    /** Signs in on the sign-in page shown now, as the tenant's administrator, and waits until it is left. */
    public void signIn(org.leadline.it.Fixtures.TenantAdmin tenant) {
        WebElement tenantField = visible(By.id("fld-tenant"));
        tenantField.sendKeys(Keys.chord(Keys.CONTROL, "a"), tenant.slug());
        driver.findElement(By.id("fld-username")).sendKeys(tenant.username());
        driver.findElement(By.id("fld-password")).sendKeys(tenant.password(), Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class) // the page replaced meanwhile
                .until(d -> !d.findElements(By.cssSelector("main > *")).isEmpty()
                        && !"ll-sign-in".equals(d.findElement(By.cssSelector("main > *")).getTagName()));
    }

    /** The element once it is visible (at most 30 s). */
    public WebElement visible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until {@code element} has left the page, e.g. an old answer replaced by a new one (at most 30 s). */
    public void gone(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(element));
    }

    /** Waits until the element's text contains {@code text} (at most 30 s). */
    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Saves a picture of the whole page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            org.openqa.selenium.Dimension before = driver.manage().window().getSize();
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                    Math.max(before.getHeight(), Math.min(4000, height.intValue() + 140))));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            driver.manage().window().setSize(before);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the axe-core accessibility check on the page as it is and fails on every serious or
     * critical violation, naming the rule and the elements.
     */
    public void assertAccessible(String page) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError(page + " has accessibility violations: " + String.join("; ", serious));
        }
    }

    /** What the page wrote to the console since the last call: errors, CSP violations, failed loads. */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
