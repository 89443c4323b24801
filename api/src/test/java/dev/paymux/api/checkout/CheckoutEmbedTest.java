package dev.paymux.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The checkout and selection pages inside the payment widget's frame: framed only by the store's allowed
 * origins, reporting to the parent page only when it is one of them, and keeping the frame from the
 * currency choice to the checkout.
 */
class CheckoutEmbedTest extends ApiTest {

    private static final String SHOP = "https://shop.example";
    private static final String SHOP_PARAM = "origin=https%3A%2F%2Fshop.example";

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheStoresWidgetOriginsMayFrameItsCheckout() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"12\",\"currency\":\"USDT_TRC20\"}");
        assertThat(page(p.get("payment_id").asString(), "").header("Content-Security-Policy"))
                .isEqualTo("frame-ancestors 'self'");
        origins(m, SHOP, "http://127.0.0.1:8081");
        assertThat(page(p.get("payment_id").asString(), "").header("Content-Security-Policy"))
                .isEqualTo("frame-ancestors 'self' http://127.0.0.1:8081 " + SHOP);
    }

    @Test
    void theFramedPageReportsToItsParentOnlyWhenTheStoreAllowsIt() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        origins(m, SHOP);
        String id = create(m, "{\"amount\":\"12\",\"currency\":\"USDT_TRC20\"}").get("payment_id").asString();

        String framed = page(id, "?embed=1&origin=" + "HTTPS://Shop.Example").body();
        assertThat(attribute(framed, "main", "data-parent-origin")).isEqualTo(SHOP);
        // The language switcher keeps the page in its frame.
        assertThat(framed).contains("href=\"/pay/" + id + "?lang=de&amp;embed=1&amp;" + SHOP_PARAM + "\"");

        for (String query : List.of("", "?origin=" + SHOP, "?embed=1&origin=https://evil.example", "?embed=1",
                "?embed=1&origin=null", "?embed=1&origin=javascript:alert(1)")) {
            String html = page(id, query).body();
            assertThat(attribute(html, "main", "data-parent-origin")).as(query).isNull();
            assertThat(html).as(query).contains("href=\"/pay/" + id + "?lang=de\"");
        }
    }

    @Test
    void aStoreWithoutWidgetOriginsHasNoParentToReportTo() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String id = create(m, "{\"amount\":\"12\",\"currency\":\"USDT_TRC20\"}").get("payment_id").asString();
        assertThat(attribute(page(id, "?embed=1&origin=" + SHOP).body(), "main", "data-parent-origin")).isNull();
    }

    @Test
    void aDonationsCheckoutMayBeFramedAnywhereLikeItsDonationPage() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        assertThat(admin().send("PATCH", "/admin/v1/stores/" + m.storeId(), "{\"donations_enabled\":true}").status())
                .isEqualTo(200);
        Http.Response donated = http().send("POST", "/donate/create",
                ("{\"api_key\":\"" + m.apiKey() + "\",\"fiat_amount\":5,\"fiat_currency\":\"USD\",\"currency\":\"USDT_TRC20\"}")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100.77"));
        assertThat(donated.status()).as(donated.body()).isEqualTo(200);
        assertThat(page(donated.data().get("payment_id").asString(), "").header("Content-Security-Policy"))
                .isEqualTo("frame-ancestors *");
    }

    @Test
    void theCurrencyChoiceStaysInTheFrameUpToTheCheckout() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        origins(m, SHOP);
        JsonNode p = create(m, "{\"amount\":\"30\"}");
        assertThat(p.get("status").asString()).isEqualTo("selecting");
        String id = jdbc.sql("select id from payments where selection_token = :t")
                .param("t", p.get("payment_url").asString().replaceFirst(".*token=", "")).query(String.class).single();

        Http.Response toChoice = page(id, "?embed=1&origin=" + SHOP);
        assertThat(toChoice.status()).isEqualTo(303);
        String location = toChoice.header("Location");
        assertThat(location).startsWith("/pay/select?token=").endsWith("&embed=1&" + SHOP_PARAM);
        String token = URLDecoder.decode(location.substring("/pay/select?token=".length(), location.indexOf('&')),
                StandardCharsets.UTF_8);

        Http.Response choice = http().get(location);
        assertThat(choice.status()).isEqualTo(200);
        assertThat(choice.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'self' " + SHOP);
        assertThat(choice.body()).contains("<input type=\"hidden\" name=\"origin\" value=\"" + SHOP + "\">")
                .contains("<input type=\"hidden\" name=\"embed\" value=\"1\">");
        // Not framed: no such fields.
        assertThat(http().get("/pay/select?token=" + token).body()).doesNotContain("name=\"origin\"");

        Http.Response chosen = form("token=" + token + "&currency=USDT_TRC20&embed=1&" + SHOP_PARAM);
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(303);
        assertThat(chosen.header("Location")).isEqualTo("/pay/" + id + "?embed=1&" + SHOP_PARAM);
        // Once chosen, the choice page sends a framed customer on to the framed checkout too.
        assertThat(http().get(location).header("Location")).isEqualTo("/pay/" + id + "?embed=1&" + SHOP_PARAM);
        // An origin the store does not allow is not carried on.
        assertThat(form("token=" + token + "&currency=USDT_TRC20&embed=1&origin=https%3A%2F%2Fevil.example")
                .header("Location")).isEqualTo("https://pay.example.test/pay/" + id);
    }

    @Test
    void theStatusTheFrameReportsNamesThePaymentAndItsAmount() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"12\",\"currency\":\"USDT_TRC20\",\"order_id\":\"EMBED-1\"}");
        JsonNode status = http().get("/pay/" + p.get("payment_id").asString() + "/status").data();
        assertThat(status.get("payment_id").asString()).isEqualTo(p.get("payment_id").asString());
        assertThat(status.get("order_id").asString()).isEqualTo("EMBED-1");
        assertThat(status.get("status").asString()).isEqualTo("pending");
        assertThat(status.get("amount").asString()).isEqualTo(p.get("amount").asString());
        assertThat(status.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(status.get("tx_hash").isNull()).isTrue();
    }

    // ---- helpers ----

    private void origins(Merchant m, String... origins) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < origins.length; i++) {
            list.append(i == 0 ? "" : ",").append('"').append(origins[i]).append('"');
        }
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/widget",
                "{\"allowed_origins\":" + list.append(']') + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode create(Merchant m, String body) {
        Http.Response r = m.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private Http.Response page(String id, String query) {
        return http().get("/pay/" + id + query);
    }

    private Http.Response form(String body) {
        return http().send("POST", "/pay/select", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** The value of {@code name} on the first {@code tag} element, or null when it has none. */
    private static String attribute(String html, String tag, String name) {
        Matcher element = Pattern.compile("<" + tag + "\\b[^>]*>").matcher(html);
        assertThat(element.find()).as("<" + tag + ">").isTrue();
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(element.group());
        return value.find() ? value.group(1) : null;
    }
}
