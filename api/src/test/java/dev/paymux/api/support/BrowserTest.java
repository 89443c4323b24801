package dev.paymux.api.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests of the customer's pages: one chromium per class, and per test a fresh page
 * where only the test server answers and every other host asked is recorded in {@link #foreign}.
 */
public abstract class BrowserTest extends ApiTest {

    private static Browsers browsers;

    protected final List<String> foreign = Browsers.newRecord();
    /**
     * Origins ({@code scheme://host:port}) besides the test server that may answer, such as a page of a
     * test's own on another origin; empty unless the test adds one.
     */
    protected final Set<String> allowedOrigins = new CopyOnWriteArraySet<>();
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    @BeforeEach
    void openPage() {
        openPage(480, 900);
    }

    /** Replaces the test's page with one of this viewport size (a phone, say). */
    protected void openPage(int width, int height) {
        closePage();
        context = browsers.localOnly(width, height, foreign, allowedOrigins);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
