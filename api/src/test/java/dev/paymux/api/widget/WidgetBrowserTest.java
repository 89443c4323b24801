package dev.paymux.api.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.paymux.api.support.BrowserTest;
import dev.paymux.api.support.Browsers;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.MerchantSite;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The payment widget on a merchant's site (another origin, served by the test): the merchant API docs'
 * snippet with only the script's host changed opens the checkout in an overlay and reports the completed
 * payment with its transaction hash; closing reports onClose, failures onError; a site the store does not
 * allow cannot create a payment. No host but Paymux and that site is asked.
 */
class WidgetBrowserTest extends BrowserTest {

    private static final int LIVE_MS = 30_000;
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS);

    @Autowired
    TransferSink sink;

    @Autowired
    @Qualifier("expiry.ticks")
    MessageChannel expiryTicks;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private MerchantSite site;

    @BeforeEach
    void startSite() {
        site = MerchantSite.start();
        allowedOrigins.add(site.origin());
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
    }

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theDocsSnippetOpensTheCheckoutAndReportsTheCompletedPaymentWithItsTxHash() {
        Merchant m = widgetStore(List.of("USDT_TRC20"), site.origin());
        // The snippet of the merchant API docs, button first, only the script's host changed.
        open("/checkout.html", "<h1>Order ORDER-123</h1>\n"
                + "<button id=\"pay-btn\">Pay with Crypto</button>\n"
                + "<script src=\"http://localhost:" + port + "/widget.js\"></script>\n"
                + "<script>\n"
                + "CryptoMerchant.init({ apiKey: '" + m.apiKey() + "' });\n"
                + "document.getElementById('pay-btn').addEventListener('click', function() {\n"
                + "CryptoMerchant.pay({\n"
                + "amount: 100.00,\n"
                + "order_id: 'ORDER-123',\n"
                + "onSuccess: function(payment) {\n"
                + "alert('Payment confirmed! TX: ' + payment.tx_hash);\n"
                + "},\n"
                + "onClose: function() {\n"
                + "console.log('Widget closed');\n"
                + "},\n"
                + "onError: function(err) {\n"
                + "console.error('Payment error:', err);\n"
                + "}\n"
                + "});\n"
                + "});\n"
                + "</script>");
        Browsers.screenshot(page, "widget-button");

        page.locator("#pay-btn").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).hasAttribute("aria-modal", "true");
        assertThat(page.locator(".paymux-widget-overlay")).hasCSS("position", "fixed");
        assertThat(page.locator(".paymux-widget-close")).hasAttribute("aria-label", "Close");
        assertThat(page.locator("iframe.paymux-widget-frame")).hasAttribute("title", "Payment");
        assertThat(page.locator("iframe.paymux-widget-frame").getAttribute("src"))
                .startsWith("http://localhost:" + port + "/pay/")
                .endsWith("?embed=1&origin=" + site.origin().replace(":", "%3A").replace("/", "%2F"));

        FrameLocator frame = page.frameLocator("iframe.paymux-widget-frame");
        assertThat(frame.locator("#address")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LIVE_MS));
        String address = frame.locator("#address").textContent().strip();
        String amount = frame.locator("#amount").textContent().strip();
        assertThat(frame.locator("#network")).hasText("USDT on TRON (TRC-20)");
        Browsers.screenshot(page, "widget-overlay");

        // The merchant sees the widget's payment, for its order.
        JsonNode made = onlyPayment(m);
        assertThat(made.get("order_id").asString()).isEqualTo("ORDER-123");
        assertThat(made.get("source").asString()).isEqualTo("widget");
        assertThat(made.get("pay_address").asString()).isEqualTo(address);
        assertThat(new BigDecimal(amount).setScale(0, java.math.RoundingMode.DOWN)).isEqualByComparingTo("100");

        long height = 80_000 + Math.floorMod(run.hashCode(), 10_000);
        sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-widget", 0), Asset.USDT_TRC20, address,
                new BigDecimal(amount), height, run + "-block-" + height, clock.instant()));
        sink.tip(Chain.TRON, height + 18, null, clock.instant());
        assertThat(frame.locator("h1")).hasText("Payment complete", LIVE);
        page.waitForCondition(() -> !dialogs.isEmpty(), new Page.WaitForConditionOptions().setTimeout(LIVE_MS));
        assertThat(dialogs).containsExactly("alert: Payment confirmed! TX: " + run + "-widget");
        assertThat(m.get("/api/v1/payment/" + made.get("payment_id").asString()).data().get("tx_hash").asString())
                .isEqualTo(run + "-widget");
        Browsers.screenshot(page, "widget-completed");

        page.locator(".paymux-widget-close").click();
        assertThat(page.locator(".paymux-widget-overlay")).hasCount(0);
        page.waitForCondition(() -> console.contains("log: Widget closed"));
        assertThat(focused()).isEqualTo("pay-btn");
        assertThat(console).noneMatch(c -> c.contains("Payment error"));
        assertThat(dialogs).hasSize(1);
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void closingTheOverlayFromThePageOrFromInsideTheFrameCallsOnClose() {
        Merchant m = widgetStore(List.of("USDT_TRC20"), site.origin());
        recordingPage(m, "{ amount: '15', order_id: 'CLOSE-" + run + "' }");

        page.locator("#pay-btn").click();
        FrameLocator frame = page.frameLocator("iframe.paymux-widget-frame");
        assertThat(frame.locator("#address")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LIVE_MS));
        page.locator(".paymux-widget-close").click();
        assertThat(page.locator(".paymux-widget-overlay")).hasCount(0);
        waitForEvents("close");
        assertThat(focused()).isEqualTo("pay-btn");

        // Again, for the same order: the same payment; Escape pressed inside the checkout closes it too.
        page.locator("#pay-btn").click();
        assertThat(frame.locator("#address")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LIVE_MS));
        escapeInside(frame.locator("button.copy").first());
        assertThat(page.locator(".paymux-widget-overlay")).hasCount(0);
        waitForEvents("close", "close");
        assertThat(m.get("/api/v1/payments").data().get("total").asLong()).isEqualTo(1);
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void aBadAmountOrPaymentIdReachesOnErrorAndCreatesNothing() {
        Merchant m = widgetStore(List.of("USDT_TRC20"), site.origin());
        recordingPage(m, "{ amount: -5, order_id: 'BAD-" + run + "' }");
        page.locator("#pay-btn").click();
        JsonNode events = waitForEvents("error");
        JsonNode err = events.get(0).get("data");
        assertThat(err.get("code").asString()).isEqualTo("bad_request");
        assertThat(err.get("status").asInt()).isEqualTo(400);
        assertThat(err.get("message").asString()).contains("amount");
        assertThat(page.locator(".paymux-widget-overlay")).hasCount(0);
        assertThat(m.get("/api/v1/payments").data().get("total").asLong()).isZero();

        page.evaluate("() => CryptoMerchant.pay({ payment_id: 'not-a-payment', onError: e => window.events.push({ type: 'error', data: e }) })");
        assertThat(waitForEvents("error", "error").get(1).get("data").get("code").asString()).isEqualTo("bad_request");
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void aSiteTheStoreDoesNotAllowCannotCreateAPayment() {
        Merchant m = widgetStore(List.of("USDT_TRC20"), "https://shop.example");
        recordingPage(m, "{ amount: '10', order_id: 'FOREIGN-" + run + "' }");
        page.locator("#pay-btn").click();
        JsonNode err = waitForEvents("error").get(0).get("data");
        // The browser's CORS check fails before any payment is asked for: the page cannot tell why.
        assertThat(err.get("code").asString()).isEqualTo("network");
        assertThat(page.locator(".paymux-widget-overlay")).hasCount(0);
        Browsers.screenshot(page, "widget-refused");

        // Not even a request the page sends itself gets a payment made.
        Object direct = page.evaluate("url => fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, "
                + "body: JSON.stringify({ amount: '10', order_id: 'DIRECT' }) }).then(r => 'status ' + r.status, e => 'failed')",
                "http://localhost:" + port + "/widget/v1/stores/" + m.apiKey() + "/payments");
        assertThat(direct).isEqualTo("failed");
        assertThat(m.get("/api/v1/payments").data().get("total").asLong()).isZero();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void aPaymentTheMerchantsServerCreatedOpensByItsIdAndItsExpiryReachesOnError() {
        Merchant m = widgetStore(List.of("USDT_TRC20"), site.origin());
        Http.Response created = m.post("/api/v1/payment/create",
                "{\"amount\":\"42\",\"currency\":\"USDT_TRC20\",\"order_id\":\"SRV-" + run + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.data().get("payment_id").asString();
        recordingPage(m, "{ payment_id: '" + id + "' }");

        page.locator("#pay-btn").click();
        FrameLocator frame = page.frameLocator("iframe.paymux-widget-frame");
        assertThat(frame.locator("#address")).hasText(created.data().get("pay_address").asString(), LIVE);
        assertThat(frame.locator("#amount")).hasText(created.data().get("amount").asString());

        clock.advance(Duration.ofMinutes(31));
        expiryTicks.send(MessageBuilder.withPayload(Instant.now()).build());
        assertThat(frame.locator("h1")).hasText("This payment has expired", LIVE);
        JsonNode err = waitForEvents("error").get(0).get("data");
        assertThat(err.get("code").asString()).isEqualTo("expired");
        assertThat(err.get("payment").get("payment_id").asString()).isEqualTo(id);
        assertThat(err.get("payment").get("order_id").asString()).isEqualTo("SRV-" + run);
        assertThat(m.get("/api/v1/payments").data().get("total").asLong()).isEqualTo(1);
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void withSeveralCurrenciesTheCustomerChoosesInTheOverlayAndPaysThere() {
        Merchant m = widgetStore(List.of("USDT_TRC20", "BTC"), site.origin());
        recordingPage(m, "{ fiat_amount: 20, fiat_currency: 'USD', order_id: 'CHOICE-" + run + "' }");
        page.locator("#pay-btn").click();
        FrameLocator frame = page.frameLocator("iframe.paymux-widget-frame");
        Locator usdt = frame.locator("button[name=currency][value=USDT_TRC20]");
        assertThat(usdt).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LIVE_MS));
        Browsers.screenshot(page, "widget-choice");
        usdt.click();
        assertThat(frame.locator("#address")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LIVE_MS));
        JsonNode made = onlyPayment(m);
        assertThat(made.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(made.get("source").asString()).isEqualTo("widget");
        assertThat(frame.locator("#address")).hasText(made.get("pay_address").asString());
        // Still framed and reporting: Escape in the checkout closes the overlay.
        escapeInside(frame.locator("button.copy").first());
        waitForEvents("close");
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    // ---- helpers ----

    private Merchant widgetStore(List<String> assets, String origin) {
        Merchant m = newStore(assets, 1);
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/widget",
                "{\"allowed_origins\":[\"" + origin + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return m;
    }

    /** A shop page whose button calls pay with {@code options} and records every callback in window.events. */
    private void recordingPage(Merchant m, String options) {
        open("/pay.html", "<button id=\"pay-btn\">Pay with Crypto</button>"
                + "<script src=\"http://localhost:" + port + "/widget.js\"></script>"
                + "<script>window.events = [];"
                + "function record(type) { return function (x) { window.events.push({ type: type, data: x === undefined ? null : x }); }; }"
                + "CryptoMerchant.init({ apiKey: '" + m.apiKey() + "' });"
                + "document.getElementById('pay-btn').addEventListener('click', function () {"
                + "  CryptoMerchant.pay(Object.assign({ onSuccess: record('success'), onClose: record('close'),"
                + "    onError: record('error') }, " + options + "));"
                + "});</script>");
    }

    /** Waits until exactly these callbacks were recorded, in order, and returns them. */
    private JsonNode waitForEvents(String... types) {
        String expected = String.join(",", types);
        page.waitForFunction("t => window.events.map(e => e.type).join(',') === t", expected,
                new Page.WaitForFunctionOptions().setTimeout(LIVE_MS));
        return json.readTree(String.valueOf(page.evaluate("() => JSON.stringify(window.events)")));
    }

    /**
     * Escape on {@code target} inside the frame, as a key event dispatched there: a real key press would
     * wait for an answer from the frame it removes (the key closes the overlay), and hang the browser's input.
     */
    private void escapeInside(Locator target) {
        target.focus();
        target.dispatchEvent("keydown", java.util.Map.of("key", "Escape", "code", "Escape", "bubbles", true));
    }

    private static JsonNode onlyPayment(Merchant m) {
        JsonNode list = m.get("/api/v1/payments").data();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        return list.get("payments").get(0);
    }

    private void open(String path, String body) {
        assertThat(page.navigate(site.put(path, body)).status()).isEqualTo(200);
    }

    private String focused() {
        return String.valueOf(page.evaluate("() => document.activeElement ? document.activeElement.id : ''"));
    }
}
