package dev.paymux.api.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.paymux.api.support.Admin;
import dev.paymux.api.support.BrowserTest;
import dev.paymux.api.support.Browsers;
import dev.paymux.api.support.Merchant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The selection page in a real browser: Debian's chromium driven by Playwright for Java (its own browser
 * download is skipped). The customer opens the payment_url, sees each asset with its amount, clicks one
 * and is sent on to the payment's URL (on the configured public URL, which does not resolve here: the
 * landing request's URL and the redirect behind it are what is checked). The page must ask no other host.
 */
class SelectionPageBrowserTest extends BrowserTest {

    /** Not routed to: the 303's landing request is checked by its URL (a route sees only a chain's first URL). */
    private static final String PUBLIC_URL = "https://pay.example.test";

    @Test
    void theCustomerSeesTheAssetsPicksOneAndLandsOnThePayment() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String paymentUrl = m.post("/api/v1/payment/create", "{\"amount\":\"100\"}").data().get("payment_url").asString();
        assertThat(paymentUrl).startsWith(PUBLIC_URL + "/pay/select?token=");
        String token = paymentUrl.substring(paymentUrl.indexOf("token=") + 6);

        Response opened = page.navigate(local(paymentUrl));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page).hasTitle(Pattern.compile("^Pay Test store "));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose how to pay"))).isVisible();
        assertThat(page.locator("#price")).hasText("100.00 USD");

        // One button per asset, each with the exact amount the selection API gives.
        JsonNode options = http().get("/api/v1/selection/" + token).data().get("currencies");
        assertThat(options).hasSize(2);
        Locator buttons = page.locator("form.choices button[name=currency]");
        assertThat(buttons).hasCount(2);
        Locator usdt = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                options.get(0).get("amount").asString() + " USDT USDT on TRON (TRC-20)"));
        Locator btc = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                options.get(1).get("amount").asString() + " BTC Bitcoin (BTC)"));
        assertThat(usdt).isEnabled();
        assertThat(btc).isEnabled();
        assertThat(btc.locator(".amount")).hasText("0.00102565 BTC");
        assertThat(usdt.locator(".amount")).hasText("100.00 USDT");

        // The time left counts down (vanilla JS) from the store's 30 minutes.
        Locator timeLeft = page.locator("#time-left");
        assertThat(timeLeft).hasText(Pattern.compile("^(29:[0-5]\\d|30:00)$"));
        String before = timeLeft.textContent();
        assertThat(timeLeft).not().hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(5000));

        Browsers.screenshot(page, "selection-page");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        // The click posts the form; the 303 sends the browser on to the payment's URL. That host (the configured
        // public URL) does not exist here, so the landing request is where the check ends: its URL, and the
        // POST and 303 it was redirected from.
        Request landing = page.waitForRequest(SelectionPageBrowserTest::landing, btc::click);
        JsonNode payment = http().get("/api/v1/selection/" + token).data();
        String paymentId = payment.get("payment_id").asString();
        assertThat(payment.get("currency").asString()).isEqualTo("BTC");
        assertThat(payment.get("amount_to_pay").asString()).isEqualTo("0.00102566");
        assertThat(landing.url()).isEqualTo(PUBLIC_URL + "/pay/" + paymentId);
        assertThat(landing.isNavigationRequest()).isTrue();
        Request post = landing.redirectedFrom();
        assertThat(post).isNotNull();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.url()).isEqualTo("http://localhost:" + port + "/pay/select");
        assertThat(post.postData()).isEqualTo("token=" + token + "&currency=BTC");
        assertThat(post.response().status()).isEqualTo(303);
        assertThat(post.response().headerValue("location")).isEqualTo(PUBLIC_URL + "/pay/" + paymentId);

        // The link again goes straight to the payment the choice made.
        Request again = page.waitForRequest(SelectionPageBrowserTest::landing, () -> navigateExpectingNoHost(local(paymentUrl)));
        assertThat(again.url()).isEqualTo(PUBLIC_URL + "/pay/" + paymentId);
        assertThat(again.redirectedFrom().url()).isEqualTo(local(paymentUrl));
        assertThat(again.redirectedFrom().response().status()).isEqualTo(303);

        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void anAssetTheStoreCannotTakeIsDisabledWithItsReasonAndTheOtherIsChosen() throws Exception {
        // BTC is accepted but the store has no receiving address for it; USDT_TRC20 has one.
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));
        String paymentUrl = m.post("/api/v1/payment/create", "{\"amount\":\"100\"}").data().get("payment_url").asString();
        String token = paymentUrl.substring(paymentUrl.indexOf("token=") + 6);

        assertThat(page.navigate(local(paymentUrl)).status()).isEqualTo(200);
        Locator btc = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                Pattern.compile(" BTC Bitcoin \\(BTC\\)$")));
        Locator usdt = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("100.00 USDT USDT on TRON (TRC-20)"));
        assertThat(btc).isDisabled();
        assertThat(btc).hasAttribute("aria-disabled", "true");
        // The reason is shown next to it and is the button's accessible description.
        String reason = "Not available right now: this store has no receiving address for it";
        assertThat(page.locator("#reason-BTC")).isVisible();
        assertThat(page.locator("#reason-BTC")).hasText(reason);
        assertThat(btc).hasAccessibleDescription(reason);
        assertThat(usdt).isEnabled();
        assertThat(page.locator("#reason-USDT_TRC20")).hasCount(0);
        assertThat(page.locator("#none-available")).hasCount(0);

        Browsers.screenshot(page, "selection-page-unavailable");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        Request landing = page.waitForRequest(SelectionPageBrowserTest::landing, usdt::click);
        JsonNode payment = http().get("/api/v1/selection/" + token).data();
        assertThat(payment.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(landing.url()).isEqualTo(PUBLIC_URL + "/pay/" + payment.get("payment_id").asString());
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void whenNoAssetCanBePaidThePageSaysSoInTheCustomersLanguage() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        String paymentUrl = m.post("/api/v1/payment/create", "{\"amount\":\"100\"}").data().get("payment_url").asString();

        assertThat(page.navigate(local(paymentUrl) + "&lang=fr").status()).isEqualTo(200);
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choisissez comment payer")))
                .isVisible();
        assertThat(page.locator("#none-available")).isVisible();
        assertThat(page.locator("#none-available")).containsText("Aucune de ces devises");
        assertThat(page.locator("form.choices button[name=currency]:disabled")).hasCount(2);
        assertThat(page.locator("#reason-BTC")).hasText(
                "Indisponible pour le moment : cette boutique n’a pas d’adresse de réception pour cette devise");
        Browsers.screenshot(page, "selection-page-none-available");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void anUnknownLinkShowsAReadableErrorPage() throws Exception {
        Response r = page.navigate("http://localhost:" + port + "/pay/select?token=no-such-token");
        assertThat(r.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payment link not found")))
                .isVisible();
        assertThat(page.locator("#message")).containsText("start the payment again");
        Browsers.screenshot(page, "selection-not-found");
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    private static boolean landing(Request r) {
        return r.url().startsWith(PUBLIC_URL + "/pay/") && !r.url().startsWith(PUBLIC_URL + "/pay/select");
    }

    /** Navigates to a page that redirects to the public URL's host, which does not resolve in the test. */
    private void navigateExpectingNoHost(String url) {
        try {
            page.navigate(url);
        } catch (PlaywrightException e) {
            assertThat(e.getMessage()).contains("ERR_NAME_NOT_RESOLVED");
        }
    }

    /** The payment_url as served by this test's server (the configured public URL is not reachable here). */
    private String local(String paymentUrl) {
        assertThat(paymentUrl).startsWith(PUBLIC_URL + "/");
        return "http://localhost:" + port + paymentUrl.substring(PUBLIC_URL.length());
    }
}
