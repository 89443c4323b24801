package dev.paymux.api.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's chromium driven by Playwright for Java (its own browser download skipped), for the tests of
 * the customer's pages: contexts that let only the test server answer and record every other host
 * asked, screenshots under {@code target/screenshots}, and the axe-core accessibility check.
 */
public final class Browsers implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** The npm fixture holding axe-core; installed by .ci/run, or here on first use. */
    private static final Path AXE_FIXTURE = Paths.get("src", "test", "browser");
    /** Where the pages under test find axe-core, on their own origin (answered by the context's route). */
    private static final String AXE_PATH = "/__browser-test/axe.min.js";

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches chromium; without it the test is skipped on a developer machine and fails in CI. */
    public static Browsers launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                fail(CHROMIUM + " is missing: .ci/run installs Debian's chromium package for the browser tests");
            }
            Assumptions.abort("browser test skipped: " + CHROMIUM + " is missing (apt-get install -y chromium)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Browsers(playwright, browser);
    }

    /** A browser context where only {@code localhost} answers; every other host asked is added to {@code foreign}. */
    public BrowserContext localOnly(int width, int height, List<String> foreign) {
        return localOnly(width, height, foreign, Set.of());
    }

    /**
     * The same, where also each of {@code origins} (exactly {@code scheme://host:port}, such as a test's
     * own page server on 127.0.0.1) answers; the set is read at each request, so a test may add to it.
     */
    public BrowserContext localOnly(int width, int height, List<String> foreign, Set<String> origins) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.route("**/*", route -> {
            URI uri = URI.create(route.request().url());
            if (AXE_PATH.equals(uri.getPath())) {
                // axe-core, answered here as if the page's own origin served it, so a page whose
                // Content-Security-Policy allows only its own scripts can still be checked.
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/javascript")
                        .setBody(axeSource()));
            } else if ("localhost".equals(uri.getHost()) || origins.contains(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())) {
                route.resume();
            } else {
                foreign.add(route.request().url());
                route.abort();
            }
        });
        return context;
    }

    public static List<String> newRecord() {
        return new CopyOnWriteArrayList<>();
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Runs axe-core inside the page (loaded from the page's own origin, answered by the context, so the
     * page still asks no other host and its script policy holds)
     * and returns the serious and critical violations, each as "rule: target".
     */
    public static List<String> seriousAccessibilityViolations(Page page, JsonMapper json) {
        URI at = URI.create(page.url());
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl(at.getScheme() + "://" + at.getAuthority() + AXE_PATH));
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{ resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ id: v.id, targets: v.nodes.map(n => n.target.join(' ')) })))");
        List<String> out = new ArrayList<>();
        for (JsonNode v : json.readTree(String.valueOf(result))) {
            out.add(v.get("id").asString() + ": " + v.get("targets"));
        }
        return out;
    }

    private static synchronized String axeSource() {
        Path script = AXE_FIXTURE.resolve("node_modules").resolve("axe-core").resolve("axe.min.js");
        try {
            if (!Files.exists(script)) {
                Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                        .directory(AXE_FIXTURE.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci in " + AXE_FIXTURE + " failed: axe-core is needed");
                }
            }
            return Files.readString(script);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
