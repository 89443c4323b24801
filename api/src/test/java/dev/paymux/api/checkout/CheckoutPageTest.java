package dev.paymux.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

/** The checkout page as HTML, state by state, without a browser (the browser test drives it live). */
class CheckoutPageTest extends ApiTest {

    @Autowired
    TransferSink sink;

    @Autowired
    @Qualifier("expiry.ticks")
    MessageChannel expiryTicks;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPendingPaymentShowsTheExactAmountTheAddressTheNetworkAndAQrCode() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"25\",\"currency\":\"USDT_TRC20\"}");
        Http.Response page = page(p, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        String html = page.body();
        assertThat(html).contains("<html lang=\"en\"").contains("Send your payment")
                .contains("id=\"amount\">" + p.get("amount").asString() + "</span>")
                .contains("id=\"address\">" + p.get("pay_address").asString() + "</code>")
                .contains("USDT on TRON (TRC-20)")
                .containsPattern("data-seconds=\"1(800|799|79\\d)\"");
        // TRON has no wallet URI: the QR code holds the address.
        assertThat(attribute(html, "svg", "data-uri")).isEqualTo(p.get("pay_address").asString());
        assertThat(html).contains("QR code of the address");
        // A note about unique cents only when the amount to send differs from the one asked for.
        assertThat(html.contains("id=\"cents-note\"")).isEqualTo(!p.get("amount").asString().equals("25.00"));
    }

    @Test
    void uniqueCentsAreExplainedSoTheCustomerSendsExactlyThem() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode first = create(m, "{\"amount\":\"25\",\"currency\":\"USDT_TRC20\"}");
        JsonNode second = create(m, "{\"amount\":\"25\",\"currency\":\"USDT_TRC20\"}");
        // Two open payments on one address: at least one of them carries unique cents.
        if (second.get("amount").asString().equals("25.00")) {
            second = first;
        }
        assertThat(second.get("amount").asString()).isNotEqualTo("25.00");
        String html = page(second, Map.of()).body();
        assertThat(html).contains("id=\"amount\">" + second.get("amount").asString() + "</span>")
                .contains("id=\"cents-note\"").contains("not 25.00 USDT");
    }

    @Test
    void theLanguageComesFromLangThenAcceptLanguageThenEnglish() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"5\",\"currency\":\"USDT_TRC20\"}");
        assertThat(http().get("/pay/" + p.get("payment_id").asString() + "?lang=ru").body()).contains("<html lang=\"ru\"");
        assertThat(page(p, Map.of("Accept-Language", "de-CH, fr;q=0.8")).body()).contains("<html lang=\"de\"");
        assertThat(page(p, Map.of("Accept-Language", "pt-BR")).body()).contains("<html lang=\"pt\"");
        assertThat(page(p, Map.of("Accept-Language", "zh-Hans-CN,zh;q=0.9")).body()).contains("<html lang=\"zh\"");
        assertThat(page(p, Map.of("Accept-Language", "sw, nl;q=0.5")).body()).contains("<html lang=\"en\"");
        assertThat(page(p, Map.of("Accept-Language", ";;;=garbage")).body()).contains("<html lang=\"en\"");
        Http.Response unknownLang = http().send("GET", "/pay/" + p.get("payment_id").asString() + "?lang=xx", null,
                Map.of("Accept-Language", "ja"));
        assertThat(unknownLang.body()).contains("<html lang=\"ja\"");
        // The switcher links every language, each named in itself.
        assertThat(page(p, Map.of()).body()).contains("lang=\"ru\"").contains("Русский").contains("日本語")
                .contains("aria-current=\"true\"");
    }

    @Test
    void theStatusFollowsTheChainConfirmingThenCompletedWithTheTransaction() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"40\",\"currency\":\"USDT_TRC20\"}");
        BigDecimal amount = new BigDecimal(p.get("amount").asString());
        sink.observed(transfer("c1", p.get("pay_address").asString(), amount, 7000L));
        sink.tip(Chain.TRON, 7004, null, clock.instant());
        String confirming = page(p, Map.of()).body();
        assertThat(confirming).contains("Payment received: confirming").contains("5 of 19 confirmations")
                .contains(tx("c1")).doesNotContain("id=\"address\"");
        sink.tip(Chain.TRON, 7018, null, clock.instant());
        String completed = page(p, Map.of()).body();
        assertThat(completed).contains("Payment complete").contains(tx("c1"))
                .contains("id=\"received\">" + p.get("amount").asString() + " USDT")
                .doesNotContain("id=\"time-left\"").doesNotContain("http-equiv=\"refresh\"");
        JsonNode status = http().get("/pay/" + p.get("payment_id").asString() + "/status").data();
        assertThat(status.get("status").asString()).isEqualTo("completed");
        assertThat(status.get("tx_hash").asString()).isEqualTo(tx("c1"));
    }

    @Test
    void anUnderpaidPoolPaymentSaysWhatIsMissingAndNotToSendTheRestThere() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"100\",\"currency\":\"USDT_TRC20\"}");
        sink.observed(transfer("u1", p.get("pay_address").asString(), new BigDecimal("60"), 8000L));
        sink.tip(Chain.TRON, 8018, null, clock.instant());
        BigDecimal due = new BigDecimal(p.get("amount").asString());
        String html = page(p, Map.of()).body();
        assertThat(html).contains("Part of the payment is missing")
                .contains("We received 60.00 USDT of " + p.get("amount").asString() + " USDT. "
                        + due.subtract(new BigDecimal("60")).setScale(2) + " USDT is still missing.")
                .contains("Do not send the rest to this address").doesNotContain("id=\"address\"")
                .doesNotContain("id=\"time-left\"");
    }

    @Test
    void anExpiredPaymentSaysNotToPayAndWhatToDoIfMoneyWasSent() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "{\"amount\":\"7\",\"currency\":\"USDT_TRC20\"}");
        clock.advance(Duration.ofMinutes(31));
        expiryTicks.send(MessageBuilder.withPayload(Instant.now()).build());
        String html = page(p, Map.of()).body();
        assertThat(html).contains("This payment has expired").contains("If you already sent the payment")
                .contains(p.get("payment_id").asString()).doesNotContain("id=\"address\"")
                .doesNotContain("id=\"qr\"");
    }

    @Test
    void aSelectingPaymentGoesOnToTheChoiceAndAnUnknownOneIsAnHtml404() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        JsonNode selecting = create(m, "{\"amount\":\"10\"}");
        String token = selecting.get("payment_url").asString().replaceFirst(".*token=", "");
        String id = jdbcId(token);
        Http.Response r = http().get("/pay/" + id);
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("https://pay.example.test/pay/select?token=" + token);

        for (String unknown : List.of(UUID.randomUUID().toString(), "not-a-payment", "1-1-1-1-1")) {
            Http.Response missing = http().get("/pay/" + unknown);
            assertThat(missing.status()).as(unknown).isEqualTo(404);
            assertThat(missing.header("Content-Type")).startsWith("text/html");
            assertThat(missing.body()).contains("Payment not found");
        }
        Http.Response missingStatus = http().get("/pay/" + UUID.randomUUID() + "/status");
        assertThat(missingStatus.status()).isEqualTo(404);
        assertThat(missingStatus.json().get("success").asBoolean()).isFalse();
    }

    // ---- helpers ----

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String jdbcId(String token) {
        return jdbc.sql("select id from payments where selection_token = :t").param("t", token)
                .query(UUID.class).single().toString();
    }

    private JsonNode create(Merchant m, String body) {
        Http.Response r = m.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private Http.Response page(JsonNode payment, Map<String, String> headers) {
        return http().send("GET", "/pay/" + payment.get("payment_id").asString(), null, headers);
    }

    private static String attribute(String html, String tag, String name) {
        Matcher m = Pattern.compile("<" + tag + "\\b[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(tag + " with " + name).isTrue();
        return m.group(1);
    }

    private String tx(String name) {
        return run + "-" + name;
    }

    private ChainTransfer transfer(String name, String to, BigDecimal amount, long height) {
        return new ChainTransfer(new TransferKey(Chain.TRON, tx(name), 0), Asset.USDT_TRC20, to, amount, height,
                run + "-block-" + height, clock.instant());
    }
}
