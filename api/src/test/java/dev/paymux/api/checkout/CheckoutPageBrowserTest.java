package dev.paymux.api.checkout;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.paymux.api.support.BrowserTest;
import dev.paymux.api.support.Browsers;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The checkout page in a real browser: what the customer reads and scans, the state changing live as
 * the chain moves (server-sent events), the languages, a phone-sized screen, accessibility (axe-core),
 * and no request to any host but Paymux.
 */
class CheckoutPageBrowserTest extends BrowserTest {

    /** Waits for changes that arrive through the status feed; generous for a busy machine. */
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @Autowired
    TransferSink sink;

    @Autowired
    @Qualifier("expiry.ticks")
    MessageChannel expiryTicks;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theQrCodeHoldsTheWalletUriOfTheAmountAndAddressShown() throws Exception {
        Merchant m = newStore(List.of("ETH"), 1);
        JsonNode p = create(m, "{\"amount\":\"0.05\",\"currency\":\"ETH\"}");
        page.navigate(url(p));
        String amount = page.locator("#amount").textContent().strip();
        String address = page.locator("#address").textContent().strip();
        assertThat(amount).isEqualTo(p.get("amount").asString());
        assertThat(address).isEqualTo(p.get("pay_address").asString());
        assertThat(page.locator("#network")).hasText("Ether on Ethereum (ETH)");

        String wei = new BigDecimal(amount).movePointRight(18).toBigIntegerExact().toString();
        assertThat(decodeQr(page.locator("#qr"))).isEqualTo("ethereum:" + address + "@1?value=" + wei);
        Browsers.screenshot(page, "checkout-eth-pending");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void theStateChangesLiveToConfirmingAndCompletedAsTheChainMoves() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        brand(m);
        JsonNode p = create(m, "{\"amount\":\"30\",\"currency\":\"USDT_TRC20\"}");
        page.navigate(url(p));
        assertThat(page.locator("h1")).hasText("Send your payment");
        assertThat(page.locator("#qr")).isVisible();
        // The store's logo, served by Paymux, is drawn.
        page.waitForFunction("() => { const i = document.querySelector('img.logo'); return i && i.complete && i.naturalWidth > 0; }");
        assertThat(decodeQr(page.locator("#qr"))).isEqualTo(p.get("pay_address").asString());
        // The page listens before the chain moves: its event stream is open.
        assertThat(page.locator("#checkout")).hasAttribute("data-live", "events");

        BigDecimal amount = new BigDecimal(p.get("amount").asString());
        sink.observed(transfer("live", p.get("pay_address").asString(), amount, 9000L));
        sink.tip(Chain.TRON, 9002, null, clock.instant());
        assertThat(page.locator("h1")).hasText("Payment received: confirming", LIVE);
        assertThat(page.locator("#confirmations")).hasText(Pattern.compile("^\\d+ of 19 confirmations$"));
        assertThat(page.locator("#live")).hasText("Payment received: confirming");
        assertThat(page.locator("#address")).hasCount(0);
        Browsers.screenshot(page, "checkout-confirming");

        sink.tip(Chain.TRON, 9018, null, clock.instant());
        assertThat(page.locator("h1")).hasText("Payment complete", LIVE);
        assertThat(page.locator("#tx-hash")).hasText(tx("live"));
        assertThat(page.locator("#received")).hasText(p.get("amount").asString() + " USDT");
        assertThat(page.locator("#back-to-store")).hasAttribute("href", "https://shop.example/thanks");
        Browsers.screenshot(page, "checkout-completed-branded");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void anUnderpaidPaymentShowsWhatIsMissingAndAnExpiredOneSaysSo() {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        JsonNode under = create(m, "{\"amount\":\"100\",\"currency\":\"USDT_TRC20\"}");
        sink.observed(transfer("short", under.get("pay_address").asString(), new BigDecimal("60"), 9100L));
        sink.tip(Chain.TRON, 9118, null, clock.instant());
        page.navigate(url(under));
        assertThat(page.locator("h1")).hasText("Part of the payment is missing");
        BigDecimal missing = new BigDecimal(under.get("amount").asString()).subtract(new BigDecimal("60"));
        assertThat(page.locator("#state-text")).containsText(missing.setScale(2) + " USDT is still missing");
        Browsers.screenshot(page, "checkout-underpaid");

        JsonNode late = create(m, "{\"amount\":\"12\",\"currency\":\"USDT_TRC20\"}");
        page.navigate(url(late));
        assertThat(page.locator("h1")).hasText("Send your payment");
        assertThat(page.locator("#checkout")).hasAttribute("data-live", "events");
        clock.advance(Duration.ofMinutes(31));
        expiryTicks.send(MessageBuilder.withPayload(Instant.now()).build());
        assertThat(page.locator("h1")).hasText("This payment has expired", LIVE);
        assertThat(page.locator("#already-sent")).containsText("do not send it again");
        assertThat(page.locator("#qr")).hasCount(0);
        Browsers.screenshot(page, "checkout-expired");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void theCustomerSwitchesLanguageAndThePageFitsAPhone() {
        openPage(360, 740);
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"15\",\"currency\":\"USDT_TRC20\"}");
        page.navigate(url(p));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Русский")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "ru");
        assertThat(page.locator("h1")).not().hasText("Send your payment");
        assertThat(page.locator("#amount")).hasText(p.get("amount").asString());
        // Nothing wider than the screen: no sideways scrolling on a phone.
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        Browsers.screenshot(page, "checkout-phone-ru");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void anUnknownPaymentIsAReadable404() {
        var r = page.navigate("http://localhost:" + port + "/pay/" + UUID.randomUUID());
        assertThat(r.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Payment not found");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
    }

    // ---- helpers ----

    /** A colour, a logo and a return URL for the store's checkout. */
    private void brand(Merchant m) throws java.io.IOException {
        assertThat(admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/branding",
                "{\"accent_color\":\"#7a1fa2\",\"return_url\":\"https://shop.example/thanks\"}").status()).isEqualTo(200);
        java.awt.image.BufferedImage logo = new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = logo.createGraphics();
        g.setColor(new java.awt.Color(0x7a1fa2));
        g.fillOval(2, 2, 36, 36);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        assertThat(http().send("PUT", "/admin/v1/stores/" + m.storeId() + "/branding/logo", png.toByteArray(),
                java.util.Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "Content-Type", "image/png")).status())
                .isEqualTo(200);
    }

    private JsonNode create(Merchant m, String body) {
        Http.Response r = m.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private String url(JsonNode p) {
        return "http://localhost:" + port + "/pay/" + p.get("payment_id").asString();
    }

    /**
     * The QR code as the browser draws it, read back with ZXing. A fresh screenshot per try: one taken while
     * a busy machine is still painting the page may not hold the whole code.
     */
    private static String decodeQr(Locator qr) {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.screenshot()));
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
                return result.getText();
            } catch (Exception e) {
                last = e;
            }
        }
        throw new AssertionError("the QR code could not be read: " + last, last);
    }

    private String tx(String name) {
        return run + "-" + name;
    }

    private ChainTransfer transfer(String name, String to, BigDecimal amount, long height) {
        return new ChainTransfer(new TransferKey(Chain.TRON, tx(name), 0), Asset.USDT_TRC20, to, amount, height,
                run + "-block-" + height, clock.instant());
    }
}
