package dev.paymux.api.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
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
        context = browsers.localOnly(width, height, foreign);
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
