package org.leadline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How long the browser UI takes to open a lead, with its timeline, when the tenant has many leads.
 *
 * <p>Starts the distribution, creates a tenant with the seed scoring rules, gives one lead a timeline
 * of about 40 entries through the API (interactions, notes, a checklist item and a stage change, its
 * rating and recommended action, field changes), stops the server, bulk-loads {@code --leads} more
 * leads for the tenant with JDBC (as {@link ListAtScale} does), starts it again and signs in with
 * headless Debian chromium driven by its chromedriver.
 *
 * <p>What is measured: a script the browser runs at the start of every document (before the page's
 * own scripts) watches the DOM and notes {@code performance.now()} in the first animation frame after
 * the page is complete: for the lead page, the header with the lead's name, the recommended actions,
 * the process bar and the first timeline entries are in the DOM; for the lead list, its first row.
 * {@code performance.now()} counts from the navigation's start, so a figure is the time from the
 * moment the browser starts to load the address to the frame that paints the finished page: loading
 * {@code index.html} and the modules, the API calls and the rendering. "Cold" is the first open on the
 * freshly started server with the browser's cache cleared; "warm" are the following opens (a full page
 * load each, the browser's cache as it is); "in the app" is following a link from the lead list to the
 * lead (a hash change: no page load, only the API calls and the rendering).
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.LeadPageOpen --leads 100000 [--opens 30]}
 */
public final class LeadPageOpen {

    /** Notes, in the first animation frame after the page is complete, performance.now() as window.__llReady. */
    private static final String WATCH = """
            (() => {
              window.__llReady = null;
              const complete = () => {
                const h = location.hash;
                if (/^#\\/leads\\/[0-9a-f-]{36}/.test(h)) {
                  const name = document.querySelector('.lead-header h1');
                  return name && name.textContent.trim() && document.querySelector('.recommendations .rec')
                    && document.querySelector('.process .stages li')
                    && document.querySelector('.timeline .entries li');
                }
                if (h.startsWith('#/leads')) return document.querySelector('table.leads tbody tr');
                return false;
              };
              let pending = false;
              const check = () => {
                if (window.__llReady !== null || pending || !complete()) return;
                pending = true;
                requestAnimationFrame(() => { window.__llReady = performance.now(); pending = false; });
              };
              new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
            })();
            """;

    /** Waits for window.__llReady; answers it (ms since the navigation started). */
    private static final String AWAIT = """
            const done = arguments[arguments.length - 1];
            const until = Date.now() + 30000;
            const poll = () => window.__llReady != null ? done(window.__llReady)
              : Date.now() > until ? done(-1) : setTimeout(poll, 2);
            poll();
            """;

    /** The API calls of the page: name, start and end in ms since the navigation started. */
    private static final String CALLS = """
            return performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/'))
              .map((e) => e.name.replace(/^.*\\/api\\/v1/, '') + ' ' + e.startTime.toFixed(0) + '–'
                + e.responseEnd.toFixed(0) + ' ms');
            """;

    private LeadPageOpen() {
    }

    public static void main(String[] args) throws Exception {
        Figures.productionServer();
        int leads = Figures.intArg(args, "--leads", 100_000);
        int opens = Figures.intArg(args, "--opens", 30);
        System.out.printf("database: %s, leads in the tenant: %,d, opens per page: %d%n",
                LeadlineServer.onPostgresql() ? "postgresql" : "derby", leads, opens);

        LeadlineServer server = LeadlineServer.start(Files.createTempDirectory("leadline-leadpage-"), Map.of());
        ChromeDriver browser = null;
        Path profile = Files.createTempDirectory("leadline-bench-browser");
        try {
            Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
            Api api = tenant.api();
            seedRules(api);
            String owner = api.get("/api/v1/auth/me").json().getString("id");
            String lead = leadWithTimeline(api);
            int entries = api.get("/api/v1/leads/" + lead + "/timeline?limit=100").items().size();
            System.out.printf("the measured lead has %d timeline entries%n", entries);
            server.stop();

            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), "")) {
                ListAtScale.load(c, tenant.tenantId(), owner, leads, 1);
                if (LeadlineServer.onPostgresql()) {
                    c.setAutoCommit(true);
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("ANALYZE");
                    }
                }
            }
            Figures.releaseEmbeddedDerby(server);
            System.out.printf("bulk load: %,d leads in %.0f s%n", leads, (System.nanoTime() - t0) / 1e9);
            server.restart();

            browser = chromium(profile);
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
            signIn(browser, server, tenant);

            String leadPage = server.base() + "/#/leads/" + lead;
            String listPage = server.base() + "/#/leads";
            browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
            double coldLead = open(browser, leadPage);
            List<String> coldCalls = calls(browser);
            double coldList = open(browser, listPage);

            long[] leadNanos = new long[opens];
            long[] listNanos = new long[opens];
            long[] inAppNanos = new long[opens];
            List<String> warmCalls = List.of();
            for (int i = 0; i < opens; i++) {
                leadNanos[i] = (long) (open(browser, leadPage) * 1e6);
                warmCalls = calls(browser);
                listNanos[i] = (long) (open(browser, listPage) * 1e6);
                inAppNanos[i] = (long) (inApp(browser, lead) * 1e6);
            }

            long[] apiNanos = new long[opens];
            long[] timelineNanos = new long[opens];
            Api seller = server.api().login(tenant.slug(), tenant.username(), tenant.password());
            for (int i = 0; i < opens; i++) {
                long s = System.nanoTime();
                check(seller.get("/api/v1/leads/" + lead));
                apiNanos[i] = System.nanoTime() - s;
                s = System.nanoTime();
                check(seller.get("/api/v1/leads/" + lead + "/timeline?limit=20"));
                timelineNanos[i] = System.nanoTime() - s;
            }

            System.out.printf("%n%-44s %8s %8s %8s %8s%n", "page (ms from navigation start to painted)", "cold", "p50",
                    "p95", "max");
            row("lead page (full page load)", coldLead, leadNanos);
            row("lead page (link from the list, in the app)", Double.NaN, inAppNanos);
            row("lead list (full page load)", coldList, listNanos);
            row("API GET /leads/{id} (context)", Double.NaN, apiNanos);
            row("API GET /leads/{id}/timeline?limit=20", Double.NaN, timelineNanos);
            System.out.println("\nAPI calls of the cold lead page (ms since navigation start):");
            coldCalls.forEach(c -> System.out.println("  " + c));
            System.out.println("API calls of the last warm lead page:");
            warmCalls.forEach(c -> System.out.println("  " + c));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            server.discard();
        }
    }

    private static void row(String name, double cold, long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        double p50 = sorted[(int) Math.floor(0.5 * sorted.length)] / 1e6;
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.floor(0.95 * sorted.length))] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.printf("%-44s %8s %8.0f %8.0f %8.0f%n", name, Double.isNaN(cold) ? "" : String.format("%.0f", cold),
                p50, p95, max);
    }

    private static void check(Api.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException(r.toString());
        }
    }

    /** A full page load of {@code url}; answers the ms from navigation start to the painted page. */
    private static double open(ChromeDriver browser, String url) {
        browser.get("about:blank");
        browser.get(url);
        double ms = ((Number) browser.executeAsyncScript(AWAIT)).doubleValue();
        if (ms < 0) {
            throw new IllegalStateException(url + " did not complete in 30 s: " + browser.getCurrentUrl());
        }
        return ms;
    }

    /** From the (complete) lead list to the lead, as following its link: a hash change, no page load. */
    private static double inApp(ChromeDriver browser, String lead) {
        Object ms = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.__llReady = null;
                const start = performance.now();
                location.hash = '#/leads/' + arguments[0];
                const until = Date.now() + 30000;
                const poll = () => window.__llReady != null ? done(window.__llReady - start)
                  : Date.now() > until ? done(-1) : setTimeout(poll, 2);
                poll();
                """, lead);
        double v = ((Number) ms).doubleValue();
        if (v < 0) {
            throw new IllegalStateException("the lead did not open in the app in 30 s");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> calls(ChromeDriver browser) {
        return new ArrayList<>((List<String>) browser.executeScript(CALLS));
    }

    private static ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("leadline.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("leadline.it.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void signIn(ChromeDriver browser, LeadlineServer server, Fixtures.TenantAdmin tenant) {
        browser.get(server.base() + "/#/sign-in");
        until(() -> !browser.findElements(By.id("fld-tenant")).isEmpty());
        WebElement slug = browser.findElement(By.id("fld-tenant"));
        slug.sendKeys(Keys.chord(Keys.CONTROL, "a"), tenant.slug());
        browser.findElement(By.id("fld-username")).sendKeys(tenant.username());
        browser.findElement(By.id("fld-password")).sendKeys(tenant.password(), Keys.ENTER);
        until(() -> {
            Object page = browser.executeScript("const m = document.querySelector('main > *');"
                    + " return m ? m.tagName.toLowerCase() : null");
            return page != null && !"ll-sign-in".equals(page);
        });
    }

    private static void until(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("signing in took longer than 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The seed rules of the browser tests: a trade-fair lead whose budget and need match is HOT. */
    private static void seedRules(Api api) {
        api.post("/api/v1/extensions/scoring-bant/bant/disable");
        Api.Response rules = api.put("/api/v1/qualification/rules", Fixtures.seedRules(), Map.of());
        if (rules.status() / 100 != 2) {
            throw new IllegalStateException(rules.toString());
        }
    }

    /** A HOT trade-fair lead with about 40 timeline entries. */
    private static String leadWithTimeline(Api api) {
        Api.Response created = api.post("/api/v1/leads?allowDuplicate=true", Fixtures.tradeFairLead("Benchmark"));
        if (created.status() != 201) {
            throw new IllegalStateException(created.toString());
        }
        String id = created.json().getString("id");
        String base = "/api/v1/leads/" + id;
        for (int i = 1; i <= 20; i++) {
            created(api, base + "/interactions", Json.createObjectBuilder()
                    .add("medium", i % 3 == 0 ? "EMAIL" : "PHONE").add("direction", i % 2 == 0 ? "INBOUND" : "OUTBOUND")
                    .add("purpose", "Follow-up " + i)
                    .add("content", Json.createObjectBuilder().add("text", "Talked about the rollout, step " + i))
                    .build());
        }
        for (int i = 1; i <= 12; i++) {
            created(api, base + "/notes", Json.createObjectBuilder()
                    .add("text", "Note " + i + ": the committee meets every second Tuesday.").build());
        }
        created(api, base + "/process/checklist", Json.createObjectBuilder().add("stage", "qualify")
                .add("item", "The need was confirmed with the lead").add("done", true).build());
        created(api, base + "/process/stage", Json.createObjectBuilder().add("stage", "develop").build());
        for (int i = 1; i <= 3; i++) {
            Api.Response current = api.get(base);
            Api.Response patched = api.patch(base, Json.createObjectBuilder()
                    .add("topic", "CRM for the sales team, revision " + i).build(), Map.of("If-Match", current.etag()));
            check(patched);
        }
        return id;
    }

    private static void created(Api api, String path, JsonObject body) {
        Api.Response r = api.post(path, body);
        if (r.status() / 100 != 2) {
            throw new IllegalStateException(path + " -> " + r);
        }
    }
}
