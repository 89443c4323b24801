package dev.paymux.api.donation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.paymux.api.support.BrowserTest;
import dev.paymux.api.support.Browsers;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.MerchantSite;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The donation widget on a merchant's site (a page on another origin, served by the test) in its three
 * modes, its overlay with the donation page in a frame, the donation made there end to end up to a
 * completed checkout, and the donation page's accessibility. No host but Paymux and that site is asked.
 */
class DonateWidgetBrowserTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    private static final String XSS = "<script>alert(1)</script> thanks!";

    @Autowired
    TransferSink sink;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private MerchantSite site;
    private String siteOrigin;

    /** The merchant's own site: another origin, serving the pages a test puts there. */
    @BeforeEach
    void startSite() {
        site = MerchantSite.start();
        siteOrigin = site.origin();
        allowedOrigins.add(siteOrigin);
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
    }

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theButtonOpensTheDonationPageAndTheDonationGoesThroughToACompletedCheckout() {
        Merchant m = donating(List.of("USDT_TRC20", "BTC"));
        open("/shop.html", "<h1>My shop</h1><p>Thanks for visiting.</p>"
                + widget(m, "data-text=\"Buy us a coffee\" data-color=\"#e11d48\"") + "<p id=\"after\">Footer</p>");

        Locator button = page.locator(".paymux-donate-widget");
        assertThat(button).hasText("Buy us a coffee");
        assertThat(style(button, "backgroundColor")).isEqualTo("rgb(225, 29, 72)");
        // Placed right after its script.
        assertThat(page.evaluate("() => document.querySelector('script[data-store-key]').nextElementSibling.className"))
                .asString().contains("paymux-donate-widget");
        Browsers.screenshot(page, "donate-widget-button");

        button.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).hasAttribute("aria-modal", "true");
        assertThat(page.locator(".paymux-donate-overlay")).hasCSS("position", "fixed");
        assertThat(focused()).contains("paymux-donate-close");
        String src = page.locator("iframe.paymux-donate-frame").getAttribute("src");
        assertThat(src).startsWith("http://localhost:" + port + "/donate/" + m.apiKey() + "?embed=1&text=Buy%20us%20a%20coffee")
                .contains("color=%23e11d48");

        FrameLocator frame = page.frameLocator("iframe.paymux-donate-frame");
        assertThat(frame.locator("#donate-text")).hasText("Buy us a coffee");
        assertThat(frame.locator("h1")).containsText("Donate to ");
        frame.locator("label[for=amount-2]").click();
        frame.locator("label[for=currency-USDT_TRC20]").click();
        assertThat(frame.locator("#currency-USDT_TRC20")).isChecked();
        frame.getByLabel("Your name (optional)").fill("Ana <b>");
        frame.getByLabel("Message (optional)").fill(XSS);
        Browsers.screenshot(page, "donate-widget-overlay");
        frame.locator("#donate-submit").click();

        // The frame lands on the donation's checkout: address, amount, and the donor's words as text.
        assertThat(frame.locator("#address")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        String address = frame.locator("#address").textContent().strip();
        String amount = frame.locator("#amount").textContent().strip();
        assertThat(address).startsWith("T");
        assertThat(new BigDecimal(amount)).isBetween(new BigDecimal("24.99"), new BigDecimal("25.05"));
        assertThat(frame.locator("#donor-name")).hasText("Donation from Ana <b>");
        assertThat(frame.locator("#donor-message")).hasText(XSS);
        assertThat(frame.locator("#donor-message script")).hasCount(0);
        Browsers.screenshot(page, "donate-widget-checkout");

        // The merchant sees it as a donation.
        JsonNode donations = m.get("/api/v1/payments?kind=donation").data();
        assertThat(donations.get("total").asLong()).isEqualTo(1);
        JsonNode d = donations.get("payments").get(0);
        assertThat(d.get("donation").asBoolean()).isTrue();
        assertThat(d.get("donor_name").asString()).isEqualTo("Ana <b>");
        assertThat(d.get("donor_message").asString()).isEqualTo(XSS);
        assertThat(d.get("pay_address").asString()).isEqualTo(address);
        assertThat(d.get("fiat_amount").decimalValue()).isEqualByComparingTo("25");

        // Paid on chain: the checkout in the frame follows it to completed.
        long height = 70_000 + Math.floorMod(run.hashCode(), 10_000);
        sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-gift", 0), Asset.USDT_TRC20, address,
                new BigDecimal(amount), height, run + "-block-" + height, clock.instant()));
        sink.tip(Chain.TRON, height + 18, null, clock.instant());
        assertThat(frame.locator("h1")).hasText("Payment complete", LIVE);
        assertThat(payment(m, d.get("payment_id").asString()).get("status").asString()).isEqualTo("completed");
        Browsers.screenshot(page, "donate-widget-completed");

        page.locator(".paymux-donate-close").click();
        assertThat(page.locator(".paymux-donate-overlay")).hasCount(0);
        assertThat(focused()).contains("paymux-donate-widget");
        assertThat(dialogs).as("alerts or other dialogs").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void theTopBarShowsTheTextAndAmountsAndEscapeClosesTheOverlayFromThePageOrTheFrame() {
        Merchant m = donating(List.of("USDT_TRC20"));
        open("/blog.html", "<h1 id=\"top\">A blog</h1><p>Some text.</p>"
                + widget(m, "data-mode=\"topbar\" data-text=\"Support open source\" data-amounts=\"3,7,15,abc\" data-color=\"#0a7d5a\""));

        Locator bar = page.locator(".paymux-donate-topbar");
        assertThat(bar).isVisible();
        assertThat(bar.locator(".paymux-donate-text")).hasText("Support open source");
        assertThat(style(bar, "position")).isEqualTo("fixed");
        assertThat(bar.boundingBox().y).isEqualTo(0);
        assertThat(style(bar, "backgroundColor")).isEqualTo("rgb(10, 125, 90)");
        assertThat(bar.locator(".paymux-donate-amount")).hasText(new String[] {"$3", "$7", "$15"});
        assertThat(bar.locator(".paymux-donate-primary")).hasText("Donate");
        // The page's own top is not hidden under the bar.
        assertThat(page.locator("#top").boundingBox().y).isGreaterThanOrEqualTo(bar.boundingBox().height);
        Browsers.screenshot(page, "donate-widget-topbar");

        bar.getByText("$7").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        assertThat(page.locator("iframe.paymux-donate-frame").getAttribute("src")).contains("amounts=3%2C7%2C15")
                .contains("amount=7").contains("color=%230a7d5a");
        FrameLocator frame = page.frameLocator("iframe.paymux-donate-frame");
        assertThat(frame.locator("#donate-text")).hasText("Support open source");
        assertThat(frame.locator("input[name=fiat_amount][value='7']")).isChecked();
        assertThat(frame.locator("label[for^=amount-]")).hasText(new String[] {"3", "7", "15", "Other"});
        // Escape on the page around the frame.
        page.keyboard().press("Escape");
        assertThat(page.locator(".paymux-donate-overlay")).hasCount(0);
        assertThat(focused()).contains("paymux-donate-amount");

        // Escape inside the frame: the donation page tells the widget.
        bar.locator(".paymux-donate-primary").click();
        frame.getByLabel("Your name (optional)").click();
        // The key event is dispatched inside the frame: a real key press there would wait for an answer from
        // the frame it removes, and hang the browser's input.
        frame.getByLabel("Your name (optional)").dispatchEvent("keydown", java.util.Map.of("key", "Escape",
                "code", "Escape", "bubbles", true));
        assertThat(page.locator(".paymux-donate-overlay")).hasCount(0);
        assertThat(focused()).contains("paymux-donate-primary");
        assertThat(dialogs).isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void inlineWaitsForItsElementAndAShortColourIsUsed() {
        Merchant m = donating(List.of("USDT_TRC20", "ETH"));
        // The script comes before its element: it waits for the document.
        open("/about.html", widget(m, "data-mode=\"inline\" data-target=\"crypto-donate\" data-text=\"Keep us going\" "
                + "data-amounts=\"5,10,25\" data-color=\"#fb0\"") + "<h1>About us</h1><div id=\"crypto-donate\"></div>");

        Locator box = page.locator("#crypto-donate .paymux-donate-inline");
        assertThat(box).isVisible();
        assertThat(box.locator(".paymux-donate-text")).hasText("Keep us going");
        assertThat(box.locator(".paymux-donate-amount")).hasText(new String[] {"$5", "$10", "$25"});
        Locator donate = box.locator(".paymux-donate-primary");
        assertThat(style(donate, "backgroundColor")).isEqualTo("rgb(255, 187, 0)");
        // Dark text on a light colour.
        assertThat(style(donate, "color")).isEqualTo("rgb(0, 0, 0)");
        Browsers.screenshot(page, "donate-widget-inline");

        box.getByText("$10").click();
        FrameLocator frame = page.frameLocator("iframe.paymux-donate-frame");
        assertThat(frame.locator("input[name=fiat_amount][value='10']")).isChecked();
        assertThat(frame.locator("input[name=currency]")).hasCount(2);
        page.locator(".paymux-donate-close").click();
        assertThat(page.locator(".paymux-donate-overlay")).hasCount(0);

        // A colour that is none is the default one.
        open("/plain.html", widget(m, "data-color=\"red; background:url(http://tracker.example/x)\""));
        assertThat(style(page.locator(".paymux-donate-widget"), "backgroundColor")).isEqualTo("rgb(10, 102, 194)");
        assertThat(page.locator(".paymux-donate-widget")).hasText("Donate");
        assertThat(dialogs).isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void theDonationPageIsAccessibleAndShowsARefusalInItsLiveRegion() {
        Merchant m = donating(List.of("USDT_TRC20", "BTC", "ETH"));
        page.navigate("http://localhost:" + port + "/donate/" + m.apiKey() + "?amounts=5,10,25,50&color=%23e11d48");
        assertThat(page.locator("h1")).containsText("Donate to ");
        Browsers.screenshot(page, "donate-page");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        page.getByLabel("Other amount").fill("abc");
        page.locator("#donate-submit").click();
        assertThat(page.locator("#error")).containsText("The donation could not be created.");
        assertThat(page.locator("#error")).hasAttribute("role", "alert");
        Browsers.screenshot(page, "donate-page-error");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core with the error").isEmpty();
        assertThat(paymentsOf(m)).isZero();

        var missing = page.navigate("http://localhost:" + port + "/donate/pk_no_such_key");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Donations are not available");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core on the 404").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    // ---- helpers ----

    private Merchant donating(List<String> assets) {
        Merchant m = newStore(assets, 1);
        assertThat(admin().send("PATCH", "/admin/v1/stores/" + m.storeId(), "{\"donations_enabled\":true}").status())
                .isEqualTo(200);
        return m;
    }

    private static JsonNode payment(Merchant m, String id) {
        return m.get("/api/v1/payment/" + id).data();
    }

    private static long paymentsOf(Merchant m) {
        return m.get("/api/v1/payments").data().get("total").asLong();
    }

    private String widget(Merchant m, String attributes) {
        return "<script src=\"http://localhost:" + port + "/donate-widget.js\" data-store-key=\"" + m.apiKey() + "\" "
                + attributes + "></script>";
    }

    private void open(String path, String body) {
        assertThat(page.navigate(site.put(path, body)).status()).isEqualTo(200);
    }

    private static String style(Locator l, String property) {
        return String.valueOf(l.evaluate("(e, p) => getComputedStyle(e)[p]", property));
    }

    private String focused() {
        return String.valueOf(page.evaluate("() => document.activeElement ? document.activeElement.className : ''"));
    }
}
