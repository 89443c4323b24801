package dev.paymux.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The hosted currency-selection page over HTTP: what it lists (assets that cannot be paid now disabled, with
 * the reason), the form's 303, its HTML errors and its languages.
 */
class SelectionPageTest extends ApiTest {

    private static final String PUBLIC_URL = "https://pay.example.test";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsEveryAssetWithTheAmountTheSelectionApiGives() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String token = selectingPayment(m, "100");

        HttpResponse<String> page = get("/pay/select?token=" + enc(token));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        String html = page.body();

        JsonNode api = http().get("/api/v1/selection/" + token).data();
        JsonNode options = api.get("currencies");
        assertThat(options).hasSize(2);
        for (JsonNode o : options) {
            String code = o.get("currency").asString();
            assertThat(o.get("available").asBoolean()).isTrue();
            // One enabled submit button per asset, the exact amount to pay in it.
            assertThat(html).contains("name=\"currency\" value=\"" + code + "\"");
            assertThat(html).contains(o.get("amount").asString());
        }
        assertThat(html).contains("100.00 USDT").contains("0.00102565 BTC");
        // The assets are named as on the checkout page.
        assertThat(html).contains("USDT on TRON (TRC-20)").contains("Bitcoin (BTC)");
        assertThat(html).doesNotContain("disabled").doesNotContain("Not available").doesNotContain("none-available");
        assertThat(html).contains("<html lang=\"en\"");
        // The price, the store, the token for the form, and the time left (30 minutes, the store's lifetime).
        assertThat(html).contains("100.00 USD");
        assertThat(html).contains("Test store ");
        assertThat(html).contains("name=\"token\" value=\"" + token + "\"");
        assertThat(html).containsPattern("data-seconds=\"1[78]\\d\\d\"").containsPattern(">(29:\\d\\d|30:00)<");
        // Nothing from other hosts: the page's CSS and JS are ours.
        assertThat(html).contains("href=\"/assets/pay.css\"").contains("src=\"/assets/countdown.js\"");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        assertThat(get("/assets/pay.css").statusCode()).isEqualTo(200);
        assertThat(get("/assets/countdown.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theFormChoosesAndRedirectsToThePaymentThenTheLinkGoesStraightThere() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String token = selectingPayment(m, "100");

        HttpResponse<String> chosen = postForm("token=" + enc(token) + "&currency=BTC");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(303);
        JsonNode payment = http().get("/api/v1/selection/" + token).data();
        String paymentId = payment.get("payment_id").asString();
        assertThat(payment.get("currency").asString()).isEqualTo("BTC");
        assertThat(payment.get("status").asString()).isEqualTo("pending");
        assertThat(chosen.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/pay/" + paymentId);
        assertThat(payment.get("payment_url").asString()).isEqualTo(PUBLIC_URL + "/pay/" + paymentId);

        // The link again: straight on to the payment that was made.
        HttpResponse<String> again = get("/pay/select?token=" + enc(token));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/pay/" + paymentId);

        // A second choice returns the payment the first one made.
        HttpResponse<String> second = postForm("token=" + enc(token) + "&currency=USDT_TRC20");
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/pay/" + paymentId);
        assertThat(http().get("/api/v1/selection/" + token).data().get("currency").asString()).isEqualTo("BTC");
    }

    @Test
    void theOtherAssetMayBeChosenToo() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String token = selectingPayment(m, "25.5");
        assertThat(get("/pay/select?token=" + enc(token)).body()).contains("25.50 USD").contains("25.50 USDT");
        HttpResponse<String> chosen = postForm("token=" + enc(token) + "&currency=usdt_trc20");
        assertThat(chosen.statusCode()).isEqualTo(303);
        JsonNode payment = http().get("/api/v1/selection/" + token).data();
        assertThat(payment.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(chosen.headers().firstValue("Location")).hasValue(payment.get("payment_url").asString());
    }

    @Test
    void anUnknownTokenIsAnHtml404() {
        HttpResponse<String> r = get("/pay/select?token=nope");
        assertHtmlError(r, 404, "Payment link not found");
        assertHtmlError(postForm("token=nope&currency=BTC"), 404, "Payment link not found");
    }

    @Test
    void aMissingTokenOrCurrencyIsAnHtml400() {
        assertHtmlError(get("/pay/select"), 400, "Incomplete payment link");
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String token = selectingPayment(m, "10");
        assertHtmlError(postForm("token=" + enc(token)), 400, "Incomplete payment link");
        HttpResponse<String> unknown = postForm("token=" + enc(token) + "&currency=DOGE");
        assertHtmlError(unknown, 400, "Unknown currency");
        assertThat(unknown.body()).contains("href=\"/pay/select?token=" + token + "\"");
        // A currency the store does not take.
        assertHtmlError(postForm("token=" + enc(token) + "&currency=ETH"), 400, "This currency cannot be used");
        assertThat(get("/pay/select?token=" + enc(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredSelectionIsAnHtml410() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String token = selectingPayment(m, "10");
        clock.advance(Duration.ofMinutes(31));
        assertHtmlError(get("/pay/select?token=" + enc(token)), 410, "This payment link has expired");
        assertHtmlError(postForm("token=" + enc(token) + "&currency=BTC"), 410, "This payment link has expired");
    }

    @Test
    void aRefusedChoiceIsAnHtml422WithTheReasonAndTheWayBack() {
        // BTC is accepted but has no receiving address: the choice is refused and nothing is made.
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));
        String token = selectingPayment(m, "10");

        HttpResponse<String> refused = postForm("token=" + enc(token) + "&currency=BTC");
        assertHtmlError(refused, 422, "This currency cannot be used");
        assertThat(refused.body()).contains("The store has no receiving address for BTC.");
        assertThat(refused.body()).contains("href=\"/pay/select?token=" + token + "\"");
        assertThat(http().get("/api/v1/selection/" + token).data().get("status").asString()).isEqualTo("selecting");

        HttpResponse<String> other = postForm("token=" + enc(token) + "&currency=USDT_TRC20");
        assertThat(other.statusCode()).isEqualTo(303);
    }

    @Test
    void anAssetTheStoreHasNoAddressForIsShownDisabledWithItsReasonAndTheOtherStaysChoosable() {
        // BTC is accepted but has no pool address and no extended public key; USDT_TRC20 has an address.
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));
        String token = selectingPayment(m, "10");

        HttpResponse<String> page = get("/pay/select?token=" + enc(token));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String btc = button(page.body(), "BTC");
        assertThat(btc).contains(" disabled").contains("aria-disabled=\"true\"")
                .contains("aria-describedby=\"reason-BTC\"");
        assertThat(page.body()).contains("<p class=\"reason\" id=\"reason-BTC\">"
                + "Not available right now: this store has no receiving address for it</p>");
        // Its price is still shown (as the API gives it, below); the asset that can be paid is a plain button.
        assertThat(btc).contains("Bitcoin (BTC)");
        String usdt = button(page.body(), "USDT_TRC20");
        assertThat(usdt).doesNotContain("disabled").doesNotContain("aria-describedby").contains("10.00 USDT");
        assertThat(page.body()).doesNotContain("reason-USDT_TRC20").doesNotContain("none-available");

        // The selection API says the same.
        JsonNode options = http().get("/api/v1/selection/" + token).data().get("currencies");
        assertThat(options).hasSize(2);
        JsonNode usdtOption = option(options, "USDT_TRC20");
        assertThat(usdtOption.get("available").asBoolean()).isTrue();
        assertThat(usdtOption.has("reason")).isFalse();
        assertThat(usdtOption.has("reason_code")).isFalse();
        JsonNode btcOption = option(options, "BTC");
        assertThat(btcOption.get("available").asBoolean()).isFalse();
        assertThat(btcOption.get("reason").asString()).isEqualTo("the store has no receiving address for it");
        assertThat(btcOption.get("reason_code").asString()).isEqualTo("no_address");
        assertThat(btc).contains(btcOption.get("amount").asString() + " BTC");

        // Choosing it anyway (a stale page, a hand-made request) is a clear 422 that writes nothing.
        HttpResponse<String> refused = postForm("token=" + enc(token) + "&currency=BTC");
        assertHtmlError(refused, 422, "This currency cannot be used");
        assertThat(refused.body()).contains("The store has no receiving address for BTC.");
        var viaApi = http().postJson("/api/v1/selection/" + token, "{\"currency\":\"BTC\"}");
        assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(422);
        assertThat(viaApi.json().get("success").asBoolean()).isFalse();
        assertThat(viaApi.error()).contains("no receiving address for BTC");
        assertThat(jdbc.sql("select status || ':' || coalesce(asset, '-') from payments where store_id = :store")
                .param("store", UUID.fromString(m.storeId())).query(String.class).list())
                .containsExactly("selecting:-");
        assertThat(http().get("/api/v1/selection/" + token).data().get("currencies")).hasSize(2);

        // The asset with an address is chosen as usual.
        HttpResponse<String> chosen = postForm("token=" + enc(token) + "&currency=USDT_TRC20");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(303);
        assertThat(http().get("/api/v1/selection/" + token).data().get("currency").asString()).isEqualTo("USDT_TRC20");
    }

    @Test
    void anExtendedPublicKeyIsAReceivingAddressToo() {
        // No pool address for BTC, but a key to derive one from: BTC can be chosen.
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));
        var set = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/xpubs/BTC",
                "{\"xpub\":\"" + randomZpub() + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String token = selectingPayment(m, "10");

        assertThat(http().get("/api/v1/selection/" + token).data().get("currencies"))
                .allSatisfy(o -> assertThat(o.get("available").asBoolean()).as(o.toString()).isTrue());
        String html = get("/pay/select?token=" + enc(token)).body();
        assertThat(button(html, "BTC")).doesNotContain("disabled");
        HttpResponse<String> chosen = postForm("token=" + enc(token) + "&currency=BTC");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(303);
        assertThat(http().get("/api/v1/selection/" + token).data().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void whenNoAssetCanBePaidThePageSaysSo() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        String token = selectingPayment(m, "10");

        HttpResponse<String> page = get("/pay/select?token=" + enc(token));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"none-available\"")
                .contains("None of these currencies can be paid right now")
                .contains("id=\"reason-BTC\"").contains("id=\"reason-USDT_TRC20\"");
        assertThat(button(page.body(), "BTC")).contains(" disabled");
        assertThat(button(page.body(), "USDT_TRC20")).contains(" disabled");
        assertThat(http().get("/api/v1/selection/" + token).data().get("currencies"))
                .allSatisfy(o -> assertThat(o.get("reason_code").asString()).isEqualTo("no_address"));
        assertHtmlError(postForm("token=" + enc(token) + "&currency=USDT_TRC20"), 422, "This currency cannot be used");
    }

    @Test
    void thePageSpeaksTheCustomersLanguage() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 0);
        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));
        String token = selectingPayment(m, "10");

        String ru = get("/pay/select?token=" + enc(token) + "&lang=ru").body();
        assertThat(ru).contains("<html lang=\"ru\"").contains("Выберите, чем оплатить")
                .contains("USDT в сети TRON (TRC-20)")
                .contains("Сейчас недоступно: у магазина нет адреса для приёма этой валюты")
                .doesNotContain("Not available").doesNotContain("Choose how to pay");
        HttpResponse<String> de = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/pay/select?token=" + enc(token))).header("Accept-Language", "de-CH, en;q=0.5").GET());
        assertThat(de.body()).contains("<html lang=\"de\"")
                .contains("Derzeit nicht verfügbar: Dieser Shop hat keine Empfangsadresse für diese Währung");
        String ja = get("/pay/select?token=" + enc(token) + "&lang=ja").body();
        assertThat(ja).contains("現在ご利用いただけません：このストアにはこの通貨の受取アドレスがありません");
    }

    @Test
    void markupIsEscaped() {
        HttpResponse<String> r = get("/pay/select?token=" + enc("<script>alert(1)</script>"));
        assertHtmlError(r, 404, "Payment link not found");
        assertThat(r.body()).doesNotContain("<script>alert");
    }

    @Test
    void theApiKeepsItsJsonErrors() {
        // The pages' HTML errors stay on the pages.
        assertThat(http().get("/api/v1/selection/nope").json().get("success").asBoolean()).isFalse();
        assertThat(http().get("/pay/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    // ---- helpers ----

    private String selectingPayment(Merchant m, String amount) {
        var created = m.post("/api/v1/payment/create", "{\"amount\":\"" + amount + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.data().get("status").asString()).isEqualTo("selecting");
        String url = created.data().get("payment_url").asString();
        assertThat(url).startsWith(PUBLIC_URL + "/pay/select?token=");
        return URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    /** The submit button of one asset, from its opening tag to its end. */
    private static String button(String html, String code) {
        int start = html.indexOf("<button type=\"submit\" name=\"currency\" value=\"" + code + "\"");
        assertThat(start).as("button for " + code).isNotNegative();
        return html.substring(start, html.indexOf("</button>", start));
    }

    private static JsonNode option(JsonNode options, String currency) {
        return options.valueStream().filter(o -> o.get("currency").asString().equals(currency)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + currency + " in " + options));
    }

    /** A fresh BIP84 account key: one key may serve one store only, and the database is shared. */
    private static String randomZpub() {
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        DeterministicKey k = HDKeyDerivation.createMasterPrivateKey(seed);
        for (int n : new int[] {84, 0, 0}) {
            k = HDKeyDerivation.deriveChildKey(k, new ChildNumber(n, true));
        }
        return k.serializePubB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH);
    }

    private static void assertHtmlError(HttpResponse<String> r, int status, String title) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<h1>" + title + "</h1>")
                .doesNotContain("\"success\"").doesNotContain("Exception");
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET());
    }

    private HttpResponse<String> postForm(String form) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pay/select"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
